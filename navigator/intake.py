"""What the resident said, what staff ticked and answered → a Case for the engine.

The one intake of the CLI, the scenarios, diff and the TUI (`take` is `Intake.read` with every
suggestion accepted), so what the TUI offers is what the scenario tests test. When the words
speak of two or more people with troubles of their own (「80歳の母が認知症で…私も仕事を辞めて
介護して」), the case becomes a household: each person gets the concerns found in their part of
the sentence and the answers their own words and age give (相談内容から推定), so the mother's
高齢者 is not the daughter's. Held in memory only; nothing is written unless a slip is exported.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Iterable, Mapping

from . import persons as mentions
from .danger_found import NO_DANGER, Danger

# The TUI's first screen holds an Intake before any rule is loaded: the engine, the matcher and
# the model (≈ 30 ms of imports) come with the first reading, imported where they are used.
if TYPE_CHECKING:
    from .engine import Case, Person
    from .model import Question, RuleSet
    from .search import ConcernMatcher, Ignored, Match

# Answers that describe one person: never taken from another person's words
PERSONAL = ("who", "capacity", "age_group")
SELF = {"私", "わたし", "自分", "本人"}
HARM = {"abuse", "dv"}        # concerns of the one harmed, never of the one who harms
PARTNER_WORDS = {"夫", "おっと", "妻", "旦那", "だんな", "主人", "彼氏", "かれし", "彼", "交際相手", "パートナー", "元夫", "元妻",
                 "元彼", "恋人", "嫁", "奥さん", "旦那さん"}   # DV read as theirs is the speaker's: they do it
CHILD_WORDS = {"子ども", "こども", "子供"}   # …and as a child's: 子どもと逃げたい, the child goes along (abuse is the child's)
NOT_DVS_OWN = PARTNER_WORDS | CHILD_WORDS
_DOER = ("に殴", "に叩", "に蹴", "から", "によ")   # 夫に殴られ / 夫から暴力 / 夫による
_OBJECT = ("を", "に対")       # 子どもを叩く / 子どもに対して
_SUBJECT = ("が", "は")         # 夫が（子どもを）: the doer when someone else is the object
AGE_GROUP = {mentions.CHILD: "child", mentions.YOUNG: "young", mentions.MIDDLE: "middle", mentions.ELDER: "middle"}


@dataclass(frozen=True)
class Step:
    """One question about one person (None: not tied to anyone)."""

    person: Person | None
    question: Question


@dataclass
class Intake:
    """The consultation in progress. `read` turns the words and ticks into the case as the words
    give it (concerns, household, inferred answers); what staff answer afterwards (`answer`) and
    any concern moved to another person (`move`) are laid over it by `case`."""

    municipality: str | None = None
    text: str = ""
    ticked: list[str] = field(default_factory=list)      # concerns, in the order chosen
    answers: dict[str, str] = field(default_factory=dict)  # given by staff, not tied to anyone
    person_answers: dict[str, dict[str, str]] = field(default_factory=dict)  # given, by relation
    given_persons: tuple[Person, ...] = ()                 # CLI --person, scenarios
    main: str | None = None
    subject: str = ""                                      # 本人, as the guided path asked it
    moved: dict[str, str] = field(default_factory=dict)    # concern → relation, staff's correction
    skipped: set[tuple[str, str]] = field(default_factory=set)  # (relation or "", question): わからない
    # what `read` found
    matches: tuple[Match, ...] = ()                        # concerns found in the text, best first
    ignored: tuple[Ignored, ...] = ()                      # words found but not counted (否定, 過去 …)
    danger: Danger = NO_DANGER
    read_case: Case | None = None

    def clear(self) -> None:
        """New consultation: every answer and the text go; the municipality stays."""
        municipality = self.municipality
        self.__dict__.update(Intake(municipality).__dict__)

    # ---- the words
    def suggest(self, matcher: ConcernMatcher) -> list[Match]:
        """The concerns the words suggest now (as the resident's words are typed)."""
        return matcher.match(self.text) if self.text.strip() else []

    def accept(self, matches: Iterable[Match]) -> None:
        """Tick what the words found; with danger, a guess from example similarity is not
        ticked (it must not put a stray window first: it stays on show as 候補)."""
        for m in matches:
            if not (self.danger.detected and m.candidate) and m.concern not in self.ticked:
                self.ticked.append(m.concern)

    def read(self, ruleset: RuleSet, matcher: ConcernMatcher, accept: bool = False,
             household: bool = True) -> "Intake":
        """Read the words (and, with `accept`, tick what they found) into `read_case`. Persons
        given are kept as they are; without them a household is read from the text when
        `household` is true."""
        understood = matcher.understand(self.text) if self.text.strip() else None
        self.matches = understood.matches if understood else ()
        self.ignored = understood.ignored if understood else ()
        from .danger import detect   # the cues: after the first screen, which only holds an Intake
        self.danger = detect(ruleset.common.danger, self.text) if self.text.strip() else NO_DANGER
        if accept:
            self.accept(self.matches)
        self.read_case = self._case_from_words(ruleset, household)
        return self

    def _case_from_words(self, ruleset: RuleSet, household: bool) -> Case:
        from .danger_lines import inferred_answer   # after the first screen (see the imports)
        from .engine import Case, questions_for
        from .search import infer_answers

        mid, chosen = self.municipality or "", tuple(dict.fromkeys(self.ticked))
        asked = questions_for(ruleset.common, chosen, self.danger, ruleset.plans.get(mid))
        inferred = infer_answers(self.text, asked) if self.text.strip() else {}
        inferred.update(inferred_answer(ruleset.common.danger, self.danger))
        merged = {**inferred, **self.answers}  # what the text states plainly; given answers win
        found = () if self.given_persons or not household else household_from_text(ruleset, self.text, self.matches)
        found = tuple(p for p in (replace(p, concerns=tuple(c for c in p.concerns if c in chosen)) for p in found)
                      if p.concerns)
        if len(found) >= 2:
            owned = {c for p in found for c in p.concerns}
            shared = {q: v for q, v in merged.items() if q not in PERSONAL}
            found = tuple(replace(p, answers={**shared, **p.answers}) for p in found)
            untied_answers = {q: v for q, v in merged.items() if q not in PERSONAL or q in self.answers}
            return Case(mid, tuple(c for c in chosen if c not in owned), untied_answers, found, self.main, self.danger)
        given_concerns = {c for p in self.given_persons for c in p.concerns}
        return Case(mid, tuple(c for c in chosen if c not in given_concerns), merged, self.given_persons,
                    self.main, self.danger)

    # ---- the questions and what staff answer
    @property
    def case(self) -> Case:
        """The case as read, with staff's answers, skips and moved concerns laid over it."""
        from .engine import Case   # after the first screen (see the imports)

        base = self.read_case or Case(self.municipality or "", tuple(dict.fromkeys(self.ticked)), {}, (),
                                      self.main, self.danger)
        base = self._apply_moves(base)
        persons = tuple(replace(p, answers=self._over(p.relation, p.answers)) for p in base.persons)
        return replace(base, answers=self._over("", base.answers), persons=persons, main=self.main)

    def _over(self, relation: str, answers: Mapping[str, str]) -> dict[str, str]:
        shared = {q: v for q, v in self.answers.items() if q not in PERSONAL}   # the household's
        given = {**shared, **self.person_answers.get(relation, {})} if relation else self.answers
        merged = {**answers, **given}
        return {q: v for q, v in merged.items()
                if (relation, q) not in self.skipped and (q in PERSONAL or ("", q) not in self.skipped)}

    @staticmethod
    def _whose(step: Step) -> str:
        """The relation a step's answer is kept under: "" for a household question (asked once)."""
        return step.person.relation if step.person and step.question.id in PERSONAL else ""

    def steps(self, ruleset: RuleSet) -> list[Step]:
        from .engine import questions_for   # after the first screen (see the imports)

        case = self.case
        plan = ruleset.plans.get(self.municipality or "")  # only what this city's rules read
        steps = [Step(None, q) for q in questions_for(ruleset.common, case.concerns, self.danger, plan)]
        asked = {s.question.id for s in steps}
        for p in case.persons:  # a household question (danger, housing …) once, not once a person
            own = [q for q in questions_for(ruleset.common, p.concerns, plan=plan) if q.id in PERSONAL or q.id not in asked]
            asked |= {q.id for q in own}
            steps += [Step(p, q) for q in own]
        return steps

    def questions(self, ruleset: RuleSet) -> list[Question]:
        return [s.question for s in self.steps(ruleset)]

    def suggested_answer(self, step: Step) -> tuple[str | None, bool]:
        """(the answer given before, or what the words suggest; whether it is only suggested,
        to be shown as 相談内容から推定). The danger question is suggested whenever a danger
        cue fired: 今まさに for a danger happening now, the other はい for the rest."""
        relation, q = self._whose(step), step.question.id
        given = self.person_answers.get(relation, {}) if relation else self.answers
        if q in given:
            return given[q], False
        if (relation, q) in self.skipped or self.read_case is None:
            return None, False
        base = self._apply_moves(self.read_case)
        read = base.answers if not relation else next((p.answers for p in base.persons if p.relation == relation), {})
        return read.get(q), q in read

    def answer(self, step: Step, value: str | None) -> None:
        """Staff's answer (None: わからない, which also drops what the words suggested)."""
        relation, q = self._whose(step), step.question.id
        given = self.person_answers.setdefault(relation, {}) if relation else self.answers
        if value is None:
            given.pop(q, None)
            self.skipped.add((relation, q))
        else:
            given[q] = value
            self.skipped.discard((relation, q))

    # ---- the household, as staff correct it
    def move(self, concern: str, relation: str) -> None:
        """Staff say whose concern this is (relation of a person read from the words)."""
        self.moved[concern] = relation

    def _apply_moves(self, case: Case) -> Case:
        relations = {p.relation for p in case.persons}
        moves = {c: r for c, r in self.moved.items() if r in relations}
        if not moves:
            return case
        present = set(case.all_concerns())
        persons = tuple(replace(p, concerns=tuple(c for c in p.concerns if c not in moves)
                                + tuple(c for c, r in moves.items() if r == p.relation and c in present))
                        for p in case.persons)
        return replace(case, concerns=tuple(c for c in case.concerns if c not in moves), persons=persons)


def take(ruleset: RuleSet, matcher: ConcernMatcher, municipality: str, text: str = "",
         concerns: Iterable[str] = (), answers: Mapping[str, str] | None = None,
         persons: Iterable[Person] = (), main: str | None = None, household: bool = True) -> Intake:
    """The intake with every suggestion taken, as the TUI does when staff press Enter through
    it: ticked `concerns` plus what the words find, the answers the words state (given `answers`
    win). Answers given for the whole case were meant for one person, so then no household is
    read (as before households)."""
    intake = Intake(municipality, text, list(dict.fromkeys(concerns)), dict(answers or {}),
                    given_persons=tuple(persons), main=main)
    return intake.read(ruleset, matcher, accept=True, household=household and not answers)


def household_from_text(ruleset: RuleSet, text: str, matches: Iterable[Match]) -> tuple[Person, ...]:
    """Persons with concerns of their own, when the text names at least two; else ()."""
    from .engine import Person, questions_for   # after the first screen (see the imports)
    from .search import infer_answers
    from .weighing import SPEAKERS_OWN

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
    harmed = _victims(text, said, by_key)
    owned: dict[str, list[str]] = {k: [] for k in by_key}
    for h in hits:
        key = _owner(h.spans[0][0], clauses, harmed if h.concern in HARM else {}) or \
            _owner(h.spans[0][0], clauses, owner_of_clause)
        if (h.concern == "dv" and key in NOT_DVS_OWN) or h.keyword in SPEAKERS_OWN:
            key = _client(by_key)   # 夫 たたく: the partner does it; a learner's Japanese (or another language) is the speaker's
            owned.setdefault(key, [])
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


def _client(by_key: dict[str, dict], clause: tuple[int, int] | None = None) -> str:
    """The one who speaks (本人), added when the words named only others (with the clause that tells of them)."""
    by_key.setdefault("本人", {"relation": "本人", "age": None, "group": None, "clauses": [clause] if clause else [],
                             "client": True})
    return "本人"


def _victims(text: str, said, by_key: dict[str, dict]) -> dict[tuple[int, int], str]:
    """Whose concern violence is, clause by clause: not the one who does it. 「夫に殴られ」「夫から」
    and 「夫が子どもを叩く」 name the husband as the doer; the harmed is the one hit (子ども), or the
    client when nobody else stands in the clause (「夫に殴られている」)."""
    by_clause: dict[tuple[int, int], list] = {}
    for m in said:
        if m.relation:
            by_clause.setdefault(m.clause, []).append(m)
    victims = {}
    for clause, people in by_clause.items():
        after = {id(m): text[m.span[1]:m.span[1] + 2] for m in people}
        hit = [m for m in people if after[id(m)].startswith(_OBJECT)]
        doers = [m for m in people if after[id(m)].startswith(_DOER) or (hit and after[id(m)].startswith(_SUBJECT))]
        harmed = [m for m in people if m not in doers]
        if not doers:
            continue
        if harmed:
            victims[clause] = "本人" if harmed[0].relation in SELF else harmed[0].relation
        else:
            victims[clause] = _client(by_key, clause)
    return victims


def _owner(pos: int, clauses: list[tuple[int, int]], owner_of_clause: dict) -> str | None:
    """The person named in the clause of `pos`, else in the nearest clause before it (the
    subject carries over in Japanese: 「母が認知症で、お金の管理もできなくなって」)."""
    before = [c for c in clauses if c[0] <= pos]
    for clause in reversed(before):
        if clause in owner_of_clause:
            return owner_of_clause[clause]
    return None
