"""A yes/no question before something is lost (quitting, starting over)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ...text import printable


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses with the answer; いいえ has the focus, so a stray Enter loses nothing."""

    BINDINGS = [Binding("y", "answer(True)", "はい", show=False),
                Binding("n,escape", "answer(False)", "いいえ", show=False)]

    def __init__(self, question: str):
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(printable(self.question)))
            with Horizontal(id="confirm-buttons"):
                yield Button("はい（Y）", id="yes", variant="error")
                yield Button("いいえ（N・Esc）", id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
