"""The result at a glance: one line per referral (rank, 窓口, 担当課, 電話, 相談), and the
selected referral's details beside it. Every text from a rule file goes through `printable`
and Content (never markup)."""

from __future__ import annotations

import datetime as dt

from rich.cells import cell_len
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ... import hours
from ...community import absent, gather
from ...engine import Referral, Result
from ...model import RuleSet
from ...present import UNKNOWN, fallback_note, phone_text
from ...review import verified_text
from ...text import printable
from ..kinsoku import NO_LINE_START

PHONE = 13   # 048-463-1111 and 記載なし both fit
RANK = 3
WIDE = 96    # cells from which a row has 担当課 and stays on one line (120 columns: 114)
ROW_LINES = 2   # narrower, 窓口 and 相談 wrap to this many lines, so long names are read whole


def fit(text: str, width: int) -> str:
    """Cut to `width` terminal cells (Japanese is two cells a character) with …, then pad."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        out, used = "", 0
        for ch in text:
            w = cell_len(ch)
            if used + w > width - 1:
                break
            out, used = out + ch, used + w
        text = out + "…"
    return text + " " * (width - cell_len(text))


def columns(width: int) -> tuple[int, int, int]:
    """Cells for 窓口, 担当課 and 相談 in a row `width` cells wide (rank and phone are fixed);
    narrower than WIDE, no 担当課 (it is the details' first line) and two lines a row."""
    if width < WIDE:
        rest = max(width - RANK - PHONE - 2, 18)
        window = rest * 11 // 20
        return window, 0, rest - window
    rest = max(width - RANK - PHONE - 3, 18)
    window = rest * 9 // 20
    department = rest * 5 // 20
    return window, department, rest - window - department


def folded(text: str, width: int, lines: int = ROW_LINES) -> list[str]:
    """`text` in at most `lines` lines of `width` cells, each padded; the last cut with … .
    No line starts with 、。）」 and the like: the character before goes down with it."""
    out, line, used = [], "", 0
    for ch in text:
        w = cell_len(ch)
        if used + w > width and line:
            carry = line[-1] if ch in NO_LINE_START and len(line) > 1 else ""
            out.append(line[:len(line) - len(carry)])
            line, used = carry, cell_len(carry)
        line, used = line + ch, used + w
    out.append(line)
    if len(out) > lines:
        out = out[:lines - 1] + [fit("".join(out[lines - 1:]), width)]
    return [fit(part, width) for part in out]


def concern_labels(ruleset: RuleSet, ids) -> str:
    label = ruleset.common.concern
    return "・".join(label(c).label if label(c) else c for c in ids)


def header_line(width: int) -> str:
    w, d, c = columns(width)
    department = f"{fit('担当課', d)} " if d else ""
    return f"{fit('#', RANK)}{fit('窓口', w)} {department}{fit('電話', PHONE)} {fit('相談', c)}"


def whose(result: Result, r: Referral) -> str:
    """（母・本人）: whose concerns bring this referral, in a household."""
    from ...present import person_label

    names = [person_label(result, p) for p in r.persons]
    return f"（{'・'.join(names)}）" if names else ""


def row(ruleset: RuleSet, r: Referral, width: int, result: Result | None = None) -> str:
    w, d, c = columns(width)
    concerns = (concern_labels(ruleset, r.concerns) or "総合") + (whose(result, r) if result else "")
    phone = r.contact.phone or (UNKNOWN + "＊" if r.organization_contact else UNKNOWN)
    if not d:   # narrow: 窓口 and 相談 over two lines
        window, concern = folded(printable(r.contact.window), w), folded(printable(concerns), c)
        height = max(len(window), len(concern))
        cells = zip(window + [fit("", w)] * (height - len(window)), concern + [fit("", c)] * (height - len(concern)))
        return "\n".join(f"{fit(str(r.rank) if i == 0 else '', RANK)}{left} {fit(phone if i == 0 else '', PHONE)} "
                         f"{right}".rstrip() for i, (left, right) in enumerate(cells))
    return printable(f"{fit(str(r.rank), RANK)}{fit(r.contact.window, w)} {fit(r.contact.department or UNKNOWN, d)} "
                     f"{fit(phone, PHONE)} {fit(concerns, c)}").rstrip()


class ReferralList(OptionList):
    """Up and down (or a click) choose the referral whose details show beside the list."""

    def show(self, ruleset: RuleSet, result: Result, width: int) -> None:
        keep = self.highlighted or 0
        self.clear_options()
        self.add_options([Option(Content(row(ruleset, r, width, result)), id=str(r.rank)) for r in result.referrals])
        if result.referrals:
            self.highlighted = min(keep, len(result.referrals) - 1)


def detail(ruleset: RuleSet, result: Result, r: Referral, now: dt.datetime | None = None) -> Content:
    """Everything about one referral; no ASCII spaces, so Japanese wraps by character. `now`
    (the local clock by default) decides 受付中 / 次の受付 and whether the check is overdue."""
    c = r.contact
    now = now or dt.datetime.now()
    parts: list = [(f"{r.rank}．{printable(c.window)}\n", "bold")]
    parts.append(f"担当課：{printable(c.department or UNKNOWN)}　組織：{printable(c.organization)}\n")
    parts.append((f"電話：{printable(phone_text(r))}\n", "bold"))
    if c.address:
        parts.append(f"住所：{printable(c.address)}\n")
    if c.hours:
        parts.append(f"受付：{printable(c.hours)}\n")
    opening = hours.status(c.availability, now)   # only where the plan states the times
    if opening:
        parts.append((f"{printable(opening)}\n", "bold"))
    if r.concerns:
        parts.append(f"相談：{printable(concern_labels(ruleset, r.concerns) + whose(result, r))}\n")
    parts.append(f"理由：{printable(r.main.program)}。{printable(r.main.reason)}\n")
    if r.other_programs:
        parts.append(f"ほかに：{printable('、'.join(r.other_programs))}\n")
    note = fallback_note(ruleset, r)
    if note:
        parts.append((f"{printable(note)}\n", "italic"))
    if c.notes:
        parts.append(f"備考：{printable(c.notes)}\n")
    if c.last_verified:
        parts.append(f"最終確認日：{verified_text(c.last_verified, now.date())}\n")
    source = r.main.source
    section = (source.section or "").replace(" > ", "＞")
    where = "全国共通" if source.national else f"{result.municipality.plan}　{section}".replace(" ", "　")
    parts.append((f"出典：{printable(where)}", "dim"))
    return Content.assemble(*parts)


class ReferralDetail(Static):
    """The selected referral in full."""


def community_text(ruleset: RuleSet, concerns, community) -> Content:
    """What neighbours and 民生委員 can do for this referral's concerns, in the plan's words."""
    def name(concern: str) -> str:
        return label(concern).label if label(concern) else concern

    label = ruleset.common.concern
    lines = ["地域でできること（計画の言葉・C で閉じる）"]
    found, missing = gather(community, concerns)
    for concern, item in found:
        lines.append(f"・{name(concern)}：「{item.quote}」")
        lines.append(f"　出典：{item.section.replace(' > ', '＞')}")
    if not found:
        lines.append(absent(community))
    elif missing:  # say which concerns the plan is silent on, rather than leave them out unseen
        lines.append(f"・{'・'.join(map(name, missing))}：計画に記載なし")
    return Content(printable("\n".join(lines)))
