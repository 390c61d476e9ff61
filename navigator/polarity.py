"""Is a word that was found actually affirmed? Denials and past tense within its clause.

Shared by concern matching (search.py) and anything else that looks for cue words in what a
resident said (danger cues): `status(analysis, start, end)` says whether the words at
[start, end) are affirmed (None), denied (DENIED) or told as history (PAST).
"""

from __future__ import annotations

import re

from .analysis import Analysis, Word

DENIED, PAST, FINE = "否定", "過去", "問題なしと言っている"

# Words that may stand between a keyword and ない without changing what is denied
# (暴力はない, 殴られたりはしない, 困ってるわけじゃない, 虐待ではありません)
FILLERS = {"は", "も", "とか", "たり", "なんか", "など", "なんて", "って", "わけ", "訳", "じゃ", "だ", "で",
           "て", "てる", "いる", "居る", "する", "為る", "ある", "有る", "の", "ん", "こと", "事", "まで",
           "ちゃう", "しまう", "全然", "全く", "別に", "特に", "と", "か", "れる", "られる", "せる", "させる",
           "ちゃ", "では", "じゃあ", "受ける", "もらう", "貰う", "使う", "た", "とき", "時", "話", "方", "訳",
           "もう", "言う", "一切", "何", "一度", "一回", "少し", "ちっとも", "まったく", "振るう", "遭う",
           "そう", "そんな", "そういう"}   # 借金とかは一切ない, 何もない, 死にたいとかそういうのはない
# Verbs of suffering it, after を (暴力を受けた・振るわれた・被害に遭った): what is denied is the harm
RECEIVED = {"受ける", "振るう", "遭う", "される"}
# ない followed by these asks rather than denies: 差別じゃないでしょうか, 虐待じゃないかな
QUESTION = {"か", "かな", "かしら", "だろう", "でしょう"}
# A contrast or topic marker makes ない a denial of what precedes it, whatever the keyword
CONTRAST = {"は", "か", "とか", "たり", "なんか", "など", "なんて", "わけ", "訳", "じゃ", "だ", "全然", "全く", "別に"}
# Nouns whose absence is the trouble itself: 話し相手がいない, 仕事もない, お金ない
RESOURCES = {"相手", "話し相手", "友達", "友だち", "友人", "知り合い", "仲間", "お金", "金", "仕事", "職", "収入",
             "貯金", "蓄え", "所持金", "家", "住む所", "居場所", "身寄り", "家族", "頼る人", "食べ物", "米",
             "行き場", "保証人", "余裕", "生活費", "行く所", "ご飯", "御飯", "食事", "連絡", "援助", "支援",
             "付き合い", "近所付き合い", "近所づきあい", "つながり", "繋がり", "交流", "手段", "足"}
RESOURCES = {r.translate({c: c - 0x60 for c in range(ord("ァ"), ord("ヶ") + 1)}) for r in RESOURCES}
PAST_MARKERS = {"昔", "以前", "前", "若い頃", "子供の頃", "小さい頃", "かつて", "当時", "学生時代", "昔前", "去年", "昨年",
                "一昨年"}
# A passing mention: 「お金のことは大丈夫なんですけど」「仕事は関係ないけど」「介護は今のところ問題ない」
TOPIC = {"は", "も", "なら", "とか", "って", "については", "に関しては"}
FINE_WORDS = {"大丈夫", "平気", "順調"}
FINE_IF_DENIED = {"問題", "関係", "心配", "不安", "困る", "支障", "必要"}
FINE_FILLERS = {"こと", "事", "方", "ほう", "今", "所", "ところ", "面", "自体", "特に", "別に", "全然", "まだ", "未だ", "一応", "もう",
                "て", "いる", "居る", "の", "に", "で", "と", "が", "を", "は", "も", "今のところ", "とりあえず", "ある"}
RECENT = {"この", "此の", "その", "其の", "つい", "ちょっと", "少し", "直ぐ", "すぐ"}
UNTIL = {"去年", "昨年", "一昨年"}   # 去年まで母の介護をしていました: over since then
ADVERB_PAST = {"昔", "以前", "かつて", "当時"}   # 昔少年院にいた (but 昔から: still so)
NOW_MARKERS = {"今", "最近", "今も", "まだ", "今でも", "現在", "このごろ", "この頃", "未だ"}

