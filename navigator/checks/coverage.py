"""Coverage: for each municipality × concern, does the city's plan name a window (plan), does
it send the resident to the most general window only (fallback), or is the plan silent but a
national line answers it (national)? Printed by `navigator coverage`; docs/coverage.md is this
table in Markdown (a test regenerates it and fails when it drifts)."""

from __future__ import annotations

from dataclasses import dataclass

from ..engine import FALLBACK, Case, Referral, route
from ..model import EmergencyLine, RuleSet
from ..text import printable

PLAN, FALLBACK_KIND, NATIONAL = "plan", "fallback", "national"
MARK = {PLAN: "計画", FALLBACK_KIND: "記載なし", NATIONAL: "記載なし＋全国"}
LEGEND = {PLAN: "計画が窓口・事業を示している（そのルールの窓口が最初）",
          FALLBACK_KIND: "計画に記載がない（計画が示す最も一般的な窓口へ）",
          NATIONAL: "計画に記載がない（最も一般的な窓口へ）が、全国共通の番号が答える"}


@dataclass(frozen=True)
class Cell:
    municipality: str
    concern: str
    kind: str
    first: Referral
    national: tuple[EmergencyLine, ...]


def cells(ruleset: RuleSet) -> list[Cell]:
    """Every municipality × concern, routed with no answers (what staff see before asking)."""
    found = []
    for mid in ruleset.plans:
        for concern in ruleset.common.concerns:
            result = route(ruleset, Case(mid, (concern.id,)))
            first = result.referrals[0]
            kind = PLAN if first.main.kind != FALLBACK else (NATIONAL if result.emergency else FALLBACK_KIND)
            found.append(Cell(mid, concern.id, kind, first, result.emergency))
    return found


def as_text(ruleset: RuleSet) -> str:
    lines = [f"{'municipality':<12} {'concern':<15} {'route':<9} first referral"]
    for cell in cells(ruleset):
        c = cell.first.contact
        dept = f"（{c.department}）" if c.department else ""
        lines.append(f"{cell.municipality:<12} {cell.concern:<15} {cell.kind:<9} {c.window}{dept}")
    return printable("\n".join(lines))


def as_markdown(ruleset: RuleSet) -> str:
    """The table staff read: concerns down, municipalities across; then each city's first windows."""
    all_cells = cells(ruleset)
    at = {(c.municipality, c.concern): c for c in all_cells}
    plans = list(ruleset.plans.values())
    out = ["# 相談の種類 × 市町村: 計画に窓口があるか",
           "",
           "`navigator coverage --format markdown` が作る表です（手で直さないでください。"
           "ルールを直したら作り直します。テストが食い違いを見つけます）。",
           "相談の種類だけを選び、質問に答える前の案内の 1 番目で判定しています。",
           ""]
    out += [f"- **{MARK[k]}**（{k}）: {LEGEND[k]}" for k in (PLAN, FALLBACK_KIND, NATIONAL)]
    out += ["", "| 相談の種類 | " + " | ".join(p.municipality.name for p in plans) + " |",
            "|---|" + "---|" * len(plans)]
    for concern in ruleset.common.concerns:
        marks = [MARK[at[(p.municipality.id, concern.id)].kind] for p in plans]
        out.append(f"| {concern.label}（{concern.id}） | " + " | ".join(marks) + " |")
    totals = [sum(at[(p.municipality.id, c.id)].kind == PLAN for c in ruleset.common.concerns) for p in plans]
    out.append("| 計画に窓口がある相談の数 | " + " | ".join(f"{t} / {len(ruleset.common.concerns)}" for t in totals) + " |")
    for p in plans:
        out += ["", f"## {p.municipality.name}（{p.municipality.plan}）", "",
                "| 相談の種類 | 判定 | 1 番目の窓口 | 担当課 | 全国共通の番号 |", "|---|---|---|---|---|"]
        for concern in ruleset.common.concerns:
            cell = at[(p.municipality.id, concern.id)]
            c = cell.first.contact
            lines = "、".join(f"{e.name} {e.phone}" for e in cell.national) or "—"
            out.append(f"| {concern.label} | {MARK[cell.kind]} | {_cell(c.window)} | {_cell(c.department or '記載なし')} | {lines} |")
    return printable("\n".join(out)) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "｜")
