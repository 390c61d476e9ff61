"""Plain data: municipalities, concerns, questions, rules, contacts. No I/O here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Mapping, Union


@dataclass(frozen=True)
class Origin:
    """Where an object was written: path and 1-based line and column."""

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


NOWHERE = Origin("<unknown>", 0, 0)


@dataclass(frozen=True)
class Source:
    """The plan sentence an entry rests on; `national` for the national lines."""

    file: str | None = None
    section: str | None = None
    quote: str | None = None
    national: bool = False


# ---- conditions ---------------------------------------------------------------


@dataclass(frozen=True)
class ConcernIs:
    concerns: tuple[str, ...]


@dataclass(frozen=True)
class AnswerIs:
    """Every named question is answered with one of its values."""

    answers: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class AllOf:
    items: tuple["Condition", ...]


@dataclass(frozen=True)
class AnyOf:
    items: tuple["Condition", ...]


@dataclass(frozen=True)
class Not:
    item: "Condition"


Condition = Union[ConcernIs, AnswerIs, AllOf, AnyOf, Not]


def holds(cond: Condition | None, concerns: frozenset[str], answers: Mapping[str, str]) -> bool:
    """Evaluate a condition against the selected concerns and the answers given."""
    match cond:
        case None:
            return True
        case ConcernIs(ids):
            return any(c in concerns for c in ids)
        case AnswerIs(pairs):
            return all(answers.get(q) in values for q, values in pairs)
        case AllOf(items):
            return all(holds(i, concerns, answers) for i in items)
        case AnyOf(items):
            return any(holds(i, concerns, answers) for i in items)
        case Not(item):
            return not holds(item, concerns, answers)
    raise TypeError(f"not a condition: {cond!r}")


# ---- shared taxonomy ------------------------------------------------------------


@dataclass(frozen=True)
class Concern:
    id: str
    label: str
    description: str
    keywords: tuple[str, ...]
    origin: Origin = NOWHERE
    examples: tuple[str, ...] = ()   # what residents say, for the nearest-example fallback (候補)
    weak: tuple[str, ...] = ()       # keywords that count only with support from the same concern
    more_examples: tuple[str, ...] = ()   # rules/examples/: for the fallback (候補) only, never backing a weak word


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    keywords: tuple[str, ...] = ()
    first: tuple[str, ...] = ()     # emergency line ids this answer puts before all others (「今まさに」: 110・119)


@dataclass(frozen=True)
class Question:
    id: str
    prompt: str
    options: tuple[Option, ...]
    concerns: tuple[str, ...]
    origin: Origin = NOWHERE

    def option(self, value: str) -> Option | None:
        return next((o for o in self.options if o.value == value), None)


@dataclass(frozen=True)
class Citation:
    """The operator's public page a national line was checked against, and when and how."""

    operator: str
    url: str
    verified: dt.date
    how: str = ""


@dataclass(frozen=True)
class EmergencyLine:
    id: str
    name: str
    phone: str
    note: str
    when: Condition | None
    origin: Origin = NOWHERE
    source: Source = Source(national=True)
    group: str | None = None        # police, ambulance, child, dv, crisis, sexual, consultation
    hours: str | None = None        # as published, with the date it was read
    free: bool | None = None        # the call costs nothing (None: not stated)
    citation: Citation | None = None


# ---- danger cues (rules/danger.yaml) ----------------------------------------------


@dataclass(frozen=True)
class DangerKind:
    """One kind of danger, the national lines it puts first, and the words that show it.
    `cues` fire on their own; `now_cues` only with a word for "now" near them; `alone_cues`
    only when no other kind fired. A cue `A+B` needs every part in one sentence; `@name`
    stands for any word of the group `name` in DangerRules.words."""

    id: str
    label: str
    lines: tuple[str, ...]
    cues: tuple[str, ...] = ()
    now_cues: tuple[str, ...] = ()
    alone_cues: tuple[str, ...] = ()
    origin: Origin = NOWHERE
    history: bool = False           # past time words do not cancel it (性暴力 years ago still counts)
    now_only: bool = False          # recent words cancel it too (昨日首を絞められた: DV, not 110)
    examples: tuple[str, ...] = ()  # utterances of this kind: the nearest one shows danger no cue saw
    yields: tuple[str, ...] = ()    # recent, over: after the other kinds found when told so (もう出て行った)
    answer: str | None = None       # the danger question's answer it suggests (None: the file's answer)
    urgent: tuple[str, ...] = ()    # its order of an answer's `first` lines (死にたい: 119 before 110)
    needs: tuple[str, ...] = ()     # word groups one of which the text names, for the words' weighing to show it
    not_by: tuple[str, ...] = ()    # word groups naming another who harms (息子に): named without any of needs, no cue counts


