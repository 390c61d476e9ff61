"""Who is spoken of, and how old: 「50歳の兄」「80代の母」「おばあちゃん」「中学生の子」.

`people(text)` lists each person mentioned with the relation, the age group when the text
gives one, the clause they stand in and (given what the matcher found) the concerns found in
that clause, so that an answer about one person (the mother is elderly) is not taken for
another's concern (the daughter's 就労). Everything here is a guess from the text and is shown
as 「相談内容から推定」 for staff to confirm or change.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .analysis import _CLAUSE_CHARS, _spans_by_chars

INFERRED = "相談内容から推定"
CHILD, YOUNG, MIDDLE, ELDER = "child", "young", "middle", "elder"   # under 18, 18-39, 40-64, 65+

# Relation words, longest first, with the age group they imply by themselves (if any)
_RELATIONS: dict[str, str | None] = {
    "おばあちゃん": ELDER, "おじいちゃん": ELDER, "おばあさん": ELDER, "おじいさん": ELDER, "ばあちゃん": ELDER,
    "じいちゃん": ELDER, "祖母": ELDER, "祖父": ELDER, "お年寄り": ELDER, "高齢者": ELDER, "高齢の親": ELDER,
    "年老いた親": ELDER, "お母さん": None, "お父さん": None, "母親": None, "父親": None, "義母": None,
    "義父": None, "義理の母": None, "義理の父": None, "姑": None, "舅": None, "両親": None, "親": None,
    "母": None, "父": None, "兄": None, "姉": None, "弟": None, "妹": None, "長男": None, "長女": None,
    "次男": None, "次女": None, "息子": None, "娘": None, "子ども": None, "子供": None, "こども": None,
    "孫": CHILD, "赤ちゃん": CHILD, "乳児": CHILD, "幼児": CHILD, "園児": CHILD, "夫": None, "妻": None,
    "主人": None, "旦那": None, "嫁": None, "彼氏": None, "パートナー": None, "私": None, "わたし": None,
    "本人": None, "自分": None, "女性": None, "男性": None, "男の子": CHILD, "女の子": CHILD, "子": None,
}
_RELATION = re.compile("|".join(sorted(map(re.escape, _RELATIONS), key=len, reverse=True)))
_KANJI_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_AGE = re.compile(r"(?P<n>\d{1,3})\s*(?P<unit>歳|才|代)|(?P<k>[二三四五六七八九])十(?P<kunit>代|歳|才)")
_SCHOOL = re.compile(r"小学生|小学\d年|小学校|中学生|中学\d年|中学校|中\d|高校生|高校\d年|幼稚園|保育園児|未成年|"
                     r"小\d|大学生|専門学校生")
# A bare number said of someone: 「母が80になって」「私ももう78で」
_BARE = re.compile(r"(?<![\d.])(?P<n>[1-9]\d)(?=\s*(?:に|で|を過ぎ|を超え|近い|すぎ|過ぎ|、|。|$))")


@dataclass(frozen=True)
class Person:
    relation: str                      # 母, 兄, 息子, 本人 … ("" when only an age is said: 80代女性 → 女性)
    words: str                         # the resident's words: 「50歳の兄」
    span: tuple[int, int]              # positions in the text
    age: int | None                    # years, or the decade's start (80代 → 80)
    group: str | None                  # child | young | middle | elder
    clause: tuple[int, int]            # the clause the person stands in
    concerns: tuple[str, ...] = ()     # concerns found in that clause
    source: str = INFERRED


def group_of(age: int) -> str:
    return CHILD if age < 18 else YOUNG if age < 40 else MIDDLE if age < 65 else ELDER


def who_value(group: str | None) -> str | None:
    """The `who` question's value for an age group (adult for 18-64)."""
    return {CHILD: "child", ELDER: "elder", YOUNG: "adult", MIDDLE: "adult"}.get(group or "")


def people(text: str, hits=()) -> list[Person]:
    """Persons mentioned, in text order. `hits`: objects with `.concern` and `.spans` (search.Hit)
    to name the concerns found in each person's clause."""
    folded = unicodedata.normalize("NFKC", text)   # same length for the characters used here
    if len(folded) != len(text):
        folded = text
    clauses = _spans_by_chars(text, _CLAUSE_CHARS - {" ", "　"})
    ages = _ages(folded)
    found: list[Person] = []
    used_ages: set[int] = set()
    for m in _RELATION.finditer(folded):
        clause = _clause(clauses, m.start())
        age = _nearest_age(ages, m, clause, used_ages)
        start, end = m.start(), m.end()
        years, group = None, _RELATIONS[m.group()]
        if age is not None:
            used_ages.add(age[0])
            start, end = min(start, age[0]), max(end, age[1])
            years, group = age[2], age[3]
        found.append(Person(m.group(), text[start:end], (start, end), years, group, clause))
    for i, (s, e, years, group) in enumerate(ages):
        if s not in used_ages:
            found.append(Person("", text[s:e], (s, e), years, group, _clause(clauses, s)))
    found = _without_overlaps(found)
    return [_with_concerns(p, hits) for p in sorted(found, key=lambda p: p.span)]


def _ages(text: str) -> list[tuple[int, int, int | None, str]]:
    ages = []
    for m in _AGE.finditer(text):
        n = int(m.group("n")) if m.group("n") else _KANJI_DIGITS[m.group("k")] * 10
        if n <= 120:
            ages.append((m.start(), m.end(), n, group_of(n)))
    for m in _SCHOOL.finditer(text):
        group = YOUNG if m.group().startswith(("大学", "専門")) else CHILD
        ages.append((m.start(), m.end(), None, group))
    taken = {i for s, e, _, _ in ages for i in range(s, e)}
    for m in _BARE.finditer(text):
        if m.start() not in taken:
            n = int(m.group("n"))
            ages.append((m.start(), m.end(), n, group_of(n)))
    return sorted(ages)


def _nearest_age(ages, m: re.Match, clause: tuple[int, int], used: set[int]):
    """An age right before the relation (50歳の兄, 80代女性, 中学生の子) or shortly after it
    (兄（50歳）, 母が80になって)."""
    best = None
    for age in ages:
        s, e = age[0], age[1]
        if s in used or not (clause[0] <= s < clause[1]):
            continue
        gap = m.start() - e if e <= m.start() else s - m.end()
        if gap < 0 or gap > (2 if e <= m.start() else 6):
            continue
        if best is None or gap < best[0]:
            best = (gap, age)
    return best[1] if best else None


def _clause(clauses, pos: int) -> tuple[int, int]:
    return next((c for c in clauses if c[0] <= pos < c[1]), clauses[-1])


def _without_overlaps(found: list[Person]) -> list[Person]:
    """子 inside 息子 or 子ども: keep the longer mention."""
    kept: list[Person] = []
    for p in sorted(found, key=lambda p: (p.span[0], -(p.span[1] - p.span[0]))):
        if kept and p.span[0] < kept[-1].span[1]:
            continue
        kept.append(p)
    return kept


def _with_concerns(p: Person, hits) -> Person:
    concerns = tuple(dict.fromkeys(h.concern for h in hits
                                   if any(p.clause[0] <= s < p.clause[1] for s, _ in h.spans)))
    if not concerns:
        return p
    return Person(p.relation, p.words, p.span, p.age, p.group, p.clause, concerns, p.source)
