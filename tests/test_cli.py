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
    assert set(data) == {"municipality", "concerns", "ignored", "answers", "danger", "emergency", "referrals", "persons",
                         "main"}
    assert data["persons"] == [] and data["main"] is None  # one person: the household fields stay empty
    assert data["danger"] == {"detected": False, "kinds": [], "matched": [], "answer": None}
    assert data["municipality"] == "town"
    assert [c["id"] for c in data["concerns"]] == ["poverty", "housing"]
    assert data["concerns"][0] == {"id": "poverty", "label": "生活困窮", "score": 100, "candidate": False,
                                   "matched": [{"keyword": "家賃が払えない", "how": "そのまま",
                                                "words": ["家賃が払えない"], "spans": [[0, 7]]}]}
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
    lines = json.loads(out)["emergency"]
    old = [{k: e[k] for k in ("name", "phone", "note", "source")} for e in lines]  # the keys before issue 10
    assert old == [{"name": "警察", "phone": "110", "note": "", "source": "national"},
                   {"name": "児童相談所虐待対応ダイヤル", "phone": "189", "note": "", "source": "national"}]
    assert [e["kind"] for e in lines] == [None, None]   # the mini rules give no group
    assert "児童相談所虐待対応ダイヤル" not in lines[0]["why"] and "子ども" in lines[1]["why"]


def test_route_text_output(capsys):
    code, out, _ = run(capsys, "route", *DIRS, "-m", "town", "-c", "poverty")
    assert code == 0
    assert "1. 自立相談" in out and "電話: 0000-00-0000" in out and "担当課: 記載なし" in out


@pytest.mark.parametrize("args, message", [
    (["route", "-m", "nowhere", "-c", "poverty"], "市町村「nowhere」はありません（あるもの: town, village）"),
    (["route", "-m", "town", "--text", "  "], "NAV-C603"),
    (["route", "-m", "town"], "NAV-C604"),
    (["route", "-m", "town", "-c", "money"], "NAV-C605"),
    (["route", "-m", "town", "-c", "abuse", "-a", "who=cat"], "NAV-C608"),
    (["route", "-m", "town", "-c", "abuse", "-a", "who"], "NAV-C607"),
    (["route", "-m", "town", "--text", "天気がいい"], "NAV-C606"),
])
def test_bad_input_is_one_clear_line(capsys, args, message):
    code, out, err = run(capsys, *args[:1], *DIRS, *args[1:])
    assert code == 2
    assert message in err and "Traceback" not in err + out
    assert len(err.strip().splitlines()) == 1 and "[エラー]" in err


def test_unknown_concern_on_the_command_line_suggests_one(capsys):
    code, _, err = run(capsys, "route", *DIRS, "-m", "town", "-c", "povrty")
    assert code == 2 and "相談の種類「povrty」はありません" in err and "「poverty」の書き間違い" in err


def test_english_for_developers(capsys, monkeypatch):
    code, _, err = run(capsys, "--lang", "en", "route", *DIRS, "-m", "town", "-c", "money")
    assert code == 2 and "unknown concern 'money'" in err and "[NAV-C605]" in err
    monkeypatch.setenv("NAVIGATOR_LANG", "en")
    done = subprocess.run([sys.executable, "-m", "navigator", "route", *DIRS, "-m", "nowhere", "-c", "poverty"],
                          capture_output=True, text=True, cwd=ROOT)
    assert "unknown municipality 'nowhere'" in done.stderr


def test_json_errors_stay_machine_readable(capsys):
    code, out, err = run(capsys, "route", *DIRS, "-m", "town", "-c", "money", "--format", "json")
    error = json.loads(err)["error"]
    assert code == 2 and error["code"] == "NAV-C605" and "money" in error["message"]


def test_missing_directory(capsys, tmp_path):
    code, out, err = run(capsys, "check", "--rules", str(tmp_path / "x"), "--contacts", str(tmp_path))
    assert code == 1 and "NAV-E011" in out and "フォルダが見つかりません" in out


