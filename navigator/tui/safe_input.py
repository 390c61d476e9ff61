"""The one text field the resident's words go through: shown literally, and of bounded length."""

from __future__ import annotations

from textual.widgets import Input

from ..text import printable

MAX_CHARS = 5_000  # a long consultation is ~500; matching 280,000 pasted characters lagged 0.6 s a key


class SafeInput(Input):
    """An Input whose typed or pasted text never acts on the terminal: control, bidi and
    invisible characters become visible escapes as they arrive (an ESC or U+202E in a paste
    would otherwise reach the terminal as typed), and a paste that would pass MAX_CHARS is cut
    there with a notice instead of being refused whole or slowing every key."""

    def replace(self, text: str, start: int, end: int) -> None:
        text = printable(text)
        room = MAX_CHARS - (len(self.value) - (max(start, end) - min(start, end)))
        if len(text) > room:
            text = text[:max(room, 0)]
            self.app.notify(f"長すぎるため、{MAX_CHARS:,}文字までにしました。", severity="warning", markup=False)
        super().replace(text, start, end)
