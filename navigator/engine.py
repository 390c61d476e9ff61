"""Routing: a case (concerns and answers) → emergency lines and ordered referrals, with their grounds
(explain.py puts the grounds into words)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Mapping

from .danger_found import NO_DANGER, Danger
from .danger_lines import first_lines, lines_for
from .names import fill
from .model import (AllOf, AnswerIs, AnyOf, ConcernIs, Common, Condition, Contact, EmergencyLine, Municipality,
                    Not, Person, Plan, Question, Rule, RuleSet, Source, holds)

UNSURE = "unsure"  # 「どこに相談すればよいかわからない」: the one-stop window comes first
GENERAL_PRIORITY = 0
FALLBACK_PRIORITY = 900

RULE, FALLBACK, GENERAL = "rule", "fallback", "general"
FALLBACK_REASON = ("この相談について、計画には具体的な窓口の記載がありません。"
                   "計画が示す最も一般的な相談窓口です。")
GENERAL_REASON = "複数の困りごとがある・どこに相談すればよいかわからないときの総合的な相談窓口です。"
DANGER_REASON = ("相談内容に危険の手がかりがあり、相談の種類はまだ分かりません。"
                 "緊急の連絡先のあとに、計画が示す最も一般的な相談窓口です。")


@dataclass(frozen=True)
class Case:
    """Concerns and answers not tied to anyone (the single-person case of before), plus the
    household's persons, each routed by their own answers."""

    municipality: str
    concerns: tuple[str, ...] = ()
    answers: Mapping[str, str] = field(default_factory=dict)
    persons: tuple[Person, ...] = ()
    main: str | None = None            # the concern that troubles them most (◎)
    danger: Danger = NO_DANGER         # found in the resident's words (navigator.danger.detect)

    def groups(self) -> list[tuple[Person | None, tuple[str, ...], Mapping[str, str]]]:
        """(person or None, concerns, answers) for each who-has-what, the untied part first."""
        found = [(None, self.concerns, self.answers)] if self.concerns or not self.persons else []
        return found + [(p, p.concerns, p.answers) for p in self.persons if p.concerns]

    def all_concerns(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c for _, cs, _ in self.groups() for c in cs))


@dataclass(frozen=True)
class Ground:
    """One reason a contact is on the list: a rule, the fallback, or the one-stop window."""

    kind: str
    concern: str | None
    program: str
    reason: str
    source: Source
    rule: Rule | None = None
    answers: tuple[tuple[str, str], ...] = ()
    person: str | None = None          # whose concern (Person.id), None when not tied to anyone


@dataclass(frozen=True)
class Referral:
    rank: int
    contact: Contact
    grounds: tuple[Ground, ...]
    # When the plan gives this window no phone but gives one for its organisation (伊勢崎's 社協):
    organization_contact: Contact | None = None

    @property
    def main(self) -> Ground:
        return self.grounds[0]

    @property
    def concerns(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(g.concern for g in self.grounds if g.concern))

    @property
    def persons(self) -> tuple[str, ...]:
        """Whose concerns bring this referral (Person ids; empty when not tied to anyone)."""
        return tuple(dict.fromkeys(g.person for g in self.grounds if g.person))

    @property
    def other_programs(self) -> tuple[str, ...]:
        """Programs of the other grounds, when they differ from the main one (shown as ほかに)."""
        main = self.main.program
        return tuple(dict.fromkeys(g.program for g in self.grounds[1:] if g.program != main))

    @property
    def fallback(self) -> bool:
        return all(g.kind == FALLBACK for g in self.grounds)


@dataclass(frozen=True)
class Result:
    municipality: Municipality
    concerns: tuple[str, ...]
    answers: Mapping[str, str]
    emergency: tuple[EmergencyLine, ...]
    referrals: tuple[Referral, ...]
    persons: tuple[Person, ...] = ()   # each with only the answers that mattered for their concerns
    main: str | None = None
    danger: Danger = NO_DANGER

    def person(self, person_id: str | None) -> Person | None:
        return next((p for p in self.persons if p.id == person_id), None)

    def all_answers(self) -> dict[str, str]:
        """Every answer kept, the untied ones first (a household question is one answer for all)."""
        return _merged([self.answers, *(p.answers for p in self.persons)])


def _merged(answers: Iterable[Mapping[str, str]]) -> dict[str, str]:
    merged: dict[str, str] = {}
    for given in answers:
        for q, v in given.items():
            merged.setdefault(q, v)
    return merged


def questions_for(common: Common, concerns: Iterable[str], danger: Danger = NO_DANGER,
                  plan: Plan | None = None) -> list[Question]:
    """The follow-up questions that matter for these concerns, in the file's order; the danger
    question too, whatever the concerns, when the resident's words show danger. Given the
    municipality's plan, only those some rule of it (or a national line) reads: a question whose
    answer changes nothing there is not asked."""
    chosen = set(concerns)
    danger_question = common.danger.question if danger.detected else None
    asked = [q for q in common.questions if chosen.intersection(q.concerns) or q.id == danger_question]
    if plan is None:
        return asked
    used = {q for r in plan.rules if r.concern in chosen for q in _questions_in(r.when)}
    used |= {q for e in common.emergency if _may_hold(e.when, chosen) for q in _questions_in(e.when)}
    return [q for q in asked if q.id in used or q.id == danger_question]


def _may_hold(cond: Condition | None, chosen: set[str]) -> bool:
    """False when the condition needs a concern none of which is chosen (189 needs 虐待)."""
    match cond:
        case ConcernIs(ids):
            return bool(chosen.intersection(ids))
        case AllOf(items):
            return all(_may_hold(i, chosen) for i in items)
        case AnyOf(items):
            return any(_may_hold(i, chosen) for i in items)
    return True


