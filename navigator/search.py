"""Free text → concerns (and obvious answers), by keyword with rapidfuzz for near misses."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable

from rapidfuzz import fuzz, process

from .model import Concern, Question

CUTOFF = 85          # partial_ratio for a near miss: one character off in a phrase of seven or more
MIN_FUZZY_LEN = 5    # shorter keywords must appear exactly: one character is too much of them
ANCHOR = 2           # a near miss must start like the keyword (離婚したい is no match for 探したい)
_DROP = re.compile(r"[\s、。，．,.!！?？「」『』（）()・…〜~ー-]+")
_KATAKANA = {c: c - 0x60 for c in range(ord("ァ"), ord("ヶ") + 1)}


def normalize(text: str) -> str:
    """NFKC, lower case, katakana as hiragana, without spaces and punctuation."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text).lower().translate(_KATAKANA))


@dataclass(frozen=True)
class Match:
    concern: str
    score: int
    matched: tuple[str, ...]   # the keywords (as written in the rules) that matched


class ConcernMatcher:
    """Precomputes normalised keywords once; `match` runs on every keystroke."""

    def __init__(self, concerns: Iterable[Concern], cutoff: int = CUTOFF):
        self.cutoff = cutoff
        self.order = {}
        self.keys: list[str] = []
        self.owner: list[tuple[str, str]] = []   # (concern id, keyword as written)
        for concern in concerns:
            self.order[concern.id] = len(self.order)
            for word in dict.fromkeys((concern.label, *concern.keywords)):
                key = normalize(word)
                if key:
                    self.keys.append(key)
                    self.owner.append((concern.id, word))

    def match(self, text: str, limit: int | None = None) -> list[Match]:
        query = normalize(text)
        if len(query) < 2:
            return []
        found: dict[str, list] = {}
        hits = process.extract(query, self.keys, scorer=fuzz.partial_ratio,
                               score_cutoff=self.cutoff, limit=None)
        for key, score, index in hits:
            score = _adjust(query, key, score)
            if score < self.cutoff:
                continue
            concern, word = self.owner[index]
            best = found.setdefault(concern, [0, []])
            best[0] = max(best[0], score)
            best[1].append(word)
        ranked = sorted(found.items(), key=lambda kv: (-kv[1][0], -len(kv[1][1]), self.order[kv[0]]))
        matches = [Match(c, round(s), tuple(dict.fromkeys(words))) for c, (s, words) in ranked]
        return matches[:limit] if limit else matches


def _adjust(query: str, key: str, score: float) -> float:
    """Exact containment wins; a short keyword must be exact; a near miss must share the
    keyword's start; a query shorter than the keyword (someone still typing) counts only for
    the part of the keyword it covers."""
    if key in query:
        return 100.0
    if len(key) < MIN_FUZZY_LEN or key[:ANCHOR] not in query:
        return 0.0
    if len(query) < len(key):
        return score * len(query) / len(key)
    return score


def infer_answers(text: str, questions: Iterable[Question]) -> dict[str, str]:
    """Answers the text states plainly: exactly one option of a question has a keyword in it."""
    query = normalize(text)
    answers = {}
    for q in questions:
        hits = [o.value for o in q.options if any(normalize(k) and normalize(k) in query for k in o.keywords)]
        if len(hits) == 1:
            answers[q.id] = hits[0]
    return answers
