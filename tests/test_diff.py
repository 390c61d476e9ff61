"""`navigator diff`: which consultations an edit sends elsewhere, between folders or git revisions."""

from __future__ import annotations

import shutil
import subprocess

from navigator.cli import main
from navigator.checks.diff import compare, render
from navigator.loading import load
from conftest import MINI
from test_loading import replace


def ruleset(folder):
    loaded = load(folder / "rules", folder / "contacts")
    assert loaded.ok, loaded.problems
    return loaded.ruleset


def test_no_edit_no_change(mini):
    assert render(compare(ruleset(MINI), ruleset(mini))) == "案内が変わる相談はありません"


def test_moving_a_program_to_another_window(mini):
    replace(mini / "rules" / "town.yaml", "refer: [town-kodomo]", "refer: [town-general]")
    changes = compare(ruleset(MINI), ruleset(mini))
    child = "虐待（「誰ですか」→ 子ども"
    assert render(changes).splitlines() == [
        "town: 3 件の相談で案内が変わります",
        "  - こども相談（こども課）",
        "  + 総合相談（総合課）",
        f"    対象: {child}）",
        f"          {child}／「危険ですか」→ はい）",
        f"          {child}／「危険ですか」→ いいえ）",
    ]   # the concern and answers in the words of the screen, not their ids


def test_ids_with_lang_en(mini, english):
    replace(mini / "rules" / "town.yaml", "refer: [town-kodomo]", "refer: [town-general]")
    changes = compare(ruleset(MINI), ruleset(mini))
    assert {(c.municipality, c.case) for c in changes} == {
        ("town", "abuse [who=child]"), ("town", "abuse [who=child danger=yes]"), ("town", "abuse [who=child danger=no]")}
    assert render(changes).splitlines()[-1] == "    in: abuse [who=child], abuse [who=child danger=yes], abuse [who=child danger=no]"


def test_a_renamed_department_reads_as_one_change(mini):
    replace(mini / "contacts" / "town.yaml", "department: 福祉課", "department: 生活支援課")
    text = render(compare(ruleset(MINI), ruleset(mini)))
    assert text.count("  - 自立相談（福祉課） 0000-00-0000") == 1
    assert "  + 自立相談（生活支援課） 0000-00-0000" in text


def test_order_change(mini):
    replace(mini / "rules" / "town.yaml", "refer: [town-jiritsu, town-shakyo]", "refer: [town-shakyo, town-jiritsu]")
    assert "  順番: 自立相談（福祉課） 0000-00-0000 / 生活福祉資金（担当課記載なし）  →  " \
           "生活福祉資金（担当課記載なし） / 自立相談（福祉課） 0000-00-0000" in render(compare(ruleset(MINI), ruleset(mini)))


def git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def test_git_revision_against_the_working_tree(tmp_path, capsys):
    repo = tmp_path / "city"
    shutil.copytree(MINI, repo)
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "rules")
    replace(repo / "rules" / "village.yaml", "program: 生活相談", "program: 生活相談")  # no-op edit
    replace(repo / "contacts" / "village.yaml", "window: 村役場", "window: 村役場 福祉係")
    code = main(["diff", "--rules", str(repo / "rules"), "--contacts", str(repo / "contacts"), "HEAD"])
    out = capsys.readouterr().out
    assert code == 0
    assert "village: 12 件の相談で案内が変わります\n  - 村役場（担当課記載なし）\n  + 村役場 福祉係（担当課記載なし）" in out


def test_bad_revision_is_one_line(capsys, tmp_path):
    code = main(["diff", "--rules", str(MINI / "rules"), "--contacts", str(MINI / "contacts"), "no-such-rev"])
    err = capsys.readouterr().err
    assert code == 2 and "not a valid object name" in err
