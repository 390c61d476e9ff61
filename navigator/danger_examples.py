"""Danger by example: the kind whose example utterance is nearest to what the resident said.

The cues of rules/danger.yaml catch the words someone thought of; residents use others. Each kind
lists `examples:` and the file lists `ordinary:` counter-examples (no danger). A text whose nearest
example (examples.ExampleIndex: the same similarity as for concerns, on dictionary forms, ない kept
on the word it denies) is of a danger kind, close enough and nearer than every ordinary one, shows
that kind, and the example is the reason shown. Time words decide as for cues (danger.py): a kind
that does not count told as past (or as recent, for now_only kinds) gives way to the next nearest.
Needs the dictionary; before it is loaded only the cues work.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .analysis import Analysis
from .examples import Example, ExampleIndex

if TYPE_CHECKING:
    from .model import DangerRules

ORDINARY = ""          # the counter-examples' "kind"
NEAR_ENOUGH = 0.35     # below this the nearest example is not close enough to say anything
MARGIN = 0.10          # a danger example must be this much nearer than the nearest ordinary one
LEAN = 2.0             # a telling word is this many times more common among danger examples
SHARED_MIN = 2         # one shared word (皆, 近所) is a coincidence, not a likeness
SHOWN = "例「{}」"      # the reason shown among the matched cues


@lru_cache(maxsize=4)
def index(rules: DangerRules) -> ExampleIndex | None:
    """Built once per rule set (a few hundred analyses: done in the dictionary's thread by the TUI)."""
    examples = [Example(k.id, e) for k in rules.kinds for e in k.examples]
    if not examples:
        return None
    return ExampleIndex([*examples, *(Example(ORDINARY, e) for e in rules.ordinary)])


@lru_cache(maxsize=4)
def telling(rules: DangerRules) -> frozenset[str]:
    """Words (not pairs) that lean to danger: in a larger share of the danger examples than of the
    ordinary ones. 一人暮らし or 民生委員 stand in both, so sharing only such words says nothing."""
    found = index(rules)
    danger = sum(e.concern != ORDINARY for e in found.examples) or 1
    ordinary = sum(e.concern == ORDINARY for e in found.examples) or 1
    lean = set()
    for term, postings in found.postings.items():
        if not plain(term):
            continue
        d = sum(found.examples[i].concern != ORDINARY for i, _ in postings)
        o = len(postings) - d
        if (d + 0.5) / danger >= LEAN * (o + 0.5) / ordinary:
            lean.add(term)
    return frozenset(lean)


def plain(term: str) -> bool:
    """A word, not a pair: a pair of ordinary words (仕事・なくなる) is rare among the ordinary
    examples without leaning to danger. A denied word counts (息+ない, 反応+ない)."""
    return "・" not in term


def nearest(rules: DangerRules, analysed: Analysis, cancelled: frozenset[str] = frozenset()):
    """(kind, Near) of the nearest danger example, or None when an ordinary one is as near, none
    is near enough, or only kinds the time words cancel are."""
    found = index(rules)
    if found is None or not analysed.deep:
        return None
    near = found.nearest(analysed)
    ordinary = next((n.score for n in near if n.example.concern == ORDINARY), 0.0)
    for n in near:
        if n.score < NEAR_ENOUGH or n.example.concern == ORDINARY:
            return None
        if (n.example.concern not in cancelled and n.score > ordinary + MARGIN
                and len(n.shared) >= SHARED_MIN and not telling(rules).isdisjoint(n.shared)):
            return n.example.concern, n
    return None


def shown(text: str) -> str:
    return SHOWN.format(text)
