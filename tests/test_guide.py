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
    assert re.fullmatch(r"\d+ passed, 0 failed", capsys.readouterr().out.splitlines()[-1])

    # 4. diff: the guide's output is what the command prints
    assert main(["diff", *dirs, "HEAD"]) == 0
    assert block_after("この例では") in capsys.readouterr().out
