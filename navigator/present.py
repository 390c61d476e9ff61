"""One view of a result: every phrase a person reads about a referral or an emergency line.

The route text, the slip and the TUI card lay a referral out each their own way (a line of
text, a printed block, a card), but the words come from here: 記載なし (written once), the
phone with the organisation's number, the fallback note, whose concern it is, the source
line, address, hours, notes and the date the window was checked. Only model types are
imported at the top, so the file readers may use UNKNOWN without importing the engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import EmergencyLine, Option, RuleSet, Source
from .text import quoted

if TYPE_CHECKING:
    from .engine import Referral, Result

UNKNOWN = "記載なし"

NATIONAL_SOURCE = "全国共通の番号"
URGENT_HEADING = "緊急のときは、まずこちらへ（全国共通の番号）"
ADVICE_HEADING = "全国共通の相談窓口"


def stated(value: str | None) -> str:
    """The plan's value, or 記載なし where it gives none (never a guess)."""
    return value or UNKNOWN


def phone_text(r: Referral) -> str:
    """The window's phone, or 記載なし with the organisation's number where the plan gives one."""
    if r.contact.phone:
        return r.contact.phone
    via = r.organization_contact
    if via:
        return f"{UNKNOWN}（{via.organization} {via.window}" + (f" {via.department}" if via.department else "") + f"：{via.phone}）"
    return UNKNOWN


def fallback_note(ruleset: RuleSet, r: Referral) -> str | None:
    """Which concerns reach this window only because the plan names nothing specific for them."""
    from .engine import FALLBACK

    concerns = [g.concern for g in r.grounds if g.kind == FALLBACK and g.concern]
    if not concerns:
        return None
    return f"※ {concern_labels(ruleset, concerns)}について、計画には具体的な窓口の記載がありません（計画が示す最も一般的な窓口です）"


def concern_labels(ruleset: RuleSet, ids) -> str:
    return "・".join(ruleset.common.label(c) for c in ids)


def person_label(result: Result, person_id: str | None) -> str:
    """母（80歳）, 本人 … for a Person id; "" when the concern is tied to no one."""
    p = result.person(person_id)
    if p is None:
        return ""
    return p.relation + (f"（{p.age}歳）" if p.age else "")


def whose(result: Result, r: Referral) -> str:
    """母・本人: whose concerns bring this referral, in a household ("" otherwise)."""
    return "・".join(person_label(result, p) for p in r.persons)


def household_lines(ruleset: RuleSet, result: Result) -> list[str]:
    """One line per person: who, and their concerns; empty for a one-person case."""
    return [f"{person_label(result, p.id)}{'（来談者）' if p.client else ''}: "
            + concern_labels(ruleset, [c for c in p.concerns if ruleset.common.concern(c)])
            + ("（相談内容から推定）" if p.inferred else "")
            for p in result.persons if p.concerns]


def source_line(plan_title: str, source: Source) -> str:
    """The plan by its title, for the person holding the slip, and the file, for staff to check."""
    if source.national:
        return NATIONAL_SOURCE
    if not (source.file or source.section):
        return f"出典{UNKNOWN}"
    return f"{plan_title} {source.section}（{source.file}）"


# ---- emergency lines ------------------------------------------------------------------


def line_text(e: EmergencyLine) -> str:
    """One national line on one line: number, name, hours (the compact emergency block)."""
    return "　".join(p for p in (e.phone, e.name, e.hours) if p)


def danger_text(ruleset: RuleSet, result: Result) -> str | None:
    """Which danger the words showed and by which words (「包丁を持」「暴れ」→ 今まさに暴力…)."""
    if not result.danger.detected:
        return None
    kinds = "・".join(k.label for k in (ruleset.common.danger.kind(i) for i in result.danger.kinds) if k)
    words = quoted(result.danger.matched)
    return f"相談内容から推定: {kinds}（手がかり: {words}）"


def danger_answer(ruleset: RuleSet, result: Result) -> Option | None:
    """The danger question's answer (今まさに / 続いている / いいえ), as staff gave it or the words
    suggested; None when it was not asked or left unanswered."""
    qid = ruleset.common.danger.question
    question = ruleset.common.question(qid) if qid else None
    value = result.all_answers().get(qid) if question else None
    return question.option(value) if question and value else None


def danger_answer_text(ruleset: RuleSet, result: Result) -> str | None:
    """The danger question's answer as one phrase (今、身の危険: はい：今まさに…), or None."""
    option = danger_answer(ruleset, result)
    return f"今、身の危険: {option.label}" if option else None


def lines_heading(result: Result) -> str:
    """Only consultation lines (188, 法テラス) and no danger: say so, instead of calling them urgent."""
    urgent = result.danger.detected or any(e.group != "consultation" for e in result.emergency)
    return URGENT_HEADING if urgent else ADVICE_HEADING


# ---- one referral ---------------------------------------------------------------------


@dataclass(frozen=True)
class ReferralView:
    """A referral as people read it. Text fields are ready to show; address, hours, notes and
    verified are None where the plan gives none (a card leaves them out, the slip says 記載なし)."""

    rank: int
    window: str
    whose: str                  # 母・本人, "" when not tied to anyone
    concerns: str               # the concerns' labels, "" for the general window
    department: str             # or 記載なし
    organization: str
    phone: str                  # phone_text
    address: str | None
    hours: str | None
    program: str
    reason: str
    others: str                 # other programmes (ほかに), "" when none
    fallback_note: str | None
    notes: str | None
    source: str                 # source_line
    verified: str | None        # the date the window was last checked

    @property
    def title(self) -> str:
        return f"{self.rank}. {self.window}" + (f"（{self.whose}のこと）" if self.whose else "")


def referral_view(ruleset: RuleSet, result: Result, r: Referral) -> ReferralView:
    c = r.contact
    return ReferralView(
        rank=r.rank, window=c.window, whose=whose(result, r), concerns=concern_labels(ruleset, r.concerns),
        department=stated(c.department), organization=c.organization, phone=phone_text(r),
        address=c.address, hours=c.hours, program=r.main.program, reason=r.main.reason,
        others="、".join(r.other_programs), fallback_note=fallback_note(ruleset, r), notes=c.notes,
        source=source_line(result.municipality.plan, r.main.source),
        verified=c.last_verified.isoformat() if c.last_verified else None)


def result_changes(old: Result, new: Result) -> list[str]:
    """What a rule edit changed in a result on screen, in words staff can check at a glance."""
    before = {r.contact.id: r for r in old.referrals}
    after = {r.contact.id: r for r in new.referrals}
    lines = []
    for r in new.referrals:
        was = before.get(r.contact.id)
        if was is None:
            lines.append(f"追加: {r.rank}. {r.contact.window}")
            continue
        for name, a, b in (("窓口", was.contact.window, r.contact.window),
                           ("担当課", stated(was.contact.department), stated(r.contact.department)),
                           ("電話", phone_text(was), phone_text(r))):
            if a != b:
                lines.append(f"{r.rank}. {r.contact.window}: {name} {a} → {b}")
        if was.rank != r.rank:
            lines.append(f"{r.contact.window}: {was.rank} 番目 → {r.rank} 番目")
    lines += [f"なくなった: {r.contact.window}" for cid, r in before.items() if cid not in after]
    if [e.id for e in old.emergency] != [e.id for e in new.emergency]:
        lines.append("緊急連絡先: " + ("・".join(e.phone for e in new.emergency) or "なし"))
    return lines
