"""Deeper checks than loading: rules that never fire or are shadowed, unused contacts, stale data."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Iterator

from .engine import questions_for
from .model import (AllOf, AnswerIs, AnyOf, Common, ConcernIs, Condition, Contact, Not, Plan,
                    Rule, RuleSet, holds)
from .problems import ERROR, WARNING, Problem

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
    return found


# ---- rules ------------------------------------------------------------------------


def _rules(common: Common, plan: Plan) -> Iterator[Problem]:
    for rule in plan.rules:
        if not rule.source.quote:
            yield Problem.at(rule.origin, f"rule '{rule.id}' cites no quote from the plan", WARNING,
                             "add source.quote: the plan's own words this rule rests on")
        worlds = list(_worlds(common, rule))
        if not any(_fires(rule, w) for w in worlds):
            yield Problem.at(rule.origin, f"rule '{rule.id}' can never fire", ERROR,
                             _never_hint(common, rule))
            continue
        shadow = _shadowed_by(plan, rule, worlds)
        if shadow:
            yield Problem.at(rule.origin, f"rule '{rule.id}' is wholly shadowed by rule '{shadow.id}' "
                             f"(line {shadow.origin.line})", WARNING,
                             "it fires only when the other does, and the other already names the same program "
                             "and contacts at the same or a better priority; remove or narrow one of them")


World = tuple[frozenset[str], dict[str, str]]


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


def _never_hint(common: Common, rule: Rule) -> str:
    asked = {q.id for q in questions_for(common, {rule.concern} | _concerns_in(rule.when))}
    unasked = sorted(_questions_in(rule.when) - asked)
    if unasked:
        return (f"question(s) {', '.join(unasked)} are not asked for concern '{rule.concern}'; "
                "add the concern to the question's concerns in common.yaml")
    return "its condition contradicts itself (e.g. two different answers to one question)"


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
    for c in plan.contacts.values():
        if c.id not in used:
            yield Problem.at(c.origin, f"contact '{c.id}' is not referred to by any rule", WARNING,
                             "refer to it from a rule, or remove it if the window no longer exists")
        if not c.source.quote:
            yield Problem.at(c.origin, f"contact '{c.id}' cites no quote from the plan", WARNING,
                             "add source.quote: the plan's own words naming this window")
        if c.phone and not PHONE.match(c.phone):
            yield Problem.at(c.origin, f"contact '{c.id}' has a phone number in a wrong format: '{c.phone}'",
                             ERROR, "write it like 0270-27-2748 (digits and hyphens), or leave it out")
        yield from _dates(c, today)


def _dates(c: Contact, today: dt.date) -> Iterator[Problem]:
    if c.valid_until and c.valid_until < today:
        yield Problem.at(c.origin, f"contact '{c.id}' was valid until {c.valid_until}", WARNING,
                         "the window may have closed or moved: check the current plan and update or remove it")
    if c.valid_from and c.valid_from > today:
        yield Problem.at(c.origin, f"contact '{c.id}' is valid only from {c.valid_from}", WARNING,
                         "it is shown already; remove valid_from once it opens, or add it later")
    if c.last_verified and today - c.last_verified > STALE_AFTER:
        yield Problem.at(c.origin, f"contact '{c.id}' was last verified on {c.last_verified}, "
                         "more than a year ago", WARNING, "check it against the current plan and update last_verified")


# ---- coverage ---------------------------------------------------------------------


def _unrouted(common: Common, plan: Plan) -> Iterator[Problem]:
    routed = {r.concern for r in plan.rules}
    missing = [c.id for c in common.concerns if c.id not in routed]
    if missing:
        yield Problem.at(plan.municipality.origin,
                         f"{plan.municipality.id}: no rule for {', '.join(missing)}; "
                         f"these go to the fallback window '{plan.municipality.fallback}'", WARNING,
                         "fine where the plan says nothing about them; add a rule where it does")
