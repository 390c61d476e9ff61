"""Running a scenario: take its consultation through the intake and the engine, and say what
differs from what it expects (for `navigator test` and tests/test_scenarios.py)."""

from __future__ import annotations

from dataclasses import dataclass

from ..engine import Result, route
from ..files.scenarios import Scenario
from ..intake import take
from ..messages import Both, language, text
from ..model import RuleSet
from ..search import ConcernMatcher


@dataclass(frozen=True)
class Outcome:
    scenario: Scenario
    failures: tuple[str, ...]
    result: Result | None

    @property
    def passed(self) -> bool:
        return not self.failures



def _household_text(pairs) -> str:
    return " ／ ".join(f"{relation}: {', '.join(concerns)}" for relation, concerns in pairs)


def run(ruleset: RuleSet, matcher: ConcernMatcher, s: Scenario) -> Outcome:
    if s.municipality not in ruleset.plans:
        return Outcome(s, (text("NAV-T701", mid=s.municipality),), None)
    intake = take(ruleset, matcher, s.municipality, s.text, s.concerns, s.answers, s.persons)
    if not intake.case.all_concerns():
        return Outcome(s, (text("NAV-T702"),), None)
    result = route(ruleset, intake.case)
    got = [r.contact.id for r in result.referrals]
    failures = []
    missing = [c for c in s.contacts if c not in got[: s.top]]
    if missing:
        failures.append(text("NAV-T703", missing=", ".join(missing), top=s.top, got=", ".join(got[: s.top + 2])))
    present = [c for c in s.absent if c in got[: s.top]]
    if present:
        failures.append(text("NAV-T706", present=", ".join(present), top=s.top, got=", ".join(got[: s.top])))
    if s.household:
        read = tuple((p.relation, p.concerns) for p in intake.case.persons)
        if read != s.household:
            failures.append(text("NAV-T707", expected=_household_text(s.household),
                                 read=_household_text(read) or _nothing()))
    found = {m.concern for m in intake.matches}
    lost = [c for c in s.found if c not in found]
    if lost:
        failures.append(text("NAV-T704", lost=", ".join(lost), found=", ".join(sorted(found)) or _nothing()))
    if s.emergency is not None and bool(result.emergency) != s.emergency:
        expected = Both("出る", "shown") if s.emergency else Both("出ない", "not shown")
        failures.append(text("NAV-T705", expected=expected,
                             got=", ".join(e.phone for e in result.emergency) or _nothing()))
    return Outcome(s, tuple(failures), result)


def _nothing() -> str:
    return "なし" if language() == "ja" else "nothing"