def route(ruleset: RuleSet, case: Case) -> Result:
    """Each person's concerns are routed with that person's answers (and concerns); the
    one-stop window comes first when the household has several concerns in all."""
    plan = ruleset.plans[case.municipality]
    known = ruleset.common.concern
    groups = [(p, tuple(dict.fromkeys(c for c in cs if known(c))), answers) for p, cs, answers in case.groups()]
    concerns = tuple(dict.fromkeys(c for _, cs, _ in groups for c in cs))
    emergency: dict[str, EmergencyLine] = {}
    candidates: list[tuple[tuple, str, Ground]] = []
    kept: dict[str | None, dict[str, str]] = {}
    for person, own, given in groups:
        relevant = {q.id for q in questions_for(ruleset.common, own, case.danger, plan)}
        answers = {q: v for q, v in given.items() if q in relevant}
        kept[person.id if person else None] = answers
        selected = frozenset(own)
        for e in ruleset.common.emergency:
            if e.when and holds(e.when, selected, answers):
                emergency.setdefault(e.id, e)
        candidates += _candidates(plan, own, selected, answers, [concerns.index(c) for c in own],
                                  person.id if person else None)
    candidates += _general(plan, concerns)
    if not concerns and case.danger.detected:
        candidates = [_most_general(plan)]
    # Staff's 「今まさに」 puts 110・119 before all; then what the words showed, which stays even
    # if staff answer いいえ; then the lines whose own condition holds (a ticked concern, an
    # answer), in the file's order.
    lines = tuple(dict.fromkeys((*first_lines(ruleset.common, case.danger, _merged(kept.values())),
                                 *lines_for(ruleset.common, case.danger),
                                 *(e for e in ruleset.common.emergency if e.id in emergency))))
    persons = tuple(replace(p, answers=kept.get(p.id, {})) for p in case.persons)
    main = case.main if case.main in concerns else None
    return Result(plan.municipality, concerns, kept.get(None, {}), lines, _merge(plan, candidates), persons, main,
                  case.danger)


def _most_general(plan: Plan) -> tuple[tuple, str, Ground]:
    """Danger but no concern yet: after the national lines, the plan's most general window."""
    cid = plan.municipality.general_window or plan.municipality.fallback
    contact = plan.contacts[cid]
    return (GENERAL_PRIORITY, -1, -1, 0), cid, Ground(GENERAL, None, contact.window, DANGER_REASON, contact.source)


def _general(plan: Plan, concerns: tuple[str, ...]) -> list[tuple[tuple, str, Ground]]:
    general = plan.municipality.general_window
    if general and (len(concerns) >= 2 or UNSURE in concerns):
        contact = plan.contacts[general]
        return [((GENERAL_PRIORITY, -1, -1, 0), general, Ground(GENERAL, None, contact.window, GENERAL_REASON,
                                                                 contact.source))]
    return []


def _candidates(plan: Plan, concerns: tuple[str, ...], selected: frozenset[str], answers: Mapping[str, str],
                order: list[int], person: str | None = None) -> list[tuple[tuple, str, Ground]]:
    """(sort key, contact id, ground) for every referral of one person's concerns before merging."""
    found: list[tuple[tuple, str, Ground]] = []
    for c_index, concern in zip(order, concerns):
        fired = [(i, r) for i, r in enumerate(plan.rules)
                 if r.concern == concern and holds(r.when, selected, answers)]
        for r_index, rule in fired:
            given = tuple((q, answers[q]) for q in _questions_in(rule.when) if q in answers)
            for position, cid in enumerate(rule.refer):
                c = plan.contacts[cid]  # {department} / {organization} are this window's own
                ground = Ground(RULE, concern, fill(rule.program, c.department, c.organization),
                                fill(rule.reason, c.department, c.organization), rule.source, rule, given, person)
                found.append(((rule.priority, c_index, r_index, position), cid, ground))
        if not fired:
            contact = plan.contacts[plan.municipality.fallback]
            ground = Ground(FALLBACK, concern, contact.window, FALLBACK_REASON, contact.source, person=person)
            found.append(((FALLBACK_PRIORITY, c_index, 0, 0), contact.id, ground))
    return found


def _merge(plan: Plan, candidates: list[tuple[tuple, str, Ground]]) -> tuple[Referral, ...]:
    """One referral per contact, at its best position, keeping every ground."""
    grounds: dict[str, list[Ground]] = {}
    for _key, cid, ground in sorted(candidates, key=lambda c: c[0]):
        kept = grounds.setdefault(cid, [])
        if ground not in kept:
            kept.append(ground)
    return tuple(Referral(rank, plan.contacts[cid], tuple(gs), _organization_contact(plan, plan.contacts[cid]))
                 for rank, (cid, gs) in enumerate(grounds.items(), start=1))


def _organization_contact(plan: Plan, contact: Contact) -> Contact | None:
    """Another window of the same organisation whose phone the plan gives, if this one has none."""
    if contact.phone:
        return None
    return next((c for c in plan.contacts.values()
                 if c.organization == contact.organization and c.phone), None)


def _questions_in(cond: Condition | None) -> list[str]:
    match cond:
        case AnswerIs(pairs):
            return [q for q, _ in pairs]
        case AllOf(items) | AnyOf(items):
            return [q for item in items for q in _questions_in(item)]
        case Not(item):
            return _questions_in(item)
    return []
