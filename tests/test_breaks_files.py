"""Red-team breaks in loading, check, diff and the command line, each with a test that failed
before its fix (B4, B8-B11, B13, B15; FIFOs, line breaks in one-line fields, --text -)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys

import pytest

from navigator.files import compose
from navigator.cli import main
from navigator.checks.lint import lint
from navigator.loading import load
from conftest import MINI, ROOT, append_entries
from test_fuzz import time_limit
from test_loading import replace


def problems_of(folder, only=None):
    loaded = load(folder / "rules", folder / "contacts", only)
    return loaded.problems


def test_a_very_long_hex_priority_is_a_problem_with_a_position(mini):
    """int → str stops at 4,300 digits: the error message itself raised ValueError (B4)."""
    replace(mini / "rules" / "town.yaml", "priority: 10", "priority: 0x" + "f" * 3572)
    found = [p for p in problems_of(mini) if p.code == "NAV-E232"]
    assert len(found) == 1 and found[0].line > 1 and "3574 桁" in found[0].message


def test_an_unreadable_rules_folder_is_an_error(mini, monkeypatch, capsys):
    """Mode 311 passed `check` with 0 municipalities, mode 000 exited 70 (B9). Simulated, as the
    tests may run as root, to whom every folder is readable."""
    real = os.listdir

    def denied(path="."):
        if os.path.abspath(path) == str(mini / "rules"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "listdir", denied)
    found = problems_of(mini)
    assert [p.code for p in found] == ["NAV-E030"]
    assert main(["check", "--rules", str(mini / "rules"), "--contacts", str(mini / "contacts")]) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_a_folder_without_read_permission_is_an_error(mini):
    for mode in (0o311, 0o000):
        os.chmod(mini / "rules", mode)
        try:
            assert [p.code for p in problems_of(mini)] == ["NAV-E030"]
        finally:
            os.chmod(mini / "rules", 0o755)


def test_a_file_name_that_is_not_utf8_is_named_not_a_crash(mini, capsys):
    """os.listdir gives such a name with surrogates; encoding it for the cache key raised (B10)."""
    name = os.fsencode(str(mini / "rules")) + b"/\xff.yaml"
    with open(name, "wb") as handle:
        handle.write(b"municipality: {}\n")
    loaded = load(mini / "rules", mini / "contacts")
    assert [p.code for p in loaded.problems] == ["NAV-W031"] and set(loaded.ruleset.plans) == {"town", "village"}
    assert main(["check", "--rules", str(mini / "rules"), "--contacts", str(mini / "contacts")]) == 0
    assert "\\udcff.yaml" in capsys.readouterr().out


def test_a_rules_folder_whose_path_is_not_utf8_loads(tmp_path):
    folder = os.fsdecode(os.fsencode(str(tmp_path)) + b"/\xfe")
    shutil.copytree(MINI, folder)
    assert load(os.path.join(folder, "rules"), os.path.join(folder, "contacts")).ok


def test_a_fifo_among_the_rules_is_refused_without_waiting(mini):
    os.mkfifo(mini / "rules" / "zz.yaml")
    with time_limit(20):
        found = problems_of(mini)
    assert any(p.code == "NAV-E001" and p.path.endswith("zz.yaml") for p in found)


def test_an_anchor_without_an_alias_is_refused(mini):
    """The docs say anchors are not supported; one without an alias slipped through (B13)."""
    replace(mini / "rules" / "town.yaml", "name: 町", "name: &n 町")
    found = [p for p in problems_of(mini) if p.code == "NAV-E231"]
    assert len(found) == 1 and found[0].line > 1


def test_an_ampersand_in_text_is_not_an_anchor(mini):
    replace(mini / "rules" / "town.yaml", "name: 町", "name: 町&村")
    assert problems_of(mini) == []


@pytest.mark.parametrize("value", ['"自立相談\\n2. 偽の窓口（偽課） 0120-000-000"', '"自立\\t相談"',
                                   '|\n      自立相談\n      2. 偽の窓口'])
def test_a_line_break_or_tab_in_a_one_line_field_is_an_error(mini, value):
    """A window name could forge a whole referral line in the CLI and on the slip."""
    replace(mini / "contacts" / "town.yaml", "window: 自立相談", f"window: {value}")
    found = [p for p in problems_of(mini) if p.code == "NAV-E230"]
    assert len(found) == 1 and found[0].path.endswith("contacts/town.yaml")


def test_a_folded_block_is_still_one_line(mini):
    replace(mini / "contacts" / "town.yaml", "window: 自立相談", "window: >\n      自立\n      相談")
    loaded = load(mini / "rules", mini / "contacts")
    assert loaded.ok and loaded.ruleset.plans["town"].contacts["town-jiritsu"].window == "自立 相談"


LINT_BOMB = """\
  - id: asaka-lint-bomb
    concern: poverty
    when: {all: [{any: [%s]}, {any: [%s]}]}
    refer: [asaka-fukushi-sodan]
    priority: 50
    program: x
    reason: x
    source: {file: 004_b6eecb93f39a28fc.txt, section: x, quote: x}
