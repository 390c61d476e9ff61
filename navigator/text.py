"""Text from rule files, made safe to print: control characters become visible escapes."""

from __future__ import annotations

import re

# C0 and C1 controls (not tab and newline), DEL, bidi marks, embeddings, overrides and isolates,
# line and paragraph separators, and lone surrogates: a rule file must not move the cursor,
# change colours, retitle the terminal, reorder what staff read, or make writing a file fail.
# Also the characters that take no room at all (soft hyphen, zero-width space and joiners, word
# joiner and invisible operators, the BOM, tag characters), so that two names that look alike
# on screen are told apart. Variation selectors stay: Japanese names use them for 異体字.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u2028\u2029"
                      "\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff\U000e0000-\U000e007f]")


def printable(text: str) -> str:
    """The text with every control character shown as \\xNN or \\uNNNN instead of acting."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def printable_json(dumped: str) -> str:
    """JSON text (from json.dumps(..., ensure_ascii=False)) with the characters `printable`
    escapes written as \\uNNNN: the same data for a program, harmless in a terminal."""
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]()!#|~])")


def markdown_literal(text: str) -> str:
    """Text from rule files or residents, made inert in a Markdown file: HTML is escaped as
    entities and Markdown punctuation with backslashes, so a viewer shows the characters as
    typed and never runs a <script> or fetches a ![remote image](…)."""
    import html   # here: its entity table costs every command 5 ms to import, and only slips use it

    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def quoted(cues) -> str:
    """Danger cues as shown after a label: 「包丁を持」「暴れ」; a reason quoted already (例「…」,
    言葉「…」) in brackets, so it does not run on from the label (…命の危険（言葉「…」）)."""
    return "".join(f"（{c}）" if c.endswith("」") else f"「{c}」" for c in cues)
