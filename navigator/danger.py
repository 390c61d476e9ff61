"""Danger in the resident's own words, found before and regardless of concerns (rules/danger.yaml).

A text is cut into sentences and normalised as concern matching does (navigator.search.normalize).
A cue counts unless it stands inside a harmless word (今の職場, 自殺予防), is denied or
exaggerated a few kana after it (死にたいとかではない, 殺されるかと思うくらい), or the nearest
time word before it is one of the past (昔は殴られていた). A `now_cue` counts only when that
nearest time word says now (今, さっき, 今夜). Runs on every keystroke: a few hundred str.find.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .model import AllOf, AnswerIs, AnyOf, Common, ConcernIs, DangerRules, EmergencyLine, Not
from .analysis import normalize

MAX_GAP = 4            # kana between a cue and its denial: 殴|られて|はいない, 死にたい||とかではない
_SENTENCE = re.compile(r"[。．！!？?\n]+")
_CLAUSE = re.compile(r"[、，,]+")
_BOUNDARY = "\x00"    # kept between clauses: a denial never reaches back over 、
NOW, PAST = "now", "past"


@dataclass(frozen=True)
class Hit:
    kind: str
    cue: str          # as written in rules/danger.yaml


@dataclass(frozen=True)
class Danger:
    kinds: tuple[str, ...] = ()    # in rules/danger.yaml's order: whose lines come first
    hits: tuple[Hit, ...] = ()

    @property
    def detected(self) -> bool:
        return bool(self.kinds)

    @property
    def matched(self) -> tuple[str, ...]:
        """The cues that fired, once each, as written in the rules."""
        return tuple(dict.fromkeys(h.cue for h in self.hits))

    def cues_of(self, kind: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(h.cue for h in self.hits if h.kind == kind))


NO_DANGER = Danger()


# ---- compiled once per rule set ---------------------------------------------------


@dataclass(frozen=True)
class _Cue:
    written: str
    parts: tuple[tuple[tuple[str, str], ...], ...]   # each part: (normalised, as written) alternatives
    mode: str                                         # "cue", "now" or "alone"


class _Compiled:
    def __init__(self, rules: DangerRules):
        groups = {name: _forms(words) for name, words in rules.words}
        self.now = _norm_all(rules.now)
        self.past = _norm_all(rules.past)
        self.harmless = _norm_all(rules.harmless)
        negators = sorted(_norm_all(rules.negation), key=len, reverse=True)
        self.denied = (re.compile(f"[ぁ-ゖー]{{0,{MAX_GAP}}}?(?:{'|'.join(map(re.escape, negators))})")
                       if negators else None)
        self.kinds = []
        for kind in rules.kinds:
            cues = [_cue(c, mode, groups) for mode, written in
                    (("cue", kind.cues), ("now", kind.now_cues), ("alone", kind.alone_cues)) for c in written]
            self.kinds.append((kind.id, [c for c in cues if c]))


def _norm_all(words) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n for n in (normalize(w) for w in words) if n))


def _forms(words) -> tuple[tuple[str, str], ...]:
    return tuple(dict.fromkeys((normalize(w), w) for w in words if normalize(w)))


def _cue(written: str, mode: str, groups: dict[str, tuple[tuple[str, str], ...]]) -> _Cue | None:
    parts = []
    for part in written.split("+"):
        part = part.strip()
        alternatives = groups.get(part[1:], ()) if part.startswith("@") else _forms([part])
        if not alternatives:
            return None
        parts.append(alternatives)
    return _Cue(written, tuple(parts), mode)


@lru_cache(maxsize=8)
def _compiled(rules: DangerRules) -> _Compiled:
    return _Compiled(rules)


# ---- detection ----------------------------------------------------------------------


def detect(rules: DangerRules, text: str) -> Danger:
    """The kinds of danger the text shows, and the cues that showed them."""
    if not rules.kinds or not text.strip():
        return NO_DANGER
    compiled = _compiled(rules)
    sentences = [_Sentence(compiled, _BOUNDARY.join(normalize(c) for c in _CLAUSE.split(t)))
                 for t in _SENTENCE.split(text)]
    sentences = [s for s in sentences if s.text.strip(_BOUNDARY)]
    for i, sentence in enumerate(sentences):
        sentence.before = sentences[i - 1] if i else None
        sentence.after = sentences[i + 1] if i + 1 < len(sentences) else None
    hits: list[Hit] = []
    alone: list[Hit] = []
    for kind, cues in compiled.kinds:
        for cue in cues:
            shown = next((w for w in (s.fires(cue) for s in sentences) if w), None)
            if shown:
                (alone if cue.mode == "alone" else hits).append(Hit(kind, shown))
    if not hits:
        hits = alone  # 助けて alone still means danger; beside a clearer cue it adds nothing
    hits = [h for h in dict.fromkeys(hits)  # 首をつか says nothing once 首をつかまれ is shown
            if not any(o.kind == h.kind and o.cue != h.cue and h.cue in o.cue for o in hits)]
    kinds = tuple(k for k, _ in compiled.kinds if any(h.kind == k for h in hits))
    return Danger(kinds, tuple(hits))


class _Sentence:
    before: "_Sentence | None" = None
    after: "_Sentence | None" = None

    def __init__(self, compiled: _Compiled, text: str):
        self.compiled, self.text = compiled, text
        self.masks = [span for w in compiled.harmless for span in _spans(text, w)]
        self.times = sorted([(s, NOW) for w in compiled.now for s, _ in self._spans(w)]
                            + [(s, PAST) for w in compiled.past for s, _ in self._spans(w)])

    def _spans(self, word: str) -> list[tuple[int, int]]:
        """Where the word stands, outside any harmless word that covers it."""
        return [(s, e) for s, e in _spans(self.text, word)
                if not any(ms <= s and e <= me for ms, me in self.masks)]

    def fires(self, cue: _Cue) -> str | None:
        """The cue as the resident's words matched it (夫+暴れ for @partner+暴れ), or None."""
        found = []
        for part in cue.parts:
            present = [(written, span) for norm, written in part for span in self._spans(norm)]
            if not present:
                return None
            found.append(present)
        for written, (start, end) in found[-1]:
            if self._denied(end):
                continue
            when = self._time(start)
            if when == PAST or (cue.mode == "now" and when != NOW):
                continue
            return "+".join([*(present[0][0] for present in found[:-1]), written])
        return None

    def _denied(self, end: int) -> bool:
        return bool(self.compiled.denied and self.compiled.denied.match(self.text, end))

    def _time(self, position: int) -> str | None:
        """The nearest time word before the cue; else the first after it; else the last one of
        the sentence before (今すぐ来て。夫が暴れてる), else the first of the next (…。今すぐ助けて)."""
        earlier = [kind for start, kind in self.times if start <= position]
        if earlier:
            return earlier[-1]
        if self.times:
            return self.times[0][1]
        if self.before and self.before.times:
            return self.before.times[-1][1]
        if self.after and self.after.times:
            return self.after.times[0][1]
        return None


