"""`navigator route` and `navigator list` as plain text."""

from __future__ import annotations

from ..engine import Result
from ..intake import Intake
from ..model import RuleSet
from ..present import (URGENT_HEADING, danger_answer_text, danger_text, household_lines, line_text, lines_heading,
                       referral_view, stated)
from ..search import Understanding, explain_understanding
from ..text import printable


def as_text(ruleset: RuleSet, result: Result, intake: Intake | None = None) -> str:
    label = ruleset.common.label
    lines = [f"{result.municipality.name}（{result.municipality.plan}）",
             "相談内容: " + ("、".join(label(c) for c in result.concerns) or "（種類は未確定）")]
    if intake and (intake.matches or intake.ignored):
        understood = Understanding(intake.matches, intake.ignored)
        lines += [f"  {line}" for line in explain_understanding(understood, label)]
    household = household_lines(ruleset, result)
    if household:
        lines += ["世帯:"] + [f"   {line}" for line in household]
    if result.emergency:
        heading = lines_heading(result)
        lines += ["", ("!! " if heading == URGENT_HEADING else "") + heading]
        lines += [f"   {said}" for said in (danger_text(ruleset, result), danger_answer_text(ruleset, result)) if said]
        lines += [f"   {line_text(e)}" for e in result.emergency]
    lines.append("")
    for r in result.referrals:
        v = referral_view(ruleset, result, r)
        lines.append(v.title)
        lines.append(f"   担当課: {v.department}   組織: {v.organization}   電話: {v.phone}")
        lines.append(f"   受付時間: {stated(v.hours)}   住所: {stated(v.address)}")
        lines.append(f"   理由: {v.program} — {v.reason}")
        if v.others:
            lines.append(f"   ほかに: {v.others}")
        if v.fallback_note:
            lines.append(f"   {v.fallback_note}")
        if v.notes:
            lines.append(f"   備考: {v.notes}")
        lines.append(f"   出典: {v.source}")
    return printable("\n".join(lines))


def listing(ruleset: RuleSet) -> str:
    lines = ["municipalities:"]
    lines += [f"  {p.municipality.id:<12} {p.municipality.name}（{p.municipality.prefecture}） "
              f"{len(p.rules)} rules, {len(p.contacts)} contacts" for p in ruleset.plans.values()]
    lines.append("concerns:")
    lines += [f"  {c.id:<15} {c.label}" for c in ruleset.common.concerns]
    lines.append("questions (--answer QUESTION=VALUE):")
    for q in ruleset.common.questions:
        lines.append(f"  {q.id}: {q.prompt}")
        lines += [f"      {o.value:<14} {o.label}" for o in q.options]
    return printable("\n".join(lines))
