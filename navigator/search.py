"""Free text → concerns (and obvious answers), by keyword with rapidfuzz for near misses."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable

from .model import Concern, Question

CUTOFF = 85          # partial_ratio for a near miss: one character off in a phrase of seven or more
MIN_FUZZY_LEN = 5    # shorter keywords must appear exactly: one character is too much of them
ANCHOR = 2           # a near miss must start like the keyword (離婚したい is no match for 探したい)
TOGETHER = 90        # 夫+殴: every part somewhere in the text; below a whole phrase, above the cutoff
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
        self.together: list[tuple[tuple[str, ...], str, str]] = []   # (parts, concern id, keyword)
        for concern in concerns:
            self.order[concern.id] = len(self.order)
            for word in dict.fromkeys((concern.label, *concern.keywords)):
                parts = tuple(normalize(p) for p in unicodedata.normalize("NFKC", word).split("+"))
                if len(parts) > 1 and all(parts):
                    self.together.append((parts, concern.id, word))
                    continue
                key = normalize(word)
                if key:
                    self.keys.append(key)
                    self.owner.append((concern.id, word))
        # Indexes so that a keystroke looks only at keywords that can match (see _hits):
        self.exact: dict[str, list[int]] = {}       # keyword → its indexes
        self.anchored: dict[str, list[int]] = {}    # first ANCHOR characters → long keywords
        for index, key in enumerate(self.keys):
            self.exact.setdefault(key, []).append(index)
            if len(key) >= MIN_FUZZY_LEN:
                self.anchored.setdefault(key[:ANCHOR], []).append(index)
        self.lengths = sorted({len(k) for k in self.keys})

    def match(self, text: str, limit: int | None = None) -> list[Match]:
        query = normalize(text)
        if len(query) < 2:
            return []
        found: dict[str, list] = {}
        hits = [(score, *self.owner[index]) for score, index in self._hits(query)]
        hits += [(TOGETHER, concern, word) for parts, concern, word in self.together
                 if all(p in query for p in parts)]
        for score, concern, word in hits:
            best = found.setdefault(concern, [0, []])
            best[0] = max(best[0], score)
            best[1].append(word)
        ranked = sorted(found.items(), key=lambda kv: (-kv[1][0], -len(kv[1][1]), self.order[kv[0]]))
        matches = [Match(c, round(s), tuple(dict.fromkeys(words))) for c, (s, words) in ranked]
        return matches[:limit] if limit else matches

    def _hits(self, query: str) -> list[tuple[float, int]]:
        """(score after _adjust, keyword index) of the keywords at or above the cutoff, in the
        order rapidfuzz's extract over every keyword gives (raw score, then index).

        With a cutoff above 0, _adjust leaves only two kinds: keywords contained in the query,
        and long keywords whose start occurs in the query. Both are found through an index, so
        a keystroke scores a few keywords, not all of them."""
        from rapidfuzz import fuzz  # imported here, on the first keystroke: 7 ms off every start

        contained = self._contained(query)
        raw = [(100.0, i) for i in contained]
        for i in self._anchored_in(query) - contained:
            score = fuzz.partial_ratio(query, self.keys[i], score_cutoff=self.cutoff)
            if score:
                raw.append((score, i))
        raw.sort(key=lambda hit: (-hit[0], hit[1]))
        hits = [(_adjust(query, self.keys[i], s), i) for s, i in raw]
        return [(s, i) for s, i in hits if s >= self.cutoff]

    def _contained(self, query: str) -> set[int]:
        """Keywords that occur in the query: look up its substrings of every keyword length."""
        return {i for n in self.lengths for start in range(len(query) - n + 1)
                for i in self.exact.get(query[start:start + n], ())}

    def _anchored_in(self, query: str) -> set[int]:
        """Long keywords whose first ANCHOR characters occur in the query."""
        return {i for start in range(len(query) - ANCHOR + 1)
                for i in self.anchored.get(query[start:start + ANCHOR], ())}


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
