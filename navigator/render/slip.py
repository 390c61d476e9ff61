"""The referral slip (つなぎシート) as desks hand people on: 来談者 and 本人, the main concern ◎,
where to go with phone, hours and the date each window was last checked, 次にすること, and
consent to share (two variants; the resident's words only with consent); a 民生委員 variant
with what neighbours can do. One structure, three renderings (text, Markdown, an A4 HTML page
to print), so they always say the same; the words of each referral come from present.py.
Written only on request, owner-readable (slip_file.py)."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from ..community import absent, gather
from ..engine import Referral, Result
from ..model import RuleSet
from ..names import UNKNOWN
from ..present import (ADVICE_HEADING, danger_answer_text, lines_heading, person_label, phone_text, referral_view,
                       stated)
from ..review import verified_text
from ..text import markdown_literal, printable

DESK, MINSEI = "desk", "minsei"
CONSENT_YES = "情報共有に同意あり"
CONSENT_NO = "情報共有に同意なし"
# The plans give few phone numbers and the slip never guesses one: on paper, a blank to write in
# the number found (the city's site, the switchboard), so the sheet can still be acted on.
WRITE_IN = "（調べた番号: ＿＿＿＿＿＿＿＿）"
BRING = "持ち物: 計画には記載がありません。電話のときに窓口に確かめてください。"


@dataclass(frozen=True)
class SlipRequest:
    consent: bool = False
    include_text: bool = False       # the resident's words: only with consent
    variant: str = DESK              # desk | minsei
    free_text: str = ""
    subject: str = ""                # 本人 as staff named it (guided path), when no household


@dataclass(frozen=True)
class Section:
    heading: str
    lines: tuple[str, ...]
    items: bool = True               # a bulleted list, or plain paragraphs


# ---- what the slip says -------------------------------------------------------------------------


def sections(ruleset: RuleSet, result: Result, request: SlipRequest, version: str,
             now: dt.datetime | None = None, community=None) -> tuple[str, list[Section]]:
    """(title, sections) of the slip; `community`: {concern: [CommunityItem]} for the 民生委員 variant."""
    now = now or dt.datetime.now()
    title = "つなぎシート（相談窓口のご案内）" + ("　民生委員用" if request.variant == MINSEI else "")
    head = [f"作成日時: {now:%Y-%m-%d %H:%M}",
            f"市町村: {result.municipality.name}（{result.municipality.plan}）",
            f"来談者: {_client(result)}",
            f"本人: {_subject(result, request)}",
            f"情報共有: {CONSENT_YES if request.consent else CONSENT_NO}"
            + ("" if request.consent else "（本人が分かることは書いていません。関係機関へは本人から連絡します）"),
            f"ルールの版: {version}"]
    found = [Section("基本情報", tuple(head)), Section("相談の種類（◎ いちばん困っていること　○ そのほか）",
                                                     tuple(_concerns(ruleset, result)))]
    if request.consent and request.include_text and request.free_text.strip():
        found.append(Section("相談内容（本人の言葉）", (request.free_text.strip(),), items=False))
    if result.emergency:
        said = danger_answer_text(ruleset, result)   # why 110 or the crisis line is on top
        found.append(Section("緊急のときの連絡先（全国共通）" if lines_heading(result) != ADVICE_HEADING
                             else ADVICE_HEADING,
                             ((said,) if said else ())
                             + tuple(f"{e.phone} {e.name}" + (f"（{e.hours}）" if e.hours else "")
                                     + (f": {e.note}" if e.note else "") for e in result.emergency)))
    found.append(Section("相談先（上から順に）", tuple(line for r in result.referrals
                                                    for line in _referral(ruleset, result, r, now.date())), items=False))
    found.append(Section("次にすること", tuple(_next_steps(ruleset, result, request))))
    if request.variant == MINSEI:
        found.append(Section("地域でできること（計画の言葉）", tuple(_community(ruleset, result, community or {}))))
        found.append(Section("民生委員の記入欄", (
            "記入日: 　　年　　月　　日　　民生委員（氏名・担当地区）: ",
            "つないだ方法: □ 電話で伝えた　□ 同行した　□ 本人に伝えた（このシートを渡した）",
            "緊急度: □ 高い（今日中）　□ 中（今週中）　□ 低い",
            "守秘義務: 本人の同意なく、第三者に内容を伝えません。")))
    return title, found


def _client(result: Result) -> str:
    client = next((p for p in result.persons if p.client), None)
    if client is None:
        return "記入なし（窓口で記入）"
    return person_label(result, client.id) + ("（相談内容から推定）" if client.inferred else "")


def _subject(result: Result, request: SlipRequest) -> str:
    others = [p for p in result.persons if p.concerns and not p.client]
    if others:
        return "、".join(person_label(result, p.id) for p in others)
    if request.subject:
        return request.subject
    return "来談者と同じ（本人からの相談）" if any(p.client for p in result.persons) else "記入なし（窓口で記入）"


def _concerns(ruleset: RuleSet, result: Result) -> list[str]:
    label = ruleset.common.concern
    main = result.main or (result.concerns[0] if result.concerns else None)
    marks = [("◎" if c == main else "○") + label(c).label for c in result.concerns if label(c)]
    lines = ["　".join(marks)]
    for p in result.persons:
        if p.concerns:
            lines.append(f"{person_label(result, p.id)}: " + "・".join(label(c).label for c in p.concerns if label(c)))
    return lines


def _referral(ruleset: RuleSet, result: Result, r: Referral, today: dt.date) -> list[str]:
    v = referral_view(ruleset, result, r)
    lines = [v.title,
             f"担当課: {v.department}　組織: {v.organization}",
             f"電話: {v.phone}{WRITE_IN if v.phone == UNKNOWN else ''}　受付時間: {stated(v.hours)}",
             f"住所: {stated(v.address)}",
             f"理由: {v.program}: {v.reason}"]
    if v.others:
        lines.append(f"ほかに: {v.others}")
    if v.fallback_note:
        lines.append(v.fallback_note)
    lines.append(f"出典: {v.source}")
    lines.append(f"最終確認日: {verified_text(r.contact.last_verified, today)}")
    return lines


def _next_steps(ruleset: RuleSet, result: Result, request: SlipRequest) -> list[str]:
    steps = []
    if result.emergency:
        first = result.emergency[0]
        steps.append(f"危険が迫ったら、ためらわず {first.phone}（{first.name}）へ。")
    if result.referrals:
        r = result.referrals[0]
        phone = phone_text(r)
        if request.consent:
            who = "民生委員" if request.variant == MINSEI else "窓口の担当者"
            steps.append(f"{who}が {r.contact.window}（電話: {phone}）に連絡し、同意いただいた内容を伝えてつなぎます。")
        else:
            steps.append(f"本人（またはご家族）から {r.contact.window}（電話: {phone}）へ連絡してください。"
                         "このシートを見せれば、ここまでの話を繰り返さずに済みます。")
    for r in result.referrals[1:3]:
        topic = "・".join(ruleset.common.label(c) for c in r.concerns if ruleset.common.concern(c)) or "相談"
        steps.append(f"{topic}のことは {r.contact.window}（電話: {phone_text(r)}）にも相談できます。")
    steps.append(BRING)
    return steps


def _community(ruleset: RuleSet, result: Result, community) -> list[str]:
    label = ruleset.common.concern
    found, missing = gather(community, result.concerns)
    lines = [f"{label(concern).label}: 「{item.quote}」（{item.section}）" for concern, item in found]
    if found and missing:
        lines.append(f"{'・'.join(label(c).label for c in missing)}: 計画に記載なし")
    return lines or [absent(community)]


# ---- renderings ---------------------------------------------------------------------------------


def render(ruleset: RuleSet, result: Result, *, markdown: bool, consent: bool, version: str,
           free_text: str | None = None, today: dt.date | None = None, request: SlipRequest | None = None,
           now: dt.datetime | None = None, community=None) -> str:
    """The slip as text or Markdown. The resident's own words appear only with consent."""
    request = request or SlipRequest(consent=consent, include_text=bool(free_text), free_text=free_text or "")
    if now is None and today is not None:
        now = dt.datetime.combine(today, dt.time())
    title, found = sections(ruleset, result, request, version, now, community)
    h1, h2, item = ("# ", "## ", "- ") if markdown else ("", "■ ", "・")
    inert = markdown_literal if markdown else str   # rule text and the resident's words stay text
    lines = [f"{h1}{inert(title)}", ""]
    for s in found:
        lines += [f"{h2}{inert(s.heading)}", ""]
        lines += [f"{item}{inert(line)}" if s.items else _indent(line, markdown, inert) for line in s.lines]
        lines.append("")
    return printable_lines(lines)


