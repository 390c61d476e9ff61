"""What the resident said and what staff ticked → a Case for the engine.

One intake for the CLI, the scenarios and the TUI. When the words speak of two or more people
with troubles of their own (「80歳の母が認知症で…私も仕事を辞めて介護して」), the case becomes a
household: each person gets the concerns found in their part of the sentence and the answers
their own words and age give (相談内容から推定), so the mother's 高齢者 is not the daughter's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Mapping

from . import persons as mentions
from .danger import NO_DANGER, Danger, detect
from .danger_lines import inferred_answer
from .engine import Case, Person, questions_for
from .model import RuleSet
from .search import ConcernMatcher, Ignored, Match, infer_answers

# Answers that describe one person: never taken from another person's words
PERSONAL = ("who", "capacity", "age_group")
SELF = {"私", "わたし", "自分", "本人"}
AGE_GROUP = {mentions.CHILD: "child", mentions.YOUNG: "young", mentions.MIDDLE: "middle", mentions.ELDER: "middle"}


@dataclass(frozen=True)
class Intake:
    case: Case
    matches: tuple[Match, ...]     # concerns found in the text, best first
    ignored: tuple[Ignored, ...] = ()   # words found but not counted (否定, 過去, 単独では弱い …)

    @property
    def danger(self) -> Danger:
        return self.case.danger


def take(ruleset: RuleSet, matcher: ConcernMatcher, municipality: str, text: str = "",
         concerns: Iterable[str] = (), answers: Mapping[str, str] | None = None,
         persons: Iterable[Person] = (), main: str | None = None, household: bool = True) -> Intake:
    """`persons` given (CLI --person, scenarios, staff) are kept as they are. Without them, a
    household is read from the text when `household` is true and no answers were given (answers
    given for the whole case were meant for one person, as before households)."""
    understood = matcher.understand(text) if text.strip() else None
    matches = understood.matches if understood else ()
    ignored = understood.ignored if understood else ()
    given = tuple(persons)
    danger = detect(ruleset.common.danger, text) if text.strip() else NO_DANGER
    # With danger, a guess from example similarity must not put a stray window first: the
    # candidates stay on show (候補), and the most general window follows the national lines.
    routed = [m for m in matches if not (danger.detected and m.candidate)]
    chosen = tuple(dict.fromkeys([*concerns, *(m.concern for m in routed)]))
    asked = questions_for(ruleset.common, chosen, danger, ruleset.plans.get(municipality))
    inferred = infer_answers(text, asked) if text.strip() else {}
    inferred.update(inferred_answer(ruleset.common.danger, danger))
    merged = {**inferred, **(answers or {})}  # what the text states plainly; given answers win
    found = () if given or answers or not household else household_from_text(ruleset, text, matches)
    if found:
        owned = {c for p in found for c in p.concerns}
        untied = tuple(c for c in chosen if c not in owned)
        shared = {q: v for q, v in merged.items() if q not in PERSONAL}
        found = tuple(replace(p, answers={**shared, **p.answers}) for p in found)
        untied_answers = {q: v for q, v in merged.items() if q not in PERSONAL or q in (answers or {})}
        case = Case(municipality, untied, untied_answers, found, main, danger)
    else:
        given_concerns = {c for p in given for c in p.concerns}
        case = Case(municipality, tuple(c for c in chosen if c not in given_concerns) if given else chosen,
                    merged, given, main, danger)
    return Intake(case, matches, ignored)


def household_from_text(ruleset: RuleSet, text: str, matches: Iterable[Match]) -> tuple[Person, ...]:
    """Persons with concerns of their own, when the text names at least two; else ()."""
    matches = [m for m in matches if not m.candidate]
    hits = [h for m in matches for h in m.hits if h.spans]
    said = mentions.people(text, hits)
    clauses = sorted({p.clause for p in said})
    by_key: dict[str, dict] = {}
    owner_of_clause: dict[tuple[int, int], str] = {}
    for m in said:
        if not m.relation:
            continue
        key = "本人" if m.relation in SELF else m.relation
        entry = by_key.setdefault(key, {"relation": key, "age": None, "group": None, "clauses": [],
                                        "client": m.relation in SELF})
        entry["age"] = entry["age"] or m.age
        entry["group"] = entry["group"] or m.group
        entry["clauses"].append(m.clause)
        owner_of_clause.setdefault(m.clause, key)
    owned: dict[str, list[str]] = {k: [] for k in by_key}
    for h in hits:
        key = _owner(h.spans[0][0], clauses, owner_of_clause)
        if key and h.concern not in owned[key]:
            owned[key].append(h.concern)
    order = {m.concern: i for i, m in enumerate(matches)}
    members = [(k, sorted(cs, key=order.get)) for k, cs in owned.items() if cs]
    if len(members) < 2:
        return ()
    found = []
    for i, (key, concerns) in enumerate(members, start=1):
        entry = by_key[key]
        own_text = "".join(text[s:e] for s, e in entry["clauses"])
        answers = infer_answers(own_text, questions_for(ruleset.common, concerns))
        answers = {q: v for q, v in answers.items() if q in PERSONAL}
        who = mentions.who_value(entry["group"])
        if who:
            answers["who"] = who
        if entry["group"] in AGE_GROUP:
            answers["age_group"] = AGE_GROUP[entry["group"]]
        found.append(Person(f"p{i}", entry["relation"], tuple(concerns), answers, entry["client"],
                            entry["age"], inferred=True))
    return tuple(found)


def _owner(pos: int, clauses: list[tuple[int, int]], owner_of_clause: dict) -> str | None:
    """The person named in the clause of `pos`, else in the nearest clause before it (the
    subject carries over in Japanese: 「母が認知症で、お金の管理もできなくなって」)."""
    before = [c for c in clauses if c[0] <= pos]
    for clause in reversed(before):
        if clause in owner_of_clause:
            return owner_of_clause[clause]
    return None