def bounded(text: str, start: int, end: int) -> bool:
    """text[start:end] does not run on into ASCII letters when it begins or ends with one
    (DV is not in DVD, OD not in good)."""
    def joined(edge: str, index: int) -> bool:
        return (edge.isascii() and edge.isalpha() and 0 <= index < len(text)
                and text[index].isascii() and text[index].isalpha())
    return start < end and not (joined(text[start], start - 1) or joined(text[end - 1], end))


def _spans(text: str, word: str) -> list[tuple[int, int]]:
    """Every occurrence of word in text (DV is not in DVD)."""
    found, start = [], text.find(word)
    while start >= 0:
        if bounded(text, start, start + len(word)):
            found.append((start, start + len(word)))
        start = text.find(word, start + 1)
    return found


# ---- which lines, in which order, and why ---------------------------------------------


def lines_for(common: Common, danger: Danger) -> tuple[EmergencyLine, ...]:
    """The national lines the detected kinds put first, in the kinds' order."""
    found = []
    for kind_id in danger.kinds:
        kind = common.danger.kind(kind_id)
        found += [common.line(line_id) for line_id in (kind.lines if kind else ())]
    return tuple(dict.fromkeys(line for line in found if line))


def why_line(common: Common, danger: Danger, line: EmergencyLine) -> str:
    """Why one emergency line is shown: the danger the resident's words showed, else its condition."""
    for kind_id in danger.kinds:
        kind = common.danger.kind(kind_id)
        if kind and line.id in kind.lines:
            words = "".join(f"「{c}」" for c in danger.cues_of(kind_id))
            return f"相談内容の{words}から「{kind.label}」と推定したため"
    return f"{describe_condition(common, line.when)}のため" if line.when else "常に表示"


def describe_condition(common: Common, cond) -> str:
    """A line's `when` in plain Japanese (相談の種類「虐待」かつ 回答「子ども（18歳未満）」)."""
    match cond:
        case ConcernIs(ids):
            return "相談の種類「" + "・".join(_label(common, c) for c in ids) + "」"
        case AnswerIs(pairs):
            return "かつ ".join("回答「" + "・".join(_option(common, q, v) for v in values) + "」"
                               for q, values in pairs)
        case AllOf(items):
            return "かつ ".join(describe_condition(common, i) for i in items)
        case AnyOf(items):
            return "または ".join(describe_condition(common, i) for i in items)
        case Not(item):
            return f"（{describe_condition(common, item)}）ではない"
    return ""


def _label(common: Common, concern_id: str) -> str:
    concern = common.concern(concern_id)
    return concern.label if concern else concern_id


def _option(common: Common, question_id: str, value: str) -> str:
    question = common.question(question_id)
    option = question.option(value) if question else None
    return option.label if option else value


def inferred_answer(rules: DangerRules, danger: Danger) -> dict[str, str]:
    """The danger question's answer the words suggest (staff confirm or change it)."""
    if danger.detected and rules.question and rules.answer:
        return {rules.question: rules.answer}
    return {}