def _indent(line: str, markdown: bool, inert=str) -> str:
    """Referral blocks: the numbered line as is, the details under it."""
    if line[:1].isdigit() and ". " in line[:5]:
        number, rest = line.split(". ", 1)
        return f"{number}. {inert(rest)}"
    return ("   - " if markdown else "   ") + inert(line)


def printable_lines(lines: list[str]) -> str:
    return "\n".join(printable(line) for line in lines) + "\n"


FONTS = ('"Hiragino Kaku Gothic ProN", "Hiragino Sans", "Yu Gothic", "YuGothic", "Meiryo", '
         '"Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "IPAGothic", "TakaoGothic", sans-serif')
CSS = """
@page { size: A4; margin: 12mm 14mm; }
* { box-sizing: border-box; }
body { font-family: %s; font-size: 9.5pt; line-height: 1.45; color: #000; margin: 0;
       overflow-wrap: anywhere; line-break: strict; }
h1 { font-size: 14pt; margin: 0 0 2mm; border-bottom: 2px solid #000; }
h2 { font-size: 10.5pt; margin: 3mm 0 1mm; padding: 0.5mm 2mm; background: #eee; border-left: 4px solid #333; }
ul { margin: 0; padding-left: 5mm; }
p { margin: 0; }
.referral { margin: 0 0 1.5mm; padding: 1mm 2mm; border: 1px solid #999; break-inside: avoid; }
.referral .name { font-weight: bold; font-size: 10.5pt; }
.print { position: fixed; top: 4mm; right: 4mm; font-size: 12pt; padding: 2mm 5mm; }
@media print { .print { display: none; } }
""" % FONTS


