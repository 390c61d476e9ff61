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
