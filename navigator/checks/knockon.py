"""Warnings that only follow from an error, folded under it.

A rule with an error is left out of the rule set; `navigator check` then also finds its contact
unused (NAV-W405) and its concern without a rule (NAV-W410). Those warnings go away with the
error, so they are shown under it instead of among the real ones.
"""

from __future__ import annotations

import re

from ..files.rules import Dropped
from ..messages import _closest
from ..problems import Problem


def fold(problems: list[Problem], dropped: list[Dropped]) -> list[tuple[Problem, list[Problem]]]:
    """Each problem with the warnings that follow from it; those warnings are not listed alone."""
    follows: dict[Problem, list[Problem]] = {}
    folded: set[int] = set()
    for i, p in enumerate(problems):
        cause = _cause(p, dropped)
        if cause is not None and cause in problems:
            follows.setdefault(cause, []).append(p)
            folded.add(i)
    return [(p, follows.get(p, [])) for i, p in enumerate(problems) if i not in folded]


def _cause(p: Problem, dropped: list[Dropped]) -> Problem | None:
    for d in dropped:
        if d.cause is None or not p.path.endswith(f"{d.municipality}.yaml"):
            continue
        if p.code == "NAV-W405" and any(c == _subject(p) or _closest(c, [_subject(p)]) for c in d.refer):
            return d.cause  # its contact, or the one its misspelt reference meant
        if p.code == "NAV-W410" and d.concern and d.concern in _listed(p.message):
            return d.cause
    return None


def _listed(message: str) -> set[str]:
    """The concern ids a NAV-W410 message names ('asaka: housing, unsure のルールがない…')."""
    head = message.split(": ", 1)[-1]
    return {w.strip(" ,;") for w in head.replace(";", " ").split() if w.strip(" ,;").isascii()}


def _subject(p: Problem) -> str:
    """The id a NAV-W405 message is about (「id」 in Japanese, 'id' in English)."""
    match = re.search(r"[「'](.+?)[」']", p.message)
    return match.group(1) if match else ""
