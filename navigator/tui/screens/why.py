"""W: which words, answers and rules led to each referral and each emergency line."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ...engine import Result
from ...explain import result_why
from ...model import RuleSet
from ...text import printable


def why_text(ruleset: RuleSet, result: Result, understood: list[str] = ()) -> Content:
    """The why dialog's text (navigator/explain.py), built before the dialog opens, so a failure
    there leaves the result screen as it was."""
    return Content(printable("\n".join(result_why(ruleset, result, understood))))


class WhyScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,w,q", "close", "閉じる")]

    def __init__(self, text: Content):
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(self.text)

    def action_close(self) -> None:
        self.dismiss(None)
