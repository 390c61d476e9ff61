"""Danger by the words that lean to it: the examples' words weighed as naive Bayes log-odds.

When no cue and no single example showed danger, each word of the text (dictionary forms, ない
kept on the word it denies, neighbouring pairs) counts for danger by how much more often it stands
in the danger examples than in the ordinary ones (rules/danger_examples.yaml's ordinary and the
examples of the concerns that tell of no danger: danger.yaml's danger_concerns). Many weak words
together (倒れる, 動く+ない, 風呂, 湯) show what no single cue or example matched. The kind is the
one whose examples those words lean to most; the words that weighed most are the reason shown.
Needs the dictionary. Measured in bench/danger.py; tuned only on the tuning sets.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from .danger_examples import plain
from .examples import _example_terms, terms

if TYPE_CHECKING:   # the TUI's first screen imports danger, not the rule model (tests/test_imports.py)
    from .analysis import Analysis
    from .model import DangerRules

ENOUGH = 6.0      # log-odds the words must reach together: measured on the tuning sets (bench/README.md)
STRONG = 1.5      # and one of them must lean this much on its own (not 隣・娘・話す alone: reports use them)
SEEN = 2          # a word in fewer examples than this says nothing (one example's chance word)
SHOWN_WORDS = 3   # the most telling words shown as the reason
SHOWN = "言葉「{}」"


class Weights:
    """Document counts of each word among each kind's examples and the ordinary ones."""

    def __init__(self, rules: DangerRules):
        self.kinds = {k.id: _count(k.examples) for k in rules.kinds if k.examples}
        self.danger = _count([e for k in rules.kinds for e in k.examples])
        self.ordinary = _count((*rules.ordinary, *rules.background))

    def lean(self, counts: tuple[Counter, int], word: str) -> float:
        """log P(word | these examples) − log P(word | ordinary), smoothed."""
        (found, n), (ordinary, m) = counts, self.ordinary
        return math.log((found[word] + 0.5) / (n + 1)) - math.log((ordinary[word] + 0.5) / (m + 1))

    def weigh(self, analysed: Analysis, cancelled: frozenset[str] = frozenset()) -> tuple[str, str] | None:
        """(kind, reason) when the text's words lean to danger enough, else None."""
        danger, ordinary = self.danger[0], self.ordinary[0]
        words = [w for w in set(terms(analysed)) if danger[w] + ordinary[w] >= SEEN]
        leans = [self.lean(self.danger, w) for w in words]
        if not leans or sum(leans) < ENOUGH or max(leans) < STRONG:
            return None
        by_kind = {kid: sum(max(0.0, self.lean(c, w)) for w in words if c[0][w]) for kid, c in self.kinds.items()}
        kind = max(by_kind, key=by_kind.get, default=None)
        if kind is None or by_kind[kind] <= 0 or kind in cancelled:   # told as past: no other kind in its place
            return None
        own = self.kinds[kind]
        telling = sorted((w for w in words if plain(w) and own[0][w] and self.lean(own, w) > 0),
                         key=lambda w: -self.lean(own, w))   # words, not pairs: the pairs repeat them
        return kind, SHOWN.format("・".join(telling[:SHOWN_WORDS]))


def _count(texts) -> tuple[Counter, int]:
    found: Counter = Counter()
    for text in texts:
        found.update(set(_example_terms(text)))
    return found, len(texts)


@lru_cache(maxsize=4)
def weights(rules: DangerRules) -> Weights | None:
    """Counted once per rule set, from the example analyses in rule_forms.json."""
    return Weights(rules) if any(k.examples for k in rules.kinds) and (rules.ordinary or rules.background) else None
