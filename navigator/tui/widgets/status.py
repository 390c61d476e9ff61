"""The latest notice, on its own line above the footer: a transient notice that never covers
what staff read (Textual's toasts are switched off in the stylesheet). Not docked: it is the last
widget of the screen's layout, so the content above makes room for it (a 1fr pane shrinks)
instead of being drawn over, and the footer's keys stay visible."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from ...text import printable


class StatusLine(Static):
    DEFAULT_CSS = """
    StatusLine { height: auto; max-height: 2; padding: 0 1; background: $panel; color: $text; }
    StatusLine.-warning { background: $warning 40%; }
    StatusLine.-error { background: $error 50%; }
    """

    @classmethod
    def say(cls, screen, message: str, severity: str, timeout: float) -> None:
        found = screen.query(cls)
        line = found.first() if found else cls()
        if not found:
            screen.mount(line)
        line.set_classes(f"-{severity}")
        line.update(Content(printable(str(message))))
        line.display = True
        if getattr(line, "_timer", None):
            line._timer.stop()
        line._timer = line.set_timer(timeout, line.clear)

    def clear(self) -> None:
        self.display = False
