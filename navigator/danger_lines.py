"""Which national lines the detected danger puts first, in which order, and why each is shown.

The danger question has two yeses: 「今まさに」 (an option with `first:`, 110・119) puts those lines
before everything, in the order the first kind found gives (119 first for けが・急病・自殺); the
other はい keeps the kinds' own order (死にたい: the crisis lines, then 110・119)."""

from __future__ import annotations

from typing import Mapping

from .danger_found import Danger
from .model import AllOf, AnswerIs, AnyOf, Common, ConcernIs, DangerRules, EmergencyLine, Not, Option
from .text import quoted


def lines_for(common: Common, danger: Danger) -> tuple[EmergencyLine, ...]:
    """The national lines the detected kinds put first, in the kinds' order."""
    found = []
    for kind_id in danger.kinds:
        kind = common.danger.kind(kind_id)
        found += [common.line(line_id) for line_id in (kind.lines if kind else ())]
    return tuple(dict.fromkeys(line for line in found if line))


def first_lines(common: Common, danger: Danger, answers: Mapping[str, str]) -> tuple[EmergencyLine, ...]:
    """The lines an answer puts before all others (「今まさに」: 110・119), in the order of the
    first kind found that orders them (its `urgent`, else its `lines`), else the option's own."""
    found: list[str] = []
    for option in _answered(common, answers):
        order = list(option.first)
        for kind_id in danger.kinds:
            kind = common.danger.kind(kind_id)
            own = [i for i in (kind.urgent or kind.lines) if i in order] if kind else []
            if own:
                order = own + [i for i in order if i not in own]
                break
        found += order
    return tuple(dict.fromkeys(line for line in map(common.line, found) if line))


def _answered(common: Common, answers: Mapping[str, str]) -> list[Option]:
    """The options given whose answer puts lines first."""
    given = [q.option(answers[q.id]) for q in common.questions if q.id in answers]
    return [o for o in given if o and o.first]


def why_line(common: Common, danger: Danger, line: EmergencyLine, answers: Mapping[str, str] | None = None) -> str:
    """Why one emergency line is shown: the danger the resident's words showed, else the answer
    that puts it first, else its condition."""
    for kind_id in danger.kinds:
        kind = common.danger.kind(kind_id)
        if kind and line.id in kind.lines:
            words = quoted(danger.cues_of(kind_id))
            return f"相談内容の{words}から「{kind.label}」と推定したため"
    for option in _answered(common, answers or {}):
        if line.id in option.first:
            return f"回答「{option.label}」のため"
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
    """The danger question's answer the words suggest (staff confirm or change it): the first
    kind found, whose lines come first, decides: its own answer (今まさに暴力 → the first はい),
    else the file's (a strangling told as yesterday yields to DV: the second はい)."""
    if not (danger.detected and rules.question):
        return {}
    first = rules.kind(danger.kinds[0])
    answer = first.answer if first and first.answer else rules.answer
    return {rules.question: answer} if answer else {}
