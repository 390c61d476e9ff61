"""The consultation in progress: held in memory only, never written unless exported.

The same intake as the CLI and the scenarios (intake.take, intake.household_from_text): the
text and the ticks give the concerns, and a text that speaks of two or more people with
troubles of their own gives a household whose questions are asked person by person."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..danger import Danger, detect
from ..engine import Case, Person, questions_for
from ..intake import household_from_text
from ..model import Question, RuleSet
from ..search import ConcernMatcher, Match, infer_answers


@dataclass(frozen=True)
class Step:
    """One question about one person (None: not tied to anyone)."""

    person: Person | None
    question: Question


@dataclass
class Consultation:
    municipality: str | None = None
    text: str = ""
    ticked: list[str] = field(default_factory=list)     # concerns, in the order chosen
    answers: dict[str, str] = field(default_factory=dict)
    persons: list[Person] = field(default_factory=list)  # the household read from the text
    person_answers: dict[str, dict[str, str]] = field(default_factory=dict)  # by relation
    main: str | None = None
    subject: str = ""                                    # 本人, as the guided path asked it

    def clear(self) -> None:
        """New consultation: every answer and the text go; the municipality stays."""
        self.text = ""
        self.ticked.clear()
        self.answers.clear()
        self.persons.clear()
        self.person_answers.clear()
        self.main = None
        self.subject = ""

    def accept(self, matches: list[Match]) -> None:
        for m in matches:
            if m.concern not in self.ticked:
                self.ticked.append(m.concern)

    def read_household(self, ruleset: RuleSet, matcher: ConcernMatcher) -> None:
        """Who has which of the ticked concerns, as the text tells it (two or more people)."""
        found = household_from_text(ruleset, self.text, matcher.match(self.text)) if self.text.strip() else ()
        ticked = set(self.ticked)
        persons = [replace(p, concerns=tuple(c for c in p.concerns if c in ticked)) for p in found]
        persons = [p for p in persons if p.concerns]
        self.persons[:] = persons if len(persons) >= 2 else []

    def untied(self) -> tuple[str, ...]:
        owned = {c for p in self.persons for c in p.concerns}
        return tuple(c for c in self.ticked if c not in owned)

    def danger(self, ruleset: RuleSet | None) -> Danger:
        """Danger in the resident's words, whatever is ticked (cheap: run on every keystroke)."""
        return detect(ruleset.common.danger, self.text) if ruleset else Danger()

    def steps(self, ruleset: RuleSet) -> list[Step]:
        plan = ruleset.plans.get(self.municipality or "")  # only what this city's rules read
        steps = [Step(None, q) for q in questions_for(ruleset.common, self.untied(), self.danger(ruleset), plan)]
        for p in self.persons:
            steps += [Step(p, q) for q in questions_for(ruleset.common, p.concerns, plan=plan)]
        return steps

    def questions(self, ruleset: RuleSet) -> list[Question]:
        return [s.question for s in self.steps(ruleset)]

    def given(self, step: Step) -> dict[str, str]:
        return self.person_answers.setdefault(step.person.relation, {}) if step.person else self.answers

    def suggested_answer(self, step: Step | Question, ruleset: RuleSet | None = None) -> tuple[str | None, bool]:
        """(the answer given before, or what the words suggest; whether it is only suggested).
        The danger question is suggested はい whenever a danger cue fired."""
        step = step if isinstance(step, Step) else Step(None, step)
        q = step.question
        if q.id in self.given(step):
            return self.given(step)[q.id], False
        rules = ruleset.common.danger if ruleset else None
        if rules and q.id == rules.question and step.person is None and self.danger(ruleset).detected:
            return rules.answer, True
        if step.person is not None:
            guess = step.person.answers.get(q.id)
        else:
            guess = infer_answers(self.text, [q]).get(q.id)
        return guess, guess is not None

    def answer(self, step: Step, value: str | None) -> None:
        given = self.given(step)
        if value is None:
            given.pop(step.question.id, None)
        else:
            given[step.question.id] = value

    def case(self, ruleset: RuleSet | None = None) -> Case:
        persons = tuple(replace(p, answers=dict(self.person_answers.get(p.relation, {}))) for p in self.persons)
        return Case(self.municipality or "", self.untied(), dict(self.answers), persons, self.main,
                    self.danger(ruleset))


def danger_line(ruleset: RuleSet, danger: Danger) -> str:
    """危険の手がかり: 今まさに暴力・命の危険「包丁を持」「暴れ」→110 — shown as the resident types."""
    if not danger.detected:
        return ""
    parts = []
    for kind_id in danger.kinds:
        kind = ruleset.common.danger.kind(kind_id)
        line = ruleset.common.line(kind.lines[0]) if kind and kind.lines else None
        words = "".join(f"「{w}」" for w in danger.cues_of(kind_id)[:2])
        parts.append(f"{kind.label if kind else kind_id}{words}" + (f"→{line.phone}" if line else ""))
    return "危険の手がかり: " + "・".join(parts)


def suggestions(matcher: ConcernMatcher, text: str) -> list[Match]:
    return matcher.match(text, limit=6)


def suggestion_line(matches: list[Match], label) -> str:
    """候補: 生活困窮「家賃が払えず」・住まい「家賃」 — the resident's words behind each concern;
    a concern only an example suggests says so, with the example."""
    if not matches:
        return ""
    if all(m.candidate for m in matches):
        first = matches[0]
        reason = f"例文「{_short(first.matched[0])}」に近い" if first.hits and first.hits[0].how == "例文" else "単独では弱い語"
        return f"候補（要確認）: {'・'.join(label(m.concern) for m in matches)} ← {reason}（Enterで決定）"
    parts = []
    for m in matches:
        words = list(dict.fromkeys(w for h in m.hits for w in h.words))[:2]
        parts.append(label(m.concern) + "".join(f"「{_short(w)}」" for w in words))
    return f"候補: {'・'.join(parts)}（Enterで決定）"


def _short(text: str, limit: int = 14) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
