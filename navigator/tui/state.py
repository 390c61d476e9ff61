"""The consultation in progress: held in memory only, never written unless exported."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..engine import Case, questions_for
from ..model import Question, RuleSet
from ..search import ConcernMatcher, Match, infer_answers


@dataclass
class Consultation:
    municipality: str | None = None
    text: str = ""
    ticked: list[str] = field(default_factory=list)     # concerns, in the order chosen
    answers: dict[str, str] = field(default_factory=dict)

    def clear(self) -> None:
        """New consultation: every answer and the text go; the municipality stays."""
        self.text = ""
        self.ticked.clear()
        self.answers.clear()

    def accept(self, matches: list[Match]) -> None:
        for m in matches:
            if m.concern not in self.ticked:
                self.ticked.append(m.concern)

    def questions(self, ruleset: RuleSet) -> list[Question]:
        return questions_for(ruleset.common, self.ticked)

    def suggested_answer(self, question: Question) -> str | None:
        """The answer given before, else what the text states plainly."""
        return self.answers.get(question.id) or infer_answers(self.text, [question]).get(question.id)

    def case(self) -> Case:
        return Case(self.municipality or "", tuple(self.ticked), dict(self.answers))


def suggestions(matcher: ConcernMatcher, text: str) -> list[Match]:
    return matcher.match(text, limit=6)
