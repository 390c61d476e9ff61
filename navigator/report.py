"""Results and rule sets as plain text and JSON, for the CLI and exports."""

from __future__ import annotations

from .engine import FALLBACK, Case, Referral, Result, route
from .intake import Intake
from .explain import emergency_why, referral_why
from .search import Understanding, explain_understanding, ignored_json, match_json
from .model import EmergencyLine, RuleSet, Source
from .text import printable

UNKNOWN = "記載なし"


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
    concerns = [g.concern for g in r.grounds if g.kind == FALLBACK and g.concern]
    if not concerns:
        return None
    labels = "・".join(ruleset.common.concern(c).label for c in concerns)
    return f"※ {labels}について、計画には具体的な窓口の記載がありません（計画が示す最も一般的な窓口です）"


def _source_json(source: Source) -> dict | str:
    if source.national:
        return "national"
    return {"file": source.file, "section": source.section, "quote": source.quote}


def as_json(ruleset: RuleSet, result: Result, intake: Intake | None = None) -> dict:
    """The stable JSON contract documented in README.md."""
    scores = {m.concern: m for m in (intake.matches if intake else ())}
    return {
        "municipality": result.municipality.id,
        "concerns": [
            {"id": cid, "label": ruleset.common.concern(cid).label,
             "score": scores[cid].score if cid in scores else None,
             "candidate": scores[cid].candidate if cid in scores else False,
             "matched": match_json(scores[cid]) if cid in scores else []}
            for cid in result.concerns
        ],
        "ignored": [ignored_json(i) for i in (intake.ignored if intake else ())],
        "answers": dict(result.answers),
        "danger": {"detected": result.danger.detected, "kinds": list(result.danger.kinds),
                   "matched": list(result.danger.matched)},
        "emergency": [_line_json(ruleset, result, e) for e in result.emergency],
        "referrals": [_referral_json(ruleset, r) for r in result.referrals],
        "persons": [_person_json(p) for p in result.persons],
        "main": result.main,
    }


def _person_json(p) -> dict:
    return {"id": p.id, "relation": p.relation, "client": p.client, "age": p.age,
            "concerns": list(p.concerns), "answers": dict(p.answers), "inferred": p.inferred}


def person_label(result: Result, person_id: str | None) -> str:
    """母（80歳）, 本人 … for a Person id; "" when the concern is tied to no one."""
    p = result.person(person_id)
    if p is None:
        return ""
    return p.relation + (f"（{p.age}歳）" if p.age else "")


def household_lines(ruleset: RuleSet, result: Result) -> list[str]:
    """One line per person: who, and their concerns; empty for a one-person case."""
    label = ruleset.common.concern
    return [f"{person_label(result, p.id)}{'（来談者）' if p.client else ''}: "
            + "・".join(label(c).label for c in p.concerns if label(c))
            + ("（相談内容から推定）" if p.inferred else "")
            for p in result.persons if p.concerns]


def _line_json(ruleset: RuleSet, result: Result, e: EmergencyLine) -> dict:
    c = e.citation
    return {"id": e.id, "name": e.name, "phone": e.phone, "note": e.note, "kind": e.group,
            "hours": e.hours, "free": e.free, "source": "national",
            "citation": {"operator": c.operator, "url": c.url, "verified": c.verified.isoformat(),
                         "how": c.how} if c else None,
            "why": emergency_why(ruleset.common, result.danger, e)}


def line_text(e: EmergencyLine) -> str:
    """One national line on one line: number, name, hours (the compact emergency block)."""
    return "　".join(p for p in (e.phone, e.name, e.hours) if p)


def danger_text(ruleset: RuleSet, result: Result) -> str | None:
    """Which danger the words showed and by which words (「包丁を持」「暴れ」→ 今まさに暴力…)."""
    if not result.danger.detected:
        return None
    kinds = "・".join(k.label for k in (ruleset.common.danger.kind(i) for i in result.danger.kinds) if k)
    words = "".join(f"「{w}」" for w in result.danger.matched)
    return f"相談内容から推定: {kinds}（手がかり: {words}）"


