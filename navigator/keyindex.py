"""Finding every keyword in a text at once, and the word edges of loanwords.

An `_Index` maps exact strings to keyword parts and finds all their occurrences in one pass;
`script` tells katakana and latin letters apart so that ニート is not found in にとって.
"""

from __future__ import annotations

import re
from typing import Iterable

ONLY_SCRIPT = re.compile(r"^(?:[\u30a0-\u30ff]+|[a-z0-9]+)$")   # ニート, パート, DV: loanwords


def script(c: str) -> str:
    """katakana / latin for the characters of loanwords and abbreviations, else \"\"."""
    if "\u30a1" <= c <= "\u30ff":
        return "katakana"
    return "latin" if c.isascii() and c.isalnum() else ""


class Index:
    """Exact strings → part indexes; finds every occurrence of every key in a text."""

    def __init__(self, keys: Iterable[str]):
        self.exact: dict[str, list[int]] = {}
        for i, key in enumerate(keys):
            if key:
                self.exact.setdefault(key, []).append(i)
        # first character → the lengths of the keys that start with it: a text position looks up
        # only lengths some key there could have
        starting: dict[str, set[int]] = {}
        for k in self.exact:
            starting.setdefault(k[0], set()).add(len(k))
        self.lengths = {c: sorted(ns) for c, ns in starting.items()}

    def occurrences(self, text: str, starts: Iterable[int] | None = None) -> list[tuple[int, int, int]]:
        positions = range(len(text)) if starts is None else sorted(starts)
        found, size, exact = [], len(text), self.exact
        for s in positions:
            if s >= size:
                continue
            for n in self.lengths.get(text[s], ()):
                if s + n > size:
                    break
                for part in exact.get(text[s:s + n], ()):
                    found.append((s, s + n, part))
        return found

