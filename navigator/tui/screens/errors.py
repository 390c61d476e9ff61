"""Shown instead of a traceback when the rule files have problems."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ...text import printable

if TYPE_CHECKING:   # imported by the app before its first screen, shown only after a load
    from ...problems import Problem

SHOWN = 200  # a broken file can yield thousands of problems; the first ones say what is wrong


class LoadErrorScreen(Screen[None]):
    """Lists the problems as path:line:col; fatal when there are no good rules to fall back on."""

    BINDINGS = [
        Binding("q", "app.quit", "終了"),
        Binding("escape", "close", "戻る"),
    ]

    def __init__(self, problems: list[Problem], fatal: bool, municipality: str | None = None):
        super().__init__()
        self.problems, self.fatal, self.municipality = problems, fatal, municipality

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        return not (action == "close" and self.fatal)

    def action_close(self) -> None:
        self.dismiss(None)

    def compose(self) -> ComposeResult:
        if self.municipality:
            head = f"{self.municipality} はルールファイルに問題があるため使えません。ほかの市町村は使えます。"
        elif self.fatal:
            head = "ルールファイルに問題があるため、案内を始められません。"
        else:
            head = "ルールファイルに問題があります。問題のない市町村と、直す前のルールで案内を続けます。"
        yield Header()
        yield Static(Content(printable(head)), id="error-head")
        yield Static("ファイル:行:桁 と内容です。ファイルを直して保存すると自動で読み込み直します。", classes="hint")
        with VerticalScroll(id="problems"):
            yield Static(Content(printable(problem_list(self.problems))))
        yield Footer()

    def on_mount(self) -> None:
        self.title = "相談窓口ナビ — ルールファイルの問題"
        self.query_one("#problems").focus()


def problem_list(problems: list[Problem]) -> str:
    """Errors first, each with its line, a caret and how to fix it."""
    from ...problems import describe_all, ordered   # after a load (see the imports)

    lines = [describe_all(ordered(problems)[:SHOWN])]
    if len(problems) > SHOWN:
        lines.append(f"…ほか {len(problems) - SHOWN} 件（すべては navigator check で表示できます）")
    return "\n".join(lines)
