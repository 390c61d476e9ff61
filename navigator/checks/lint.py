"""Deeper checks than loading: rules that never fire or are shadowed, unused contacts, stale data."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from typing import Iterator

from ..engine import questions_for
from ..model import (AllOf, AnswerIs, AnyOf, Common, ConcernIs, Condition, Contact, Not, Plan,
                    Rule, RuleSet, holds)
from ..files.contacts import city_names
from ..messages import Both
from ..names import named, uses
from ..problems import Problem

NATIONAL_PHONES = {"110", "119", "189", "#8008"}
PHONE = re.compile(r"^(0\d{1,4}-\d{1,4}-\d{3,4}|0120-\d{2,3}-\d{3,4}|#\d{4}|1\d{2})$")
STALE_AFTER = dt.timedelta(days=365)


def lint(ruleset: RuleSet, today: dt.date | None = None) -> list[Problem]:
    today = today or dt.date.today()
    found: list[Problem] = []
    for plan in ruleset.plans.values():
        found += _rules(ruleset.common, plan)
        found += _contacts(plan, today)
        found += _unrouted(ruleset.common, plan)
        found += _rule_names(plan)
    return found + list(_split_lemma_cues(ruleset.common.danger))


# ---- danger cues -------------------------------------------------------------------


def _split_lemma_cues(danger) -> Iterator[Problem]:
    """A `~` compound verb the dictionary reads as two (~締め出す is 締める|出す) never matches: the
    cue is dead, and nothing else says so. Needs the dictionary; without it nothing is checked."""
    from .. import analysis, danger_lemma

    if not analysis.available():
        return
    for kind in danger.kinds:
        for cue in dict.fromkeys((*kind.cues, *kind.now_cues, *kind.alone_cues)):
            for part in (p.strip() for p in cue.split("+") if p.strip().startswith(danger_lemma.LEMMA)):
                for word in filter(None, part.split(danger_lemma.LEMMA)):
                    words = [w for w in analysis.analyse(word, deep=True).words if w.lemma]
                    read = [w.lemma for w in words]
                    # a compound verb read as two (締め出す → 締める|出す), as it is in any sentence;
                    # particles and nouns read alone split where a sentence does not (なんか, 一杯)
                    if len(words) > 1 and all(w.pos[0] == "動詞" for w in words):
                        fix = part.replace(danger_lemma.LEMMA + word, "".join(danger_lemma.LEMMA + w for w in read))
                        yield Problem.coded("NAV-W414", kind.origin, kind_id=kind.id, cue=cue, part=danger_lemma.LEMMA + word,
                                            words="|".join(read), fix=fix)


# ---- rules ------------------------------------------------------------------------


def _rules(common: Common, plan: Plan) -> Iterator[Problem]:
    for rule in plan.rules:
        if not rule.source.quote:
            yield Problem.coded("NAV-W401", rule.origin, kind=Both("ルール", "rule"), id=rule.id)
        count = _world_count(common, rule)
        if count > MAX_WORLDS:  # a 10-line rule had 3.4e9 cases and `check` ran for ever (B8)
            yield Problem.coded("NAV-W430", rule.origin, rule=rule.id, count=f"{count:,}", limit=f"{MAX_WORLDS:,}")
            continue
        worlds = list(_worlds(common, rule))
        if not any(_fires(rule, w) for w in worlds):
            yield _never(common, rule)
            continue
        shadow = _shadowed_by(plan, rule, worlds)
        if shadow:
            yield Problem.coded("NAV-W404", rule.origin, rule=rule.id, other=shadow.id, line=shadow.origin.line)


World = tuple[frozenset[str], dict[str, str]]
MAX_WORLDS = 20_000  # the shipped rules need at most 20; 20,000 take about 0.1 s a rule


def _world_count(common: Common, rule: Rule) -> int:
    others = _concerns_in(rule.when) - {rule.concern}
    questions = [common.question(q) for q in _questions_in(rule.when)]
    return 2 ** len(others) * math.prod(len(q.options) + 1 for q in questions if q)


def _worlds(common: Common, rule: Rule) -> Iterator[World]:
    """Every case that matters to this rule: its concern with any of the concerns its condition
    names, and every answer (or none) to every question the condition names."""
    others = sorted(_concerns_in(rule.when) - {rule.concern})
    questions = [common.question(q) for q in sorted(_questions_in(rule.when))]
    choices = [[None, *(o.value for o in q.options)] for q in questions if q]
    for n in range(len(others) + 1):
        for extra in itertools.combinations(others, n):
            concerns = frozenset((rule.concern, *extra))
            asked = {q.id for q in questions_for(common, concerns)}
            for values in itertools.product(*choices):
                answers = {q.id: v for q, v in zip(questions, values) if v is not None and q.id in asked}
                yield concerns, answers


def _fires(rule: Rule, world: World) -> bool:
    concerns, answers = world
    return rule.concern in concerns and holds(rule.when, concerns, answers)


def _shadowed_by(plan: Plan, rule: Rule, worlds: list[World]) -> Rule | None:
    for other in plan.rules:
        if (other is rule or other.concern != rule.concern or other.priority > rule.priority
                or other.program != rule.program or not set(rule.refer) <= set(other.refer)):
            continue
        if all(_fires(other, w) for w in worlds if _fires(rule, w)):
            # equal rules shadow each other; report only the later one
            mutual = all(_fires(rule, w) for w in worlds if _fires(other, w))
            same = mutual and set(rule.refer) == set(other.refer) and rule.priority == other.priority
            if not same or other.origin.line < rule.origin.line:
                return other
    return None


def _never(common: Common, rule: Rule) -> Problem:
    asked = {q.id for q in questions_for(common, {rule.concern} | _concerns_in(rule.when))}
    unasked = sorted(_questions_in(rule.when) - asked)
    if unasked:
        return Problem.coded("NAV-E402", rule.origin, rule=rule.id, questions=", ".join(unasked),
                             concern=rule.concern)
    return Problem.coded("NAV-E403", rule.origin, rule=rule.id)


def _concerns_in(cond: Condition | None) -> set[str]:
    match cond:
        case ConcernIs(ids):
            return set(ids)
        case AllOf(items) | AnyOf(items):
            return set().union(*(_concerns_in(i) for i in items))
        case Not(item):
            return _concerns_in(item)
    return set()


def _questions_in(cond: Condition | None) -> set[str]:
    match cond:
        case AnswerIs(pairs):
            return {q for q, _ in pairs}
        case AllOf(items) | AnyOf(items):
            return set().union(*(_questions_in(i) for i in items))
        case Not(item):
            return _questions_in(item)
    return set()


# ---- contacts ---------------------------------------------------------------------


def _contacts(plan: Plan, today: dt.date) -> Iterator[Problem]:
    used = {cid for r in plan.rules for cid in r.refer}
    used |= {plan.municipality.fallback, plan.municipality.general_window}
    # a window whose number is shown for its organisation's other windows (伊勢崎's plan offices)
    used |= {c.id for c in plan.contacts.values() if c.phone and any(
        o.organization == c.organization and not o.phone and o.id in used for o in plan.contacts.values())}
    for c in plan.contacts.values():
        if c.id not in used:
            yield Problem.coded("NAV-W405", c.origin, contact=c.id)
        if not c.source.quote:
            yield Problem.coded("NAV-W401", c.origin, kind=Both("窓口", "contact"), id=c.id)
        if c.phone and not PHONE.match(c.phone):
            yield Problem.coded("NAV-E406", c.origin, contact=c.id, phone=c.phone)
        yield from _dates(c, today)


def _dates(c: Contact, today: dt.date) -> Iterator[Problem]:
    if c.valid_until and c.valid_until < today:
        yield Problem.coded("NAV-W407", c.origin, contact=c.id, date=c.valid_until)
    if c.valid_from and c.valid_from > today:
        yield Problem.coded("NAV-W408", c.origin, contact=c.id, date=c.valid_from)
    if c.last_verified and today - c.last_verified > STALE_AFTER:
        yield Problem.coded("NAV-W409", c.origin, contact=c.id, date=c.last_verified)


# ---- names in one place ------------------------------------------------------------


def _rule_names(plan: Plan) -> Iterator[Problem]:
    """A rule's program and reason name no department or organisation as free text: the window
    card shows them from the contact, and {department} / {organization} fill them in."""
    names = city_names(plan.contacts.values())
    for rule in plan.rules:
        for key in ("program", "reason"):
            text = getattr(rule, key)
            for name in named(text, names):
                yield Problem.coded("NAV-W411", rule.origin, kind=Both("ルール", "rule"), id=rule.id,
                                    key=key, name=name)
            for cid in rule.refer:
                contact = plan.contacts.get(cid)
                if contact and uses(text, "department") and not contact.department:
                    yield Problem.coded("NAV-W412", rule.origin, kind=Both("ルール", "rule"), id=rule.id,
                                        key=key, contact=cid)


# ---- coverage ---------------------------------------------------------------------


def _unrouted(common: Common, plan: Plan) -> Iterator[Problem]:
    routed = {r.concern for r in plan.rules}
    missing = [c.id for c in common.concerns if c.id not in routed]
    if missing:
        yield Problem.coded("NAV-W410", plan.municipality.origin, mid=plan.municipality.id,
                            concerns=", ".join(missing), fallback=plan.municipality.fallback)
