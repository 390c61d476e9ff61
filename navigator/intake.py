"""What the resident said and what staff ticked → a Case for the engine."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from .engine import Case, questions_for
from .model import RuleSet
from .search import ConcernMatcher, Match, infer_answers


@dataclass(frozen=True)
class Intake:
    case: Case
    matches: tuple[Match, ...]     # concerns found in the text, best first


def take(ruleset: RuleSet, matcher: ConcernMatcher, municipality: str, text: str = "",
         concerns: Iterable[str] = (), answers: Mapping[str, str] | None = None) -> Intake:
    matches = tuple(matcher.match(text)) if text.strip() else ()
    chosen = tuple(dict.fromkeys([*concerns, *(m.concern for m in matches)]))
    inferred = infer_answers(text, questions_for(ruleset.common, chosen)) if text.strip() else {}
    merged = {**inferred, **(answers or {})}  # what the text states plainly; given answers win
    return Intake(Case(municipality, chosen, merged), matches)
