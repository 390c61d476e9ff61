"""The command line: JSON contract, check output, and clear errors instead of tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from navigator.cli import main
from conftest import MINI, ROOT

DIRS = ["--rules", str(MINI / "rules"), "--contacts", str(MINI / "contacts")]


def run(capsys, *args):
    code = main([*args])
    out, err = capsys.readouterr()
    return code, out, err


def test_route_json_contract(capsys):
    code, out, _ = run(capsys, "route", *DIRS, "-m", "town", "--text", "家賃が払えない", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"municipality", "concerns", "answers", "emergency", "referrals"}
    assert data["municipality"] == "town"
    assert [c["id"] for c in data["concerns"]] == ["poverty", "housing"]
    assert data["concerns"][0] == {"id": "poverty", "label": "生活困窮", "score": 100, "matched": ["家賃が払えない"]}
    first = data["referrals"][0]
    assert first["rank"] == 1 and first["window"] == "総合相談"
    second = data["referrals"][1]
    assert {k: second[k] for k in ("window", "department", "organization", "phone")} == {
        "window": "自立相談", "department": "福祉課", "organization": "町", "phone": "0000-00-0000"}
    assert second["source"] == {"file": "town.txt", "section": "第1章", "quote": "計画の一文"}
    assert second["why"] and "town-poverty" in second["why"][0]
    shakyo = next(r for r in data["referrals"] if r["window"] == "生活福祉資金")
    assert shakyo["department"] is None and shakyo["phone"] is None  # unknown is null, never made up


def test_route_emergency_json(capsys):
    code, out, _ = run(capsys, "route", *DIRS, "-m", "town", "-c", "abuse", "-a", "who=child",
                       "-a", "danger=yes", "--format", "json")
    assert code == 0
    assert json.loads(out)["emergency"] == [
        {"name": "警察", "phone": "110", "note": "", "source": "national"},
        {"name": "児童相談所虐待対応ダイヤル", "phone": "189", "note": "", "source": "national"}]


def test_route_text_output(capsys):
    code, out, _ = run(capsys, "route", *DIRS, "-m", "town", "-c", "poverty")
    assert code == 0
    assert "1. 自立相談" in out and "電話: 0000-00-0000" in out and "担当課: 記載なし" in out


@pytest.mark.parametrize("args, message", [
    (["route", "-m", "nowhere", "-c", "poverty"], "unknown municipality 'nowhere' (known: town, village)"),
    (["route", "-m", "town", "--text", "  "], "--text is empty"),
    (["route", "-m", "town"], "give --text or at least one --concern"),
    (["route", "-m", "town", "-c", "money"], "unknown concern 'money'"),
    (["route", "-m", "town", "-c", "abuse", "-a", "who=cat"], "question 'who' has no option 'cat'"),
    (["route", "-m", "town", "-c", "abuse", "-a", "who"], "--answer wants QUESTION=VALUE"),
    (["route", "-m", "town", "--text", "天気がいい"], "no concern recognised in the text"),
])
def test_bad_input_is_one_clear_line(capsys, args, message):
    code, out, err = run(capsys, *args[:1], *DIRS, *args[1:])
    assert code == 2
    assert message in err and "Traceback" not in err + out


def test_missing_directory(capsys, tmp_path):
    code, out, err = run(capsys, "check", "--rules", str(tmp_path / "x"), "--contacts", str(tmp_path))
    assert code == 1 and "rules directory not found" in out


def test_check_passes_and_fails(capsys, mini):
    code, out, _ = run(capsys, "check", *DIRS)
    assert code == 0  # warnings alone do not fail the check
    assert out.splitlines()[-1] == "0 errors, 1 warnings in 2 municipalities, 6 rules, 6 contacts"
    bad = mini / "rules" / "village.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("priority: 10", "priority: ten"), encoding="utf-8")
    code, out, _ = run(capsys, "check", "--rules", str(mini / "rules"), "--contacts", str(mini / "contacts"))
    assert code == 1
    assert "rules/village.yaml:12:15: [error] priority must be a whole number, not text" in out
    code, out, _ = run(capsys, "check", "--rules", str(mini / "rules"), "--contacts", str(mini / "contacts"),
                       "--format", "json")
    warning, problem = json.loads(out)  # sorted by position
    assert (problem["line"], problem["column"], problem["level"]) == (12, 15, "error")
    assert warning["level"] == "warning" and warning["hint"]


def test_route_refuses_broken_rules(capsys, mini):
    (mini / "rules" / "town.yaml").write_text("municipality: [", encoding="utf-8")
    code, _, err = run(capsys, "route", "--rules", str(mini / "rules"), "--contacts", str(mini / "contacts"),
                       "-m", "town", "-c", "poverty")
    assert code == 2 and "rules/town.yaml:2:1: [error] YAML syntax error" in err and "navigator check" in err


def test_environment_variables_choose_the_directories(capsys, monkeypatch):
    monkeypatch.setenv("NAVIGATOR_RULES", str(MINI / "rules"))
    monkeypatch.setenv("NAVIGATOR_CONTACTS", str(MINI / "contacts"))
    code, out, _ = run(capsys, "list")
    assert code == 0 and "town" in out and "village" in out


def test_route_does_not_import_textual():
    code = ("import sys; from navigator.cli import main; "
            f"rc = main(['route', '--rules', {str(MINI / 'rules')!r}, '--contacts', {str(MINI / 'contacts')!r}, "
            "'-m', 'town', '-c', 'poverty']); "
            "assert 'textual' not in sys.modules, 'textual imported'; sys.exit(rc)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


def test_python_dash_m(tmp_path):
    done = subprocess.run([sys.executable, "-m", "navigator", "list", *DIRS], capture_output=True, text=True)
    assert done.returncode == 0 and "village" in done.stdout


def test_navigator_test_reports_expected_vs_got_and_a_plain_summary(capsys, tmp_path):
    scenarios = tmp_path / "town.yaml"
    scenarios.write_text(
        "municipality: town\n"
        "scenarios:\n"
        "  - name: 借金\n"
        "    text: 借金がある\n"
        "    expect: {contacts: [town-jiritsu], emergency: false, found: [poverty]}\n"
        "  - name: 子ども\n"
        "    concerns: [abuse]\n"
        "    answers: {who: child}\n"
        "    expect: {top: 1, contacts: [town-general], emergency: false}\n", encoding="utf-8")
    code, out, _ = run(capsys, "test", *DIRS, str(tmp_path))
    assert code == 1
    assert out.splitlines() == [
        f"FAIL {scenarios}:6:5 子ども",
        "    expected town-general in the top 1; got town-kodomo",
        "    emergency lines expected not shown; got 189",
        "1 passed, 1 failed",
    ]


def test_navigator_test_on_the_shipped_scenarios(capsys):
    from navigator.scenarios import load_scenarios, shipped_scenario_files

    scenarios, problems = load_scenarios(shipped_scenario_files())
    assert len(scenarios) > 10 and not problems
    code, out, _ = run(capsys, "test")
    assert code == 0 and out.splitlines()[-1] == f"{len(scenarios)} passed, 0 failed"


def test_navigator_test_with_no_scenarios_fails(capsys, tmp_path, monkeypatch):
    code, out, err = run(capsys, "test", *DIRS, str(tmp_path))
    assert code == 1 and f"no scenarios found in {tmp_path}" in err and out == "0 passed, 1 failed\n"
    monkeypatch.setattr("navigator.scenarios.shipped_scenario_files", lambda: [])  # an install without them
    code, out, err = run(capsys, "test", *DIRS)
    assert code == 1 and "no scenarios found" in err


@pytest.mark.parametrize("where", ["before", "after"])
def test_rules_and_contacts_count_before_or_after_the_subcommand(capsys, where):
    args = [*DIRS, "list"] if where == "before" else ["list", *DIRS]
    code, out, _ = run(capsys, *args)
    assert code == 0 and "town" in out and "asaka" not in out


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out.strip() == "navigator 0.1.0"