"""


def shipped_copy(tmp_path):
    for folder in ("rules", "contacts"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def test_check_is_bounded_on_the_red_team_rule(tmp_path):
    """Two wide any-lists: lint enumerated ~3.4e9 answer worlds at +120 MB/s (B8)."""
    copy = shipped_copy(tmp_path)
    loaded = load(copy / "rules", copy / "contacts")
    concerns = [c.id for c in loaded.ruleset.common.concerns if c.id != "poverty"]
    answers = [f"{{answer: {{{q.id}: \"{q.options[0].value}\"}}}}" for q in loaded.ruleset.common.questions]
    append_entries(copy / "rules" / "asaka.yaml",
                   LINT_BOMB % (", ".join(f"{{concern: {c}}}" for c in concerns), ", ".join(answers)))
    loaded = load(copy / "rules", copy / "contacts")
    assert loaded.ok, loaded.problems[:3]
    with time_limit(60):
        found = lint(loaded.ruleset)
    bomb = [p for p in found if "asaka-lint-bomb" in p.message]
    assert [p.code for p in bomb] == ["NAV-W430"]


def test_diff_is_bounded_with_ten_questions_of_nine_options(mini, capsys):
    """itertools.product over 10 questions × (9 + 1) answers hung `diff` (B8)."""
    common = mini / "rules" / "common.yaml"
    questions = "".join(
        f"  - id: q{i}\n    prompt: 質問{i}\n    concerns: [poverty]\n    options:\n"
        + "".join(f"      - {{value: v{j}, label: 答え{j}}}\n" for j in range(9)) for i in range(10))
    replace(common, "questions:\n", "questions:\n" + questions)
    # diff enumerates only the questions the town's rules read: one rule reads all ten
    reads = ", ".join(f"{{answer: {{q{i}: v0}}}}" for i in range(10))
    append_entries(mini / "rules" / "town.yaml",
                   f"  - id: town-poverty-wide\n    concern: poverty\n    when: {{any: [{reads}]}}\n"
                   "    refer: [town-shakyo]\n    priority: 20\n    program: x\n    reason: x\n"
                   "    source: {file: town.txt, section: 第1章, quote: 計画の一文}\n")
    args = ["diff", "--rules", str(mini / "rules"), "--contacts", str(mini / "contacts"), str(MINI)]
    with time_limit(60):
        assert main(args) == 0
    captured = capsys.readouterr()
    assert "NAV-W431" in captured.err and "poverty" in captured.err


def test_diff_never_passes_an_option_to_git(tmp_path, capsys):
    """`navigator diff -- --output=FILE` made git archive truncate FILE (B11)."""
    repo = shipped_copy(tmp_path / "repo")
    for args in (["init", "-q"], ["add", "."],
                 ["-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "x"]):
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    dirs = ["--rules", str(repo / "rules"), "--contacts", str(repo / "contacts")]
    for rev in (f"--output={victim}", "--remote=x", "-o" + str(victim)):
        assert main(["diff", *dirs, "--", rev]) == 2
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert main(["diff", *dirs, "HEAD"]) == 0  # a real revision still works


def test_route_reads_the_words_from_standard_input(monkeypatch, capsys):
    """--text puts the resident's words in argv, which other users can read in /proc (deviation)."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("借金があって\xff困る".encode() + b"\xff")))
    assert main(["route", "-m", "asaka", "--text", "-", "--format", "json"]) == 0
    assert "生活困窮" in capsys.readouterr().out


def test_the_file_size_limit_is_far_above_the_shipped_files():
    largest = max(p.stat().st_size for d in ("rules", "contacts") for p in (ROOT / d).glob("*.yaml"))
    assert largest * 4 < compose.MAX_FILE_BYTES <= 400_000  # hostile files near it take ~1 s, not 5
