"""F1: the keys of every screen, from navigator/tui/help.md (staff may edit it), aligned so it
fits 80×24."""

from __future__ import annotations

import re
from importlib import resources

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ...text import printable
from ..widgets.referrals import fit


def help_text(markdown: str | None = None) -> Content:
    """The heading, the table's rows as aligned lines (screen, keys), then the notes."""
    markdown = markdown if markdown is not None else (resources.files("navigator.tui") / "help.md").read_text("utf-8")
    markdown = re.sub(r"<!--.*?-->", "", markdown, flags=re.S)
    heading, rows, notes = "", [], []
    for line in markdown.splitlines():
        if line.startswith("# "):
            heading = line[2:].strip()
        elif line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) == 2 and not re.fullmatch(r"-+", cells[0]) and cells[1] != "キー":
                rows.append((cells[0], cells[1]))
        elif line.strip():
            notes.append(line.strip())
    width = max((len(name) for name, _ in rows), default=0) * 2 + 2
    table = [f"{fit(name, width)}{keys}" for name, keys in rows]
    return Content(printable(f"{heading}\n\n" + "\n".join(table) + "\n\n" + "\n".join(notes)))


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q,question_mark,fullwidth_question_mark", "close", "閉じる")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(help_text())

    def action_close(self) -> None:
        self.dismiss(None)