def render_html(ruleset: RuleSet, result: Result, request: SlipRequest, version: str,
                now: dt.datetime | None = None, community=None) -> str:
    """An A4 page for the browser to print with the system's Japanese fonts; nothing loaded
    from elsewhere, no script but the print button."""
    title, found = sections(ruleset, result, request, version, now, community)
    e = lambda text: html.escape(printable(text), quote=True)  # noqa: E731
    body = [f"<button class=\"print\" onclick=\"window.print()\">印刷する</button>", f"<h1>{e(title)}</h1>"]
    for s in found:
        body.append(f"<h2>{e(s.heading)}</h2>")
        if s.heading.startswith("相談先"):
            body += _referral_blocks(s.lines, e)
        elif s.items:
            body.append("<ul>" + "".join(f"<li>{e(line)}</li>" for line in s.lines) + "</ul>")
        else:
            body += [f"<p>{e(line)}</p>" for line in s.lines]
    return ("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
            "script-src 'unsafe-inline'\">\n"
            f"<title>{e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n" + "\n".join(body)
            + "\n</body>\n</html>\n")


def _referral_blocks(lines, e) -> list[str]:
    blocks, current = [], []
    for line in lines:
        if line[:1].isdigit() and ". " in line[:5] and current:
            blocks.append(current)
            current = []
        current.append(line)
    if current:
        blocks.append(current)
    return [f"<div class=\"referral\"><div class=\"name\">{e(b[0])}</div>"
            + "".join(f"<div>{e(line)}</div>" for line in b[1:]) + "</div>" for b in blocks]
