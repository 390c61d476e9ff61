"""The text fields the resident's words go through: shown literally, and of bounded length."""

from __future__ import annotations

import dataclasses
import re

from textual.widgets import Input, TextArea
from textual.widgets.text_area import Edit, EditResult

from ..text import printable

# a line break (CR as a terminal pastes it, CRLF, LF, …) with the blanks and empty lines around it
_BREAK = re.compile(r"\s*[\r\n\x0b\x0c\x85\u2028\u2029]\s*")
_ENDED = set("。．！!？?、，,")  # a break after these adds nothing
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


def one_paragraph(text: str, before: str = "") -> str:
    """Line breaks as sentence breaks: 「。」, or nothing after a 。 or 、 (or at the start).
    The matchers split sentences at 。 as they did at a line break, so clauses stay apart; the
    field stays one paragraph seen whole, and no \\r reaches the screen or the slip.
    `before`: the text the edit follows."""
    def mark(found: re.Match) -> str:
        last = text[:found.start()].rstrip()[-1:] or before.rstrip()[-1:]
        return "" if not last or last in _ENDED else "。"
    return _BREAK.sub(mark, text)


class SafeTextArea(TextArea):
    """The same for a resident's words: every edit (typing, paste, undo) passes `printable`,
    line breaks become sentence breaks (`one_paragraph`), and the text stays within MAX_CHARS."""

    def edit(self, edit: Edit) -> EditResult:
        text = edit.text
        if _BREAK.search(text):
            row, col = min(edit.from_location, edit.to_location)
            text = one_paragraph(text, self.document.get_line(row)[:col] if col else "。" * bool(row))
        text = printable(text)
        room = MAX_CHARS - len(self.text)
        if len(text) > max(room, 0) and len(text) > 1:
            text = text[:max(room, 0)]
            self.app.notify(f"長すぎるため、{MAX_CHARS:,}文字までにしました。", severity="warning", markup=False)
        elif len(text) > room:
            text = ""  # full: a key press adds nothing
        if text != edit.text:
            edit = dataclasses.replace(edit, text=text)
        return super().edit(edit)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Redraw every line: Textual redraws the cursor's, but a wrap kept to kinsoku (tui/kinsoku.py)
        can move a character from the line above, which stayed as drawn before (it goes on up)."""
        self.refresh()
