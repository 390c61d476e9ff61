"""What the matcher found in a resident's words, and how it is explained to staff.

A `Match` is one concern with the `Hit`s that made it (the resident's words, where, and how they
matched); an `Ignored` is a keyword found but not counted, with the reason. The explaining
functions turn both into the plain-Japanese lines of the TUI, `route` text and JSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .analysis import Analysis
from .polarity import DENIED, FINE, PAST

AS_WRITTEN, INFLECTED, SPELLING, READING, NEAR, EXAMPLE = "そのまま", "活用", "表記", "読み", "近い綴り", "例文"
PARTICLE = "助詞違い"   # 仕事もない for 仕事がない
SLIP = "変換違い"       # 認知賞 for 認知症: the same reading, another kanji (an IME slip)
WEAK = "単独では弱い"
NOT_VICTIM = "子ども・高齢者・障害のある人の被害ではないため、DVとして扱う"
CALLER = "相談者の名乗り（保育園です 等）"
STRANGER = "知らない人からの被害なので、犯罪被害として扱う"
AT_WORK = "職場のことなので、ハラスメントとして扱う"
ASIDE = "前置き（相談の中心は後の話）"
BESIDE = "介護・障害のことと一緒に話した、介護する人自身の負担"
SCHOOL_DAY = "家族の世話・家事と一緒に話した、子どもの学校生活（宿題・授業・放課後など）"
PLAIN_JAPANESE = "日本語を学んでいる人の話し方（どこ？・払うできない・日本語すこし など）"
OTHER_LANGUAGE = "日本語ではない言葉で書かれている（英語・ベトナム語・ポルトガル語 など）"
ASKED_WHERE = "相談先を尋ねる言葉（相談したいことはほかの種類で分かっている）"
YOUNG_CARER = "子どもが家族の世話をしている話なので、ヤングケアラーとして扱う"
ELDER_OUT = "高齢の人が外に出なくなったこと（ひきこもりではなく、孤立や心身の衰え）"
_HOW_ORDER = {AS_WRITTEN: 0, INFLECTED: 1, SPELLING: 1, PARTICLE: 2, READING: 2, SLIP: 3, NEAR: 3, BESIDE: 3}


@dataclass(frozen=True)
class Hit:
    """One keyword found: the resident's words, where, and how they matched."""

    concern: str
    keyword: str                       # as written in the rules (夫+殴 for parts apart)
    how: str                           # そのまま | 活用 | 表記 | 読み | 近い綴り | 例文
    spans: tuple[tuple[int, int], ...]  # positions of the resident's words in the text
    words: tuple[str, ...]
    score: float = 100.0


@dataclass(frozen=True)
class Ignored:
    """A keyword found but not counted, and why (否定 / 過去 / 単独では弱い / …)."""

    concern: str
    keyword: str
    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    why: str


@dataclass(frozen=True)
class Match:
    concern: str
    score: int
    matched: tuple[str, ...]   # the keywords (as written in the rules) that matched
    hits: tuple[Hit, ...] = ()
    candidate: bool = False    # proposed by the nearest example only: shown as 候補, staff confirm


@dataclass(frozen=True)
class Understanding:
    matches: tuple[Match, ...]
    ignored: tuple[Ignored, ...]
    analysis: Analysis | None = None



# ---- explaining ---------------------------------------------------------------------------



def _quoted(words: Iterable[str]) -> str:
    return "・".join(f"「{w}」" for w in words)


def explain_match(m: Match) -> str:
    """「家賃が払えず」← 家賃+払（そのまま）、… or, for a candidate, the nearest example."""
    if m.candidate and m.hits and m.hits[0].how == EXAMPLE:
        h = m.hits[0]
        shared = f"（共通: {'、'.join(h.words[:4])}）" if h.words else ""
        return f"例文「{h.keyword}」に近い{shared}"
    return "、".join(f"{_quoted(h.words)}← {h.keyword}（{h.how}）" for h in m.hits)


def explain_ignored(i: Ignored) -> str:
    why = {DENIED: "否定されているため数えない", PAST: "過去のこととして数えない",
           FINE: "問題ないと言っているため数えない（ついでに触れただけ）",
           WEAK: "単独では弱いため、ほかの語がないと数えない"}.get(i.why, i.why)
    return f"{_quoted(i.words)}（{i.keyword}）: {why}"


def explain_understanding(understanding: Understanding, label) -> list[str]:
    """Plain-Japanese lines: each concern found with the resident's words and how they matched,
    then each word ignored and why. `label(concern id) -> str`."""
    lines = []
    for m in understanding.matches:
        mark = "（候補・要確認）" if m.candidate else ""
        lines.append(f"{label(m.concern)}{mark}: {explain_match(m)}")
    seen = set()
    for i in understanding.ignored:
        key = (i.concern, i.words, i.why)
        if key not in seen:
            seen.add(key)
            lines.append(f"× {label(i.concern)}: {explain_ignored(i)}")
    return lines


def match_json(m: Match) -> list[dict]:
    return [{"keyword": h.keyword, "how": h.how, "words": list(h.words),
             "spans": [list(s) for s in h.spans]} for h in m.hits]


def ignored_json(i: Ignored) -> dict:
    return {"concern": i.concern, "keyword": i.keyword, "words": list(i.words),
            "spans": [list(s) for s in i.spans], "why": i.why}

