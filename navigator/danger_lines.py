"""Which national lines the detected danger puts first, in which order, and why each is shown."""

from __future__ import annotations

from .danger import Danger
from .model import AllOf, AnswerIs, AnyOf, Common, ConcernIs, DangerRules, EmergencyLine, Not


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
