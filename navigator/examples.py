"""Example utterances per concern: which examples are nearest to what the resident said.

Similarity is TF-IDF cosine over the words' dictionary forms (払えず and 払えない share 払える+ない)
and pairs of neighbouring words, so the reason can be shown: the example and the words shared.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from .analysis import Analysis, analyse

FALLBACK_MIN = 0.15   # below this the nearest example is not close enough to propose anything
SUPPORT_MIN = 0.10    # an example this close backs up a weak keyword of its concern
RELATIVE = 0.9        # other concerns proposed when their best example is this close to the best
_SKIP = {"する", "為る", "いる", "居る", "ある", "有る", "なる", "成る", "こと", "事", "もの", "物", "よう", "様",
         "の", "ん", "さん", "思う", "言う", "私", "方", "とき", "時", "ところ", "所", "そう", "今", "直ぐ", "すぐ",
         "今日", "毎日", "最近", "本当", "全然", "もう", "まだ", "未だ", "とても", "ちょっと", "少し", "色々", "何", "誰",
         "どう", "どこ", "いつ", "ここ", "そこ", "これ", "それ", "あれ", "自分", "人", "前", "後", "中", "今月",
         "侭", "まま", "仕舞う", "しまう", "男性", "女性", "代", "見える", "来る", "行く", "いける", "分かる", "くれる", "貰う", "もらう", "やる", "出来る", "できる"}


@dataclass(frozen=True)
class Example:
    concern: str
    text: str


@dataclass(frozen=True)
class Near:
    example: Example
    score: float
    shared: tuple[str, ...]   # words the text and the example share, most telling first


def terms(analysis: Analysis) -> list[str]:
    """Content words (ない joined to the word it denies: 払える+ない) and neighbouring pairs."""
    words: list[str] = []
    for w in analysis.words:
        if w.negative and words:
            words[-1] += "+ない"
        elif w.content and w.lemma and w.lemma not in _SKIP and w.pos[1] != "数詞":
            words.append(w.lemma)
    return words + [f"{a}・{b}" for a, b in zip(words, words[1:])]


@lru_cache(maxsize=None)
def _example_terms(text: str) -> tuple[str, ...]:
    """A shipped example's terms from rule_forms.json (analysed once, not in every process),
    any other's from the dictionary."""
    from . import rule_forms

    found = rule_forms.example_terms(text)
    return found if found is not None else tuple(analysed_terms(text))


def analysed_terms(text: str) -> list[str]:
    return terms(analyse(text, deep=True))


class ExampleIndex:
    def __init__(self, examples: Iterable[Example]):
        self.examples = list(examples)
        docs = [Counter(_example_terms(e.text)) for e in self.examples]
        self.terms = [frozenset(d) for d in docs]   # each example's terms: the words shared, found at once
        df = Counter(t for d in docs for t in d)
        n = len(docs) or 1
        self.idf = {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}
        self.postings: dict[str, list[tuple[int, float]]] = {}
        for i, d in enumerate(docs):
            vec = {t: c * self.idf[t] for t, c in d.items()}
            norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
            for t, v in vec.items():
                self.postings.setdefault(t, []).append((i, v / norm))

    def nearest(self, analysis: Analysis, exclude: str | None = None) -> list[Near]:
        """Examples by similarity, best first (at most one per concern)."""
        counts = Counter(terms(analysis))
        vec = {t: c * self.idf[t] for t, c in counts.items() if t in self.idf}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        if not norm:
            return []
        scores: dict[int, float] = {}
        for t, v in vec.items():
            for i, w in self.postings[t]:
                scores[i] = scores.get(i, 0.0) + v / norm * w
        best: dict[str, Near] = {}
        for i, s in sorted(scores.items(), key=lambda kv: -kv[1]):
            e = self.examples[i]
            if e.concern in best or e.text == exclude:
                continue
            shared = tuple(sorted(vec.keys() & self.terms[i], key=lambda t: -vec[t]))
            best[e.concern] = Near(e, s, shared)
        return list(best.values())

    def support(self, analysis: Analysis, concern: str) -> Near | None:
        near = next((n for n in self.nearest(analysis) if n.example.concern == concern), None)
        return near if near and near.score >= SUPPORT_MIN else None
