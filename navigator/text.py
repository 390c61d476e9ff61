"""Text from rule files, made safe to print: control characters become visible escapes."""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, and bidi overrides: a rule file must not move the cursor,
# change colours, retitle the terminal or reorder what staff read.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """The text with every control character shown as \\xNN or \\uNNNN instead of acting."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
