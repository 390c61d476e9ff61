"""The text fields the resident's words go through: shown literally, and of bounded length."""

from __future__ import annotations

import dataclasses

from textual.widgets import Input, TextArea
from textual.widgets.text_area import Edit, EditResult

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


class SafeTextArea(TextArea):
    """The same for a multi-line field: every edit (typing, paste, undo) passes `printable`,
    which keeps line breaks and tabs, and the text stays within MAX_CHARS."""

    def edit(self, edit: Edit) -> EditResult:
        text = printable(edit.text)
        room = MAX_CHARS - len(self.text)
        if len(text) > max(room, 0) and len(text) > 1:
            text = text[:max(room, 0)]
            self.app.notify(f"長すぎるため、{MAX_CHARS:,}文字までにしました。", severity="warning", markup=False)
        elif len(text) > room:
            text = ""  # full: a key press adds nothing
        if text != edit.text:
            edit = dataclasses.replace(edit, text=text)
        return super().edit(edit)