@dataclass(frozen=True)
class DangerRules:
    question: str | None = None            # the question asked whenever a cue fires
    answer: str | None = None              # its value pre-selected then
    now: tuple[str, ...] = ()              # 今, さっき, 今夜 …
    past: tuple[str, ...] = ()             # 昔, 以前 … (the nearest time word decides)
    recent: tuple[str, ...] = ()           # 昨日, したことがある …: cancel only now_only kinds' cues
    ended: tuple[str, ...] = ()            # もう終わったこと, 今は落ち着いて after a cue told as past: even a history kind's
    again: tuple[str, ...] = ()            # 同じ気持ちが戻ってきて after a cue told as past: it counts again
    negation: tuple[str, ...] = ()         # after a cue (a few kana later): the cue is denied
    harmless: tuple[str, ...] = ()         # words a cue or time word inside them does not count in
    fiction: tuple[str, ...] = ()          # a sentence about a film, the news …: no cue in it counts
    real: tuple[str, ...] = ()             # …unless it says it is no story (冗談じゃなくて, 本気で)
    over: tuple[str, ...] = ()             # the one who harms has gone, the person is safe now (避難中)
    reported: tuple[str, ...] = ()         # the words are someone's, reported (『…』と書いてありました, と発言)
    habitual: tuple[str, ...] = ()         # it happens again and again, or was said or sent (毎晩, と言われ, メール)
    background: tuple[str, ...] = ()       # ordinary consultations (the other concerns' examples): words weighed against them
    ordinary: tuple[str, ...] = ()         # utterances that are no danger: nearer than any example, none raised
    sentences: tuple[tuple[str, tuple[str, ...]], ...] = ()   # (kind id, sentences of it): the letters' weighing learns from them
    plain_sentences: tuple[str, ...] = ()  # sentences that are no danger, for the same
    sentence_files: tuple[str, ...] = ()   # where they stand: not read when the shipped letters' counts were made from them
    sentences_digest: str = ""             # of those files as read (danger_letters.files_digest)
    words: tuple[tuple[str, tuple[str, ...]], ...] = ()   # (@name, its words)
    kinds: tuple[DangerKind, ...] = ()     # in the order their lines come first

    def kind(self, kind_id: str) -> DangerKind | None:
        return next((k for k in self.kinds if k.id == kind_id), None)

    def __hash__(self) -> int:
        """Hashed once: the caches of compiled cues and weights look the rules up on every
        keystroke, and a tuple of thousands of sentences does not keep its hash."""
        found = self.__dict__.get("_hash")
        if found is None:
            found = hash(tuple(getattr(self, f.name) for f in fields(self)))
            object.__setattr__(self, "_hash", found)
        return found


# ---- per municipality ------------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    """One opening time as a plan states it (navigator/hours.py computes open now / next open)."""

    weekdays: tuple[int, ...]       # 0 = 月 … 6 = 日
    opens: dt.time
    closes: dt.time
    weeks: tuple[int, ...] = ()     # which of the month's weekdays (1 = 第1); empty = every week
    note: str | None = None         # 日時備考

    def on(self, day: dt.date) -> bool:
        if day.weekday() not in self.weekdays:
            return False
        return not self.weeks or (day.day - 1) // 7 + 1 in self.weeks


@dataclass(frozen=True)
class Contact:
    id: str
    municipality: str
    window: str
    organization: str
    source: Source
    department: str | None = None
    phone: str | None = None
    address: str | None = None
    hours: str | None = None
    notes: str | None = None
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    last_verified: dt.date | None = None
    verified_by: str | None = None      # who checked it last (a department or role, not a person's name)
    availability: tuple[Slot, ...] = ()  # only where the plan states the times
    origin: Origin = NOWHERE


@dataclass(frozen=True)
class Rule:
    id: str
    municipality: str
    concern: str
    refer: tuple[str, ...]
    priority: int
    program: str
    reason: str
    source: Source
    when: Condition | None = None
    origin: Origin = NOWHERE
    last_verified: dt.date | None = None   # checked against the current plan on this day
    verified_by: str | None = None


@dataclass(frozen=True)
class Municipality:
    id: str
    name: str
    prefecture: str
    plan: str
    seed: str
    fallback: str
    general_window: str | None = None
    origin: Origin = NOWHERE


@dataclass(frozen=True)
class Common:
    """What every municipality shares: concerns, questions, emergency lines."""

    concerns: tuple[Concern, ...]
    questions: tuple[Question, ...]
    emergency: tuple[EmergencyLine, ...]
    danger: DangerRules = DangerRules()

    def concern(self, concern_id: str) -> Concern | None:
        return next((c for c in self.concerns if c.id == concern_id), None)

    def label(self, concern_id: str) -> str:
        """A concern's label, or its id when it is not in common.yaml."""
        concern = self.concern(concern_id)
        return concern.label if concern else concern_id

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def line(self, line_id: str) -> EmergencyLine | None:
        return next((e for e in self.emergency if e.id == line_id), None)


@dataclass(frozen=True)
class Plan:
    """One municipality with its rules and contacts."""

    municipality: Municipality
    rules: tuple[Rule, ...]
    contacts: Mapping[str, Contact] = field(default_factory=dict)
    version: str = ""  # digest of the bytes parsed (its files and common.yaml): the slip's 「ルールの版」


@dataclass(frozen=True)
class RuleSet:
    common: Common
    plans: Mapping[str, Plan]

    def plan(self, municipality_id: str) -> Plan | None:
        return self.plans.get(municipality_id)


# ---- a consultation ------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """One member of the household the consultation is about, with their own concerns and
    answers: the mother's 高齢者 must not send the daughter's 就労 to シルバー人材センター."""

    id: str
    relation: str = ""                 # 母, 兄, 本人 … as staff or the text name them
    concerns: tuple[str, ...] = ()
    answers: Mapping[str, str] = field(default_factory=dict)
    client: bool = False               # 来談者: the one who came to the desk
    age: int | None = None
    inferred: bool = False             # found in the resident's words (相談内容から推定), not entered