# Without the dictionary (surface matching only): a denial only when a contrast marker makes it
# unambiguous, because an open stem (外に出) is completed, not denied, by ていない.
_SURFACE_DENIAL = re.compile(r"^(?:って|たり|とか|なんか|など|わけ|では|じゃ|は|も|し|て|で|い|る|あり|ある|)*?"
                             r"(?:は|とか|たり|なんか|など|わけ|では|じゃ)(?:って|たり|とか|なんか|など|わけ|では|じゃ"
                             r"|は|も|し|て|で|い|る|あり|ある)*(?:ない|ません|なし|無い|ねえ|なかった)")


def status(analysis: Analysis, start: int, end: int, open_stem: bool = False) -> str | None:
    """DENIED, PAST or None (affirmed) for the words at [start, end) of the analysed text."""
    if not analysis.deep:
        clause_end = analysis.clauses[analysis.clause_at(start)][1]
        return DENIED if _SURFACE_DENIAL.match(analysis.text[end:clause_end]) else None
    if _denied(analysis, start, end, open_stem) or _taken_up(analysis, end):
        return DENIED
    if _fine(analysis, end):
        return FINE
    if _past(analysis, start):
        return PAST
    return None


def _denied(analysis: Analysis, start: int, end: int, open_stem: bool) -> bool:
    covered = analysis.words_in(start, end)
    if not covered:
        return False
    if covered[-1].negative:   # the keyword holds its own ない (払えない), unless that is denied again
        return _denied_again(analysis, covered[-1])
    last = covered[-1]
    if last.pos[0] in ("名詞", "代名詞") and ({_lemma_of(covered), "".join(w.lemma for w in covered)} & RESOURCES):
        return False   # 仕事はない, 話し相手もいない: the absence is the trouble itself
    contrast = subject = False
    after = analysis.words_after(last.end, last.clause)
    skip = -1
    for i, w in enumerate(after):
        if i <= skip:
            continue
        if w.lemma not in FILLERS and _toka(after, i - 1):
            skip = _listed(after, i)   # 物忘れとか介護とかの話じゃない: the next item of a list denied together
            if skip >= 0:
                continue
        if w.negative:
            if _asked(analysis, w) or _denied_twice(after, i):
                return False
            if contrast:
                return True
            if subject:
                return False   # 手段がない: the absence is the trouble; 障害があるわけじゃない is denied (わけ)
            if open_stem or _absence_phrase(covered):
                return False   # 外に出ていない, 働けない: the keyword wants its ない
            # 暴力なし, 殴られていない, 叩いてない: an event or thing that is denied
            return last.pos[0] in ("名詞", "助動詞", "接尾辞") or last.pos[1] == "接続助詞"
        if w.lemma == "を" and i + 1 < len(after) and after[i + 1].lemma in RECEIVED:
            continue   # 暴力を受けたことはない, 暴力を振るわれたことは一度もない
        if w.lemma in FILLERS or not w.lemma or w.lemma == "が":
            contrast = contrast or w.lemma in CONTRAST
            subject = subject or w.lemma == "が"
            continue
        return False
    return False


# 死にたいとか、そういうのは全くないです: the next clause takes up what the keyword's clause listed
LISTING = {"とか", "たり", "なんか", "など", "なんて", "か", "と"}
TAKEN_UP = {"そういう", "そんな", "そういった", "そう"}


def _taken_up(analysis: Analysis, end: int) -> bool:
    covered = analysis.words_in(end - 1, end)
    if not covered:
        return False
    rest = [w for w in analysis.words_after(covered[-1].end, covered[-1].clause) if w.lemma]
    if not rest or any(w.lemma not in LISTING | FILLERS for w in rest) or rest[-1].lemma not in LISTING:
        return False
    following = [w for w in analysis.words_after(rest[-1].end, covered[-1].clause + 1) if w.lemma]
    if not following or following[0].lemma not in TAKEN_UP:
        return False
    return any(w.negative and not _asked(analysis, w) for w in following)


def _denied_twice(after: list[Word], at: int) -> bool:
    """暴力を受けない日はない: a denial denied again affirms."""
    rest = [w for w in after[at + 1:] if w.lemma]
    return (len(rest) >= 2 and rest[0].lemma in ("日", "時", "とき", "事", "こと", "夜", "晩")
            and any(w.negative for w in rest[1:3]))