def _referral_json(ruleset: RuleSet, r: Referral) -> dict:
    c = r.contact
    return {
        "rank": r.rank,
        "contact": c.id,
        "window": c.window,
        "department": c.department,
        "organization": c.organization,
        "phone": c.phone,
        "organization_phone": ({"phone": r.organization_contact.phone, "contact": r.organization_contact.id}
                               if r.organization_contact else None),
        "address": c.address,
        "notes": c.notes,
        "program": r.main.program,
        "reason": r.main.reason,
        "concerns": list(r.concerns),
        "persons": list(r.persons),
        "fallback": r.fallback,
        "source": _source_json(r.main.source),
        "why": referral_why(ruleset, r),
    }


URGENT_HEADING = "緊急のときは、まずこちらへ（全国共通の番号）"
ADVICE_HEADING = "全国共通の相談窓口"


def lines_heading(result: Result) -> str:
    """Only consultation lines (188, 法テラス) and no danger: say so, instead of calling them urgent."""
    urgent = result.danger.detected or any(e.group != "consultation" for e in result.emergency)
    return URGENT_HEADING if urgent else ADVICE_HEADING


def as_text(ruleset: RuleSet, result: Result, intake: Intake | None = None) -> str:
    lines = [f"{result.municipality.name}（{result.municipality.plan}）",
             "相談内容: " + ("、".join(ruleset.common.concern(c).label for c in result.concerns) or "（種類は未確定）")]
    if intake and (intake.matches or intake.ignored):
        understood = Understanding(intake.matches, intake.ignored)
        lines += [f"  {line}" for line in explain_understanding(understood, lambda c: ruleset.common.concern(c).label)]
    household = household_lines(ruleset, result)
    if household:
        lines += ["世帯:"] + [f"   {line}" for line in household]
    if result.emergency:
        lines.append("")
        lines.append(("!! " if lines_heading(result) == URGENT_HEADING else "") + lines_heading(result))
        if danger_text(ruleset, result):
            lines.append(f"   {danger_text(ruleset, result)}")
        lines += [f"   {line_text(e)}" for e in result.emergency]
    lines.append("")
    for r in result.referrals:
        c = r.contact
        whose = "・".join(person_label(result, p) for p in r.persons)
        lines.append(f"{r.rank}. {c.window}" + (f"（{whose}のこと）" if whose else ""))
        lines.append(f"   担当課: {c.department or UNKNOWN}   組織: {c.organization}   電話: {phone_text(r)}")
        lines.append(f"   理由: {r.main.program} — {r.main.reason}")
        if r.other_programs:
            lines.append(f"   ほかに: {'、'.join(r.other_programs)}")
        if fallback_note(ruleset, r):
            lines.append(f"   {fallback_note(ruleset, r)}")
        if c.notes:
            lines.append(f"   備考: {c.notes}")
        lines.append(f"   出典: {r.main.source.describe()}")
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


def coverage_rows(ruleset: RuleSet) -> list[tuple[str, str, Referral]]:
    """(municipality, concern, first referral) for every pair, with no answers given."""
    rows = []
    for mid in ruleset.plans:
        for concern in ruleset.common.concerns:
            result = route(ruleset, Case(mid, (concern.id,)))
            rows.append((mid, concern.id, result.referrals[0]))
    return rows


def coverage(ruleset: RuleSet) -> str:
    """The coverage table as text (navigator/coverage.py)."""
    from .coverage import as_text

    return as_text(ruleset)


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
                           ("担当課", was.contact.department or UNKNOWN, r.contact.department or UNKNOWN),
                           ("電話", phone_text(was), phone_text(r))):
            if a != b:
                lines.append(f"{r.rank}. {r.contact.window}: {name} {a} → {b}")
        if was.rank != r.rank:
            lines.append(f"{r.contact.window}: {was.rank} 番目 → {r.rank} 番目")
    lines += [f"なくなった: {r.contact.window}" for cid, r in before.items() if cid not in after]
    if [e.id for e in old.emergency] != [e.id for e in new.emergency]:
        lines.append("緊急連絡先: " + ("・".join(e.phone for e in new.emergency) or "なし"))
    return lines
