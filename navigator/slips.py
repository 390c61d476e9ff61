"""IME slips: a kanji word the resident's IME got wrong, one kanji off a keyword (滞能 for 滞納).

Slips that sound like the keyword (認知賞 for 認知症) are found by reading in search.py; these
are the ones the dictionary cannot read at all, so only the written kanji can tell.
"""

from __future__ import annotations

import re
from typing import Iterable

from .analysis import Analysis

KANJI = re.compile(r"[\u4e00-\u9fff々]+")


def masks(keywords: Iterable[str]) -> dict[str, list[int]]:
    """Each keyword written in two to four kanji, with one kanji masked → its indexes."""
    found: dict[str, list[int]] = {}
    for i, raw in enumerate(keywords):
        if 2 <= len(raw) <= 4 and KANJI.fullmatch(raw):
            for k in range(len(raw)):
                found.setdefault(raw[:k] + "?" + raw[k + 1:], []).append(i)
    return found


def found(a: Analysis, masks: dict[str, list[int]], seen: set) -> list[tuple[int, tuple[int, int]]]:
    """A run of kanji holding a word the dictionary does not know (滞能, 妊振), one kanji off a
    keyword written in kanji only: a slip of the IME."""
    found = []
    runs = [(m.start(), m.end(), m.group()) for m in KANJI.finditer(a.text)]
    runs += [(w.start, w.end, w.surface) for w in a.words if w.unknown and KANJI.fullmatch(w.surface)]
    for start, end, typed in dict.fromkeys(runs):
        inside = a.words_in(start, end)
        if not 2 <= len(typed) <= 4 or not inside or inside[0].start != start or inside[-1].end != end:
            continue   # 一人暮(らし): a word goes on past the kanji
        if not any(w.unknown and len(w.surface) >= 2 for w in inside):   # not 一 of 一日
            continue   # 保育+園 are words: a slip of known words must sound alike (the reading channel)
        for k in range(len(typed)):
            for part in masks.get(typed[:k] + "?" + typed[k + 1:], ()):
                if (part, start) not in seen:
                    seen.add((part, start))
                    found.append((part, (start, end)))
    return found