def _toka(after: list[Word], end: int) -> bool:
    """とか ends at after[end] (the dictionary cuts it as と|か)."""
    return end >= 0 and (after[end].lemma == "とか" or (end >= 1 and after[end - 1].lemma == "と" and after[end].lemma == "か"))


def _listed(after: list[Word], start: int) -> int:
    """The index of the とか closing a list item that starts at `start` (up to three words), else -1."""
    for j in range(start, min(start + 4, len(after))):
        if after[j].lemma == "とか" or (after[j].lemma == "と" and j + 1 < len(after) and after[j + 1].lemma == "か"):
            return j - 1
        if after[j].negative:
            return -1
    return -1


def _fine(analysis: Analysis, end: int) -> bool:
    """The keyword is followed in its clause by a topic marker and 大丈夫 / 問題ない / 関係ない."""
    covered = analysis.words_in(end - 1, end)
    if not covered:
        return False
    topic = False
    after = analysis.words_after(covered[-1].end, covered[-1].clause)
    for i, w in enumerate(after):
        if w.lemma in TOPIC:
            topic = True
        elif w.lemma in FINE_WORDS:
            return topic and not any(x.lemma == "か" for x in after[i + 1:i + 3])
        elif w.lemma in FINE_IF_DENIED:
            rest = [x for x in after[i + 1:i + 6] if x.lemma and x.lemma not in FINE_FILLERS]   # 必要|あり|ませ|ん
            return topic and bool(rest) and rest[0].negative and not _asked(analysis, rest[0])   # 必要ありませんか？
        elif w.lemma and w.lemma not in FINE_FILLERS:
            return False
    return False


def _denied_again(analysis: Analysis, negative: Word) -> bool:
    """お金がないわけじゃない, 働けないのではなく: a denial of the keyword's own ない."""
    contrast = False
    for w in analysis.words_after(negative.end, negative.clause):
        if w.negative:
            return contrast and not _asked(analysis, w)
        if w.lemma in ("わけ", "訳", "の", "ん", "じゃ", "では", "で", "は", "だ"):
            contrast = contrast or w.lemma in ("わけ", "訳", "じゃ", "では", "は")
            continue
        if w.lemma:
            return False
    return False


def _asked(analysis: Analysis, negative: Word) -> bool:
    after = [w for w in analysis.words_after(negative.end, negative.clause) if w.lemma][:3]
    return any(w.lemma in QUESTION or w.surface in QUESTION for w in after)


def _lemma_of(words: list[Word]) -> str:
    content = [w for w in words if w.pos[0] in ("名詞", "代名詞")]
    return content[-1].lemma if content else ""


def _absence_phrase(words: list[Word]) -> bool:
    """A keyword ending in an existence or ability verb (人がいない, 行けない): not a denial."""
    last = words[-1]
    return last.lemma in {"いる", "居る", "ある", "有る"} or last.pos[0] == "動詞" and last.pos[5] != "終止形-一般"


def _past(analysis: Analysis, start: int) -> bool:
    """昔は父に殴られていました: a past marker and a past tense in the clause, nothing saying now."""
    word = analysis.word_at(start)
    if word is None:
        return False
    # the marker may stand one clause earlier: 昔は、父に殴られていました
    clauses = {word.clause, word.clause - 1}
    words = [w for w in analysis.sentence_words(word.sentence) if w.clause in clauses]
    lemmas = [w.lemma for w in words]
    if any(m in NOW_MARKERS for m in lemmas):
        return False
    after = [w.lemma for w in words[1:]] + ["。"]
    marked = any((w.lemma in PAST_MARKERS and (nxt in ("は", "に") or nxt == "まで" and w.lemma in UNTIL)) or (w.lemma in ADVERB_PAST and nxt != "から")
                 or (w.lemma == "頃" and nxt in ("は", "に", "")) for w, nxt in zip(words, after))
    # 「もう20年も前の話で」: told as a story of the past, whatever the tense
    # anywhere in the sentence: 刑務所にいたこともありますが、もう20年前の話です (この前の話 is recent)
    told = analysis.sentence_words(word.sentence)
    story = any(w.lemma in ("前", "昔") and told[i + 1].lemma == "の" and told[i + 2].lemma in ("話", "事", "こと")
                and not (i and told[i - 1].lemma in RECENT) for i, w in enumerate(told[:-2]))
    past = any(w.lemma == "た" and w.pos[0] == "助動詞" and w.start > start for w in words
               if w.clause == word.clause)
    return (marked and past) or story
