"""docs/editing-rules.md's worked example, replayed on a copy of the shipped data exactly as written."""

from __future__ import annotations

import re
import shutil
import subprocess

from navigator.cli import main
from conftest import ROOT

GUIDE = (ROOT / "docs" / "editing-rules.md").read_text(encoding="utf-8")


def block_after(marker: str) -> str:
    """The first fenced block after `marker` in the guide."""
    rest = GUIDE[GUIDE.index(marker):]
    return re.search(r"```\w*\n(.*?)```", rest, re.S).group(1)


def test_worked_example(tmp_path, capsys):
    repo = tmp_path / "rules-repo"
    for folder in ("rules", "contacts"):
        shutil.copytree(ROOT / folder, repo / folder)
    for args in (["init", "-q"], ["add", "."],
                 ["-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "before"]):
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)

    # 1. the one-line edit the guide shows
    edited = block_after("### 1. 直す")
    contacts = repo / "contacts" / "asaka.yaml"
    text = contacts.read_text(encoding="utf-8")
    start = text.index("  - id: asaka-koken-sodan")
    old = text[start:].split("\n", 4)[:4]
    new = [line.split("  #")[0].rstrip() for line in edited.splitlines()]
    assert old[0] == new[0] and old[1] == new[1] and old[3] == new[3]
    assert old[2] == "    department: 福祉相談課 障害福祉課 長寿はつらつ課"
    contacts.write_text(text.replace("\n".join(old), "\n".join(new), 1), encoding="utf-8")
    dirs = ["--rules", str(repo / "rules"), "--contacts", str(repo / "contacts")]

    # 2. check
    assert main(["check", *dirs]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("エラー 0 件、")

    # 3. test
    assert main(["test", *dirs]) == 0
    assert re.fullmatch(r"合格 [1-9]\d* 件、不合格 0 件、読めない相談例ファイルの問題 0 件", capsys.readouterr().out.splitlines()[-1])

    # 4. diff: the guide's output is what the command prints
    assert main(["diff", *dirs, "HEAD"]) == 0
    assert block_after("この例では") in capsys.readouterr().out


# ---- the rest of the guide's examples ----------------------------------------------------


def shipped_repo(tmp_path):
    repo = tmp_path / "rules-repo"
    for folder in ("rules", "contacts"):
        shutil.copytree(ROOT / folder, repo / folder)
    for args in (["init", "-q"], ["add", "."],
                 ["-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "before"]):
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)
    return repo, ["--rules", str(repo / "rules"), "--contacts", str(repo / "contacts")]


def test_the_message_table_is_the_catalogue():
    from navigator.messages import with_guide_table

    assert with_guide_table(GUIDE) == GUIDE, "run: python -m navigator.messages docs/editing-rules.md"


async def test_the_guided_editor_example(tmp_path):
    from test_editor import choose, review_done, type_into
    from navigator.tui.editor import EditorApp
    from textual.widgets import Static

    repo, _ = shipped_repo(tmp_path)
    values = dict(line.split(": ", 1) for line in block_after("担当課と電話を直すと").strip().splitlines())
    app = EditorApp(repo / "rules", repo / "contacts", "asaka")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await choose(pilot, app, "contact:asaka-koken-sodan")
        await type_into(pilot, "department", values["担当課"])
        await type_into(pilot, "phone", values["電話"])
        await pilot.press("ctrl+s")
        await review_done(pilot, app)
        shown = str(app.screen.query_one("#review-text", Static).render())
        assert "変わる行:\n" + block_after("「変わる行」は次の 2 行だけです") in shown + "\n"


def test_the_added_rule_example(tmp_path, capsys):
    repo, dirs = shipped_repo(tmp_path)
    rules = repo / "rules" / "asaka.yaml"
    text = rules.read_text(encoding="utf-8")
    end = text.rindex("\n# ファイルの終わりの印です。")
    rules.write_text(text[:end] + "\n" + block_after("朝霞市で、住まいの相談が") + text[end:], encoding="utf-8")
    assert main(["check", *dirs]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("エラー 0 件、")
    assert main(["diff", *dirs, "HEAD"]) == 0
    assert block_after("この追加では") in capsys.readouterr().out


def test_the_message_example(tmp_path, capsys, monkeypatch):
    repo, dirs = shipped_repo(tmp_path)
    contacts = repo / "contacts" / "asaka.yaml"
    text = contacts.read_text(encoding="utf-8")
    contacts.write_text(text.replace("    department: 福祉相談課 障害福祉課 長寿はつらつ課\n",
                                     "    department 長寿はつらつ課\n", 1), encoding="utf-8")
    monkeypatch.chdir(repo)  # paths are shown relative to where the command runs
    assert main(["check", "--rules", "rules", "--contacts", "contacts", "--no-plans"]) == 1
    assert block_after("`navigator check` は次のように出します") in capsys.readouterr().out
