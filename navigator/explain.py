"""Why: the plain-Japanese reasons behind a result, for staff (the TUI's 理由の詳細, route's `why`).

One module for every explanation: each referral's trace of rules and answers, and each
emergency line's own reason, from the danger the words showed or else its own `when`
(#8008 is shown for `concern: dv`, not for danger). The engine routes; it writes no prose.
"""

from __future__ import annotations

from .danger_found import Danger
from .danger_lines import why_line
from .engine import FALLBACK, GENERAL, DANGER_REASON, Referral, Result
from .model import Common, EmergencyLine, RuleSet


def referral_why(ruleset: RuleSet, referral: Referral) -> list[str]:
    """The trace of one referral: which answers and rules led to it."""
    common = ruleset.common
    lines = []
    for g in referral.grounds:
        label = common.concern(g.concern).label if g.concern and common.concern(g.concern) else None
        if g.kind == GENERAL and g.reason == DANGER_REASON:
            lines.append("危険の手がかりがあり相談の種類が見つからないため、計画が示す最も一般的な窓口を表示")
        elif g.kind == GENERAL:
            lines.append("相談が複数ある、またはどこに相談すればよいかわからないため、総合相談窓口を最初に表示")
        elif g.kind == FALLBACK:
            lines.append(f"「{label}」: 計画に具体的な記載がないため、最も一般的な窓口（{referral.contact.id}）へ")
        else:
            given = "、".join(answer_text(common, q, v) for q, v in g.answers)
            lines.append(f"「{label}」→ ルール {g.rule.id}（{g.rule.origin}）"
                         + (f"　回答: {given}" if given else ""))
    return lines


def emergency_why(common: Common, danger: Danger, line: EmergencyLine, answers=None) -> str:
    """Why one emergency line is shown: the danger kind whose words fired, else the answer that
    puts it first (「今まさに」), else its own `when` in words (the danger module reads the kinds;
    the sentence is the same everywhere). `answers`: Result.all_answers()."""
    return why_line(common, danger, line, answers)


def result_why(ruleset: RuleSet, result: Result, understood: list[str] = ()) -> list[str]:
    """Everything the why dialog says, line by line: what the words showed (`understood`, from
    search.explain_understanding), the answers, each emergency line's reason, each referral's trace."""
    common = ruleset.common
    lines = ["理由の詳細（Escで閉じる）", ""]
    if understood:
        lines += ["相談内容から見つかったこと:"] + [f"  {line}" for line in understood] + [""]
    given = [f"{q.prompt} → {q.option(v).label}" for q in common.questions
             if (v := result.answers.get(q.id)) and q.option(v)]
    lines += ["回答:"] + [f"  {g}" for g in given] if given else ["回答: なし"]
    if result.emergency:  # each line its own reason, not one sentence for all
        lines += ["", "緊急連絡先を表示した理由:"]
        answers = result.all_answers()
        lines += [f"  {e.phone} {e.name}: {emergency_why(common, result.danger, e, answers)}" for e in result.emergency]
    for r in result.referrals:
        lines += ["", f"{r.rank}. {r.contact.window}"]
        lines += [f"   {line}" for line in referral_why(ruleset, r)]
    return lines


def answer_text(common: Common, qid: str, value: str) -> str:
    """「生活保護を受けていますか」→ はい: the question in its words, not its id (capacity=…)."""
    q = common.question(qid)
    option = q.option(value) if q else None
    asked = q.prompt.split("（")[0] if q else qid
    return f"「{asked}」→ {option.label if option else value}"