def test_check_passes_and_fails(capsys, mini):
    code, out, _ = run(capsys, "check", *DIRS)
    assert code == 0  # warnings alone do not fail the check
    assert out.splitlines()[-1] == "エラー 0 件、注意 1 件。市町村 2（読み込めたもの 2）、ルール 6、窓口 6"
    bad = mini / "rules" / "village.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("priority: 10", "priority: ten"), encoding="utf-8")
    code, out, _ = run(capsys, "check", "--rules", str(mini / "rules"), "--contacts", str(mini / "contacts"))
    assert code == 1
    assert "rules/village.yaml:12:15: [エラー] 「priority」は整数で書きます（今は文字です） [NAV-E210]" in out
    assert "  12 |     priority: ten\n     |               ^\n    直し方: 半角数字で書いてください" in out
    assert "エラーのある市町村:\n  village: エラー 1 件（使えないルール 1 件）" in out
    code, out, _ = run(capsys, "check", "--rules", str(mini / "rules"), "--contacts", str(mini / "contacts"),
                       "--format", "json")
    [problem] = json.loads(out)  # the fallback warning follows from the error: folded under it
    assert (problem["code"], problem["line"], problem["column"], problem["severity"]) == ("NAV-E210", 12, 15, "error")
    assert problem["path"].endswith("rules/village.yaml") and problem["message"]
    [warning] = problem["follows"]
    assert warning["severity"] == "warning" and warning["hint"] and warning["code"] == "NAV-W410"


def test_route_refuses_broken_rules(capsys, mini):
    (mini / "rules" / "town.yaml").write_text("municipality: [", encoding="utf-8")
    code, _, err = run(capsys, "route", "--rules", str(mini / "rules"), "--contacts", str(mini / "contacts"),
                       "-m", "town", "-c", "poverty")
    assert code == 2 and "rules/town.yaml:1:15: [エラー] かっこ（[）が閉じていません" in err and "navigator check" in err


def test_environment_variables_choose_the_directories(capsys, monkeypatch):
    monkeypatch.setenv("NAVIGATOR_RULES", str(MINI / "rules"))
    monkeypatch.setenv("NAVIGATOR_CONTACTS", str(MINI / "contacts"))
    code, out, _ = run(capsys, "list")
    assert code == 0 and "town" in out and "village" in out


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
        f"不合格 {scenarios}:6:5 子ども",
        "    上位 1 件に town-general が出るはずですが、実際は town-kodomo でした",
        "    緊急連絡先が出ないはずですが、実際は 189 でした",
        "合格 1 件、不合格 1 件、読めない相談例ファイルの問題 0 件",
    ]
    code, out, _ = run(capsys, "--lang", "en", "test", *DIRS, str(tmp_path))
    assert code == 1 and out.splitlines()[-1] == "1 passed, 1 failed"   # for scripts that read it


def test_navigator_test_on_the_shipped_scenarios(capsys):
    from navigator.files.scenarios import load_scenarios, shipped_scenario_files

    scenarios, problems = load_scenarios(shipped_scenario_files())
    assert len(scenarios) > 10 and not problems
    code, out, _ = run(capsys, "test")
    assert code == 0 and out.splitlines()[-1] == f"合格 {len(scenarios)} 件、不合格 0 件、読めない相談例ファイルの問題 0 件"


def test_navigator_test_with_no_scenarios_fails(capsys, tmp_path, monkeypatch):
    code, out, err = run(capsys, "test", *DIRS, str(tmp_path))
    assert code == 1 and f"相談例が 1 つも見つかりません: {tmp_path}" in err and out == "合格 0 件、不合格 1 件、読めない相談例ファイルの問題 0 件\n"
    monkeypatch.setattr("navigator.files.scenarios.shipped_scenario_files", lambda: [])  # an install without them
    code, out, err = run(capsys, "test", *DIRS)
    assert code == 1 and "NAV-C611" in err


@pytest.mark.parametrize("where", ["before", "after"])
def test_rules_and_contacts_count_before_or_after_the_subcommand(capsys, where):
    args = [*DIRS, "list"] if where == "before" else ["list", *DIRS]
    code, out, _ = run(capsys, *args)
    assert code == 0 and "town" in out and "asaka" not in out


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out.strip() == "navigator 0.1.0"


def test_a_mistyped_option_is_explained_with_a_code(capsys):
    with pytest.raises(SystemExit) as exit:
        main(["check", *DIRS, "--fromat", "json"])
    err = capsys.readouterr().err
    assert exit.value.code == 2 and "[NAV-C619]" in err and "コマンドの指定に誤りがあります" in err and "--fromat" in err
