"""`navigator route --format json`: the stable contract documented in README.md."""

from __future__ import annotations

from ..engine import Referral, Result
from ..explain import emergency_why, referral_why
from ..intake import Intake
from ..model import EmergencyLine, RuleSet, Source
from ..present import danger_answer
from ..search import ignored_json, match_json


def as_json(ruleset: RuleSet, result: Result, intake: Intake | None = None) -> dict:
    scores = {m.concern: m for m in (intake.matches if intake else ())}
    return {
        "municipality": result.municipality.id,
        "concerns": [
            {"id": cid, "label": ruleset.common.label(cid),
             "score": scores[cid].score if cid in scores else None,
             "candidate": scores[cid].candidate if cid in scores else False,
             "matched": match_json(scores[cid]) if cid in scores else []}
            for cid in result.concerns
        ],
        "ignored": [ignored_json(i) for i in (intake.ignored if intake else ())],
        "answers": dict(result.answers),
        "danger": {"detected": result.danger.detected, "kinds": list(result.danger.kinds),
                   "matched": list(result.danger.matched), "answer": _value(danger_answer(ruleset, result))},
        "emergency": [_line(ruleset, result, e) for e in result.emergency],
        "referrals": [_referral(ruleset, r) for r in result.referrals],
        "persons": [_person(p) for p in result.persons],
        "main": result.main,
    }


def _value(option) -> str | None:
    return option.value if option else None


def _person(p) -> dict:
    return {"id": p.id, "relation": p.relation, "client": p.client, "age": p.age,
            "concerns": list(p.concerns), "answers": dict(p.answers), "inferred": p.inferred}


def _line(ruleset: RuleSet, result: Result, e: EmergencyLine) -> dict:
    c = e.citation
    return {"id": e.id, "name": e.name, "phone": e.phone, "note": e.note, "kind": e.group,
            "hours": e.hours, "free": e.free, "source": "national",
            "citation": {"operator": c.operator, "url": c.url, "verified": c.verified.isoformat(),
                         "how": c.how} if c else None,
            "why": emergency_why(ruleset.common, result.danger, e, result.all_answers())}


def _source(source: Source) -> dict | str:
    if source.national:
        return "national"
    return {"file": source.file, "section": source.section, "quote": source.quote}


def _referral(ruleset: RuleSet, r: Referral) -> dict:
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
        "source": _source(r.main.source),
        "why": referral_why(ruleset, r),
    }
