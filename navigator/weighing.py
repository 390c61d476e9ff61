"""Weighing the keywords found: which concerns they really speak of.

After the keywords are found (search.py), a few rules decide what counts: violence with no child,
elder or disabled person named (or a child only alongside) is DV, not abuse; at work it is harassment,
by a stranger a crime; an elder not going out is no ひきこもり; a carer's own burden beside the care
names the carer, and a child's school day beside it a young carer; a learner's Japanese brings
language support; asking where to go about one named trouble is that trouble's window; with no
keyword at all, the nearest example utterances propose candidates (候補).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from .analysis import _KATAKANA, Analysis, normalize
from .matches import ASIDE, ASKED_WHERE, BESIDE, OTHER_LANGUAGE, PLAIN_JAPANESE, SCHOOL_DAY, YOUNG_CARER, ELDER_OUT, AT_WORK, EXAMPLE, STRANGER, NOT_VICTIM, Hit, Ignored, Match

CANDIDATE = 50       # score of a concern proposed by an example only

# Abuse is about a child, an elder, a disabled person or someone in care; violence words with
# none of them named are about a partner (DV). 虐待 itself names abuse.
VICTIMS = ("子ども", "子供", "こども", "息子", "娘", "孫", "児童", "赤ちゃん", "乳児", "幼児", "小学生", "中学生",
           "高校生", "園児", "生徒", "母", "父", "祖母", "祖父", "親", "高齢", "お年寄り", "年寄り", "おばあ", "おじい",
           "認知症", "障害", "障がい", "施設", "職員", "ヘルパー", "弟", "妹", "兄", "姉", "虐待", "ぎゃくたい",
           "年金", "隣の家", "近所の", "おかあさん", "おとうさん", "かあちゃん", "とうちゃん", "ぼく")   # not ママ: folded, it is まま
PARTNERS = ("夫", "おっと", "妻", "旦那", "だんな", "主人", "しゅじん", "彼氏", "かれし", "彼女", "パートナー", "元夫",
            "元妻", "元彼", "交際相手", "恋人", "同棲", "配偶者", "嫁", "うちの人", "奥さん", "奥様")


# A child who is with the one harmed, not harmed (子どもを連れて, 子どもと一緒に, 子どもの前で, お腹に赤ちゃん)
_CHILD = ("子ども", "子供", "こども", "赤ちゃん", "あかちゃん")
_WITH = ("を連れ", "をつれ", "連れ", "つれ", "と一緒", "といっしょ", "の前で", "と家を出", "といえをで")
ALONGSIDE = re.compile("|".join(
    [f"(?:{'|'.join(map(normalize, _CHILD))})(?:たち|達)?(?:[0-9一二三]人)?(?:{'|'.join(map(normalize, _WITH))})",
     normalize("お腹に赤ちゃん"), normalize("おなかに赤ちゃん")]))
BY = ("に", "から", "さんに", "さんから")   # 夫に殴られ, 旦那さんから暴力: the partner does it to an adult
# One-kanji partner words inside words that mean something else: 夫 in 夫婦・大丈夫・工夫 is no husband
NOT_INSIDE = {"夫": ("夫婦", "丈夫", "工夫", "夫人", "夫妻", "農夫", "漁夫"), "妻": ("夫妻", "妻子"), "嫁": ("花嫁",)}
_NOT_PARTNER = re.compile("|".join(map(normalize, {w for words in NOT_INSIDE.values() for w in words} | {"主人公"})))


# Violence or bullying told of a workplace is harassment (rights), not abuse nor 不登校
WORKPLACE = ("上司", "同僚", "先輩", "職場", "会社", "社長", "店長", "バイト先", "パート先", "勤め先", "仕事場", "取引先")
PUPILS = ("学校", "先生", "担任", "クラス", "子ども", "子供", "こども", "息子", "娘", "生徒", "小学", "中学", "高校", "部活")


# Violence or theft by a stranger is a crime (crime_victim), not abuse
STRANGERS = ("知らない人", "知らない男", "知らない女", "見知らぬ", "犯人", "通り魔", "不審者", "誰かが", "だれかが",
             "誰か が", "だれか が", "泥棒", "強盗")


def by_stranger(a: Analysis, by_concern: dict[str, list[Hit]], known) -> list[Ignored]:
    """知らない男に殴られて, 誰かが家に入ってきてお金を取られた: with a stranger named where it is
    told and no child or other victim there, abuse gives way to crime_victim."""
    if "abuse" not in by_concern or "crime_victim" not in known:
        return []
    told = {a.sentence_at(s) for h in by_concern["abuse"] for s, _ in h.spans}
    there = "".join(a.text[s:e] for i, (s, e) in enumerate(a.sentences) if i in told)
    if not any(w in there for w in STRANGERS) or any(normalize(v) in normalize(there) for v in VICTIMS):
        return []
    hits = by_concern.pop("abuse")
    by_concern.setdefault("crime_victim", [replace(h, concern="crime_victim") for h in hits])
    return [Ignored("abuse", h.keyword, h.words, h.spans, STRANGER) for h in hits]


def at_work(a: Analysis, by_concern: dict[str, list[Hit]], known) -> list[Ignored]:
    """上司に怒鳴られる, 職場でいじめられて: with a workplace named where it is told and no
    child, pupil or other victim there, abuse and school give way to harassment (rights)."""
    if "rights" not in known:
        return []
    ignored = []
    for concern, others in (("abuse", VICTIMS), ("school", PUPILS)):
        if concern not in by_concern:
            continue
        told = {a.sentence_at(s) for h in by_concern[concern] for s, _ in h.spans}
        there = normalize("".join(a.text[s:e] for i, (s, e) in enumerate(a.sentences) if i in told))
        if not any(normalize(w) in there for w in WORKPLACE) or any(normalize(v) in there for v in others):
            continue
        hits = by_concern.pop(concern)
        by_concern.setdefault("rights", [replace(h, concern="rights") for h in hits])
        ignored += [Ignored(concern, h.keyword, h.words, h.spans, AT_WORK) for h in hits]
    return ignored


# 「保育園です。」「ヘルパーの者ですが、」: who is calling, not what the resident needs
SPEAKER = re.compile(r"^\s*[^。、\s]{0,10}?(?:保育園|保育所|幼稚園|こども園|学校|小学校|中学校|ヘルパー|ケアマネ(?:ジャー)?|"
                     r"民生委員|主任児童委員|担任|養護教諭|大家|管理会社|自治会|病院|看護師|訪問看護|施設|事業所|地域包括|包括|社協|"
                     r"ボランティア|保護司|保育士|世話人|(?:スクール)?ソーシャルワーカー|相談員|支援員)"
                     r"(?:の職員|の者|の先生|の担当)?(?:です|ですが|でございます)[。、,，]")


def speaker(text: str) -> tuple[int, int] | None:
    m = SPEAKER.match(text)
    return (0, m.end()) if m else None


def _by_partner(there: str) -> bool:
    """A partner does it to an adult (旦那さんに殴られて), and to no child named just before (子どもも夫に)."""
    before = [there[max(0, at - 5):at] for word in {normalize(p) + by for p in PARTNERS for by in BY}
              for at in (m.start() for m in re.finditer(re.escape(word), there))]
    victims = [any(normalize(v) in b for v in VICTIMS) for b in before]
    return bool(victims) and not any(victims)


def abuse_or_dv(a: Analysis, by_concern: dict[str, list[Hit]], known) -> list[Ignored]:
    """Violence with no child, elder, disabled person or care setting named is DV when a
    partner is named (おっとに なぐられて) or DV was found too; the abuse is dropped."""
    if "abuse" not in by_concern or "abuse" not in known or "dv" not in known:
        return []
    folded = _NOT_PARTNER.sub("", normalize(a.text))   # 夫婦, 大丈夫: no partner named
    # the victim is named where the violence is told: 夫に殴られて逃げてきた。子どもも一緒です → DV
    told = {a.sentence_at(s) for h in by_concern["abuse"] for s, _ in h.spans}
    there = normalize("".join(a.text[s:e] for i, (s, e) in enumerate(a.sentences) if i in told))
    there = ALONGSIDE.sub("", there)   # 子どもを連れて逃げてきた: the child is with her, not the one hit
    by_partner = _by_partner(there)   # 旦那さんに殴られて: DV
    if not by_partner and any(normalize(v) in there for v in VICTIMS):
        return []
    if "dv" not in by_concern:
        if not any(normalize(p) in folded for p in PARTNERS):
            return []
        by_concern["dv"] = [replace(h, concern="dv") for h in by_concern["abuse"]]
    return [Ignored("abuse", h.keyword, h.words, h.spans, NOT_VICTIM) for h in by_concern.pop("abuse")]


# 「…。相談したいのは息子の発達のことです」: what comes before such a phrase is background
FOCUS = re.compile(r"(?:相談したい|相談したかった|困っている|困ってる|聞きたい|お聞きしたい|知りたい|心配な|気になっている)"
                   r"(?:こと|の)は|(?:私|わたし|今日|きょう)の(?:相談|用件)は|今日は.{0,30}?(?:の|について)(?:相談|話)|"
                   r"それより|それとは別(?:に|で)|本題は|(?:^|(?<=[。、,，\s]))(?:相談|今回)は[、,，]|(?<=が|ど)[、,，]?今は|(?:私|わたし|自分)自身(?:の|が|は)")
# never background: a harm told in passing still needs its window (a missed danger is the worst)
NOT_ASIDE = {"abuse", "dv", "kokoro", "crime_victim"}


def aside(a: Analysis, by_concern: dict[str, list[Hit]]) -> list[Ignored]:
    """A concern told only before 「相談したいのは…」「今困っているのは…」「それより」「私自身の」 is background
    (昔ひきこもっていたが今は大丈夫。それより母の介護…) when the words after it name a concern."""
    m = FOCUS.search(a.text)
    if not m:
        return []
    focus = a.clauses[a.clause_at(m.start())][0]
    before = [c for c, hs in by_concern.items()
              if c not in NOT_ASIDE and all(e <= focus for h in hs for _, e in h.spans)]
    if not before or len(before) == len(by_concern):
        return []
    return [Ignored(c, h.keyword, h.words, h.spans, ASIDE) for c in before for h in by_concern.pop(c)]


# Asking where to go (どこに相談すれば, どこに行けば, 誰に話したら) about one trouble that is named is
# that trouble's window, not the one-stop desk for when nothing fits or too much comes at once.
WHERE = re.compile(r"どこ(?!に行っても|へ行っても)|誰|だれ|どうしたら|どうすれば|相談先(?!がたくさん)")   # どこに行っても: sent from desk to desk
MANY_AT_ONCE = 2    # this many other concerns: 何が重なっているのか、総合相談が要る


def asked_where(a: Analysis, by_concern: dict[str, list[Hit]]) -> list[Ignored]:
    """unsure shown only by where-to-go words beside one named concern: ignored, and why."""
    hits = by_concern.get("unsure", [])
    others = [c for c in by_concern if c != "unsure"]
    if not hits or not others or len(others) >= MANY_AT_ONCE or not all(WHERE.search(h.keyword) for h in hits):
        return []
    return [Ignored("unsure", h.keyword, h.words, h.spans, ASKED_WHERE) for h in by_concern.pop("unsure")]


def candidates(examples, a: Analysis, exclude: str | None) -> list[Match]:
    """When no keyword matched: the concerns of the nearest examples, as 候補 (at most two)."""
    from .examples import FALLBACK_MIN, RELATIVE

    near = examples.nearest(a, exclude)
    if not near or near[0].score < FALLBACK_MIN:
        return []
    top = near[0].score
    chosen = [n for n in near if n.score >= max(FALLBACK_MIN, RELATIVE * top)][:2]
    return [Match(n.example.concern, CANDIDATE, (n.example.text,),
                  (Hit(n.example.concern, n.example.text, EXAMPLE, (), n.shared, round(n.score * 100)),),
                  candidate=True) for n in chosen]


# The carer's own burden, told beside the care itself (私も腰を痛めて, 有休ももう残っていません):
# the family carer's concern, which the care words alone do not name
CARED_FOR = ("care", "disability")
BURDEN = re.compile(r"(?:私|わたし|あたし|自分|おれ|俺|僕|こっち)(?:の方|のほう)?[はもがの]?[^。]{0,12}?"
                    r"(?:腰を痛|腰の手術|体を壊|からだ壊|からだを壊|くたくた|へとへと|参って|参っちゃ|まいって|しんど|限界|"
                    r"寝て(?:い)?な|寝られ|眠れ|休め(?:な|ま)|続けられ|仕事[もを]?(?:辞め|休め|行けな)|通えな|見なきゃ|見なければ|"
                    r"管理して|一人っ子|ひとりっ子|後回し)"
                    r"|有休|有給も|両立|つきっきり|まとまって寝|寝られてな|休みなしで|休みなく|くたびれ|見きれ|みきれ|手一杯|"
                    r"手がまわらな|手が回らな|手がまわりません|手が回りません|私自身の疲れ|自分自身の疲れ")


def carer_by_burden(a: Analysis, by_concern: dict[str, list[Hit]], known) -> None:
    """介護・障害 found and the one who looks after them tells their own burden: the carer is added."""
    if "carer" in by_concern or "youngcarer" in by_concern or "carer" not in known or not any(c in by_concern for c in CARED_FOR):
        return
    m = BURDEN.search(a.text)
    if m:
        by_concern["carer"] = [Hit("carer", "介護+本人の負担", BESIDE, (m.span(),), (m.group(),), 100.0)]


# A child's school day told beside the family's care or housework it gives way to (学校から帰ると
# おばあちゃんのおむつを替えて, 宿題は夜中): a young carer, which neither the care nor the school names.
# Plain 学校・介護 are not enough: a parent's 不登校 and their own care of a grandparent are not that.
# The care, disability or absence it tells of is the young carer's to route (the writers of every
# labelled set agree): those concerns are ignored, and why is shown.
TENDING = re.compile(r"(?<!お)世話(?!にな)|面倒を見|面倒見|家事|家のこと|家の仕事|夕飯|晩ご?はん|晩御飯|ご飯を作|ごはんを作|ご飯作|"
                     r"ごはん作|(?<!ユニフォームの)洗濯|おむつ|オムツ|体を拭|からだを拭|車いすを押|車椅子を押|送り迎え|看病|薬を確認|体の向き")
# not お世話になって (thanks to a teacher), nor a parent helping with homework (宿題を見て)
SCHOOL_DAY_WORDS = re.compile(r"授業(?!参観)|宿題(?!を見|をみ|を手伝|見て)|放課後|遅刻|欠席|友達と遊|友だちと遊|ともだちと遊|担任(?!の先生に|との面談)|部活|登校準備|進学|"
                              r"学校から帰|学校の時間|保健室|SSW|スクールソーシャル|[小中]\d女子|[小中]\d男子|中学生の|小学生の|高校生の")


YOUNG_CARERS = ("care", "disability", "school")


def youngcarer_by_school_day(a: Analysis, by_concern: dict[str, list[Hit]], known) -> list[Ignored]:
    """Family care or housework and a child's school day told together: the young carer, in place
    of the care, disability or absence it tells of."""
    if "youngcarer" not in known:
        return []
    tending, day = TENDING.search(a.text), SCHOOL_DAY_WORDS.search(a.text)
    if not (tending and day):
        return []
    named = "youngcarer" in by_concern   # by its own words: a disability or absence named beside it stays
    spans = tuple(sorted((tending.span(), day.span())))
    by_concern.setdefault("youngcarer", [Hit("youngcarer", "世話・家事+学校生活", SCHOOL_DAY, spans,
                                             (a.text[slice(*spans[0])], a.text[slice(*spans[1])]), 100.0)])
    given_way = ("care",) if named else YOUNG_CARERS
    return [Ignored(c, h.keyword, h.words, h.spans, YOUNG_CARER) for c in given_way for h in by_concern.pop(c, [])]


# Told in the Japanese of someone still learning it (夫 たたく。こどもと にげたい。どこ いく?, 家賃払う
# できない, わたし 日本語 すこし): the resident is likely to need language support, which every labelled
# set routes as 外国人住民. One sure sign, or two of the weaker ones (a particle dropped before ない,
# わたし with no particle), which children and elders typing kana also show one at a time. Read on the
# text folded (NFKC, katakana as hiragana, any space as one), so ﾄﾞｺ ｲｸ? and 夫　たたく count alike.
LEARNER_KEYWORD = "やさしい日本語の話し方"   # the speaker's own: never another person's in a household
OTHER_KEYWORD = "日本語以外の言葉"
SPEAKERS_OWN = (LEARNER_KEYWORD, OTHER_KEYWORD)
LEARNER_SURE = re.compile("|".join((
    r"どこ (?:いく|いきますか|いけば|ある|する|いう|にげる)|(?:^|(?<= ))どこ[?。](?!って|と|」|』)",   # どこ いく / びょういん どこ?
    r"[うくすつぬむるぐぶ] ?いう(?:[。、?]|$| ひと)|です いう",                     # わたす いう。 / けいさつ です いう
    r"(?:日本語|にほんご) ?(?:すこし|少し|へた|むずかし|難し|できない|わからない|よめ|読め)",
    r"(?:国|くに)に ?(?:かえ|帰)(?!れ)")))                                         # not 国に帰れ (told to a resident)
LEARNER_HINT = re.compile(r"[ぁ-ゖー一-龥々]{2,} ない(?:[。、]|$)|(?:わたし|私|ぼく) (?!は|が|の|も|に|を|ひとり)")
_SPACES = re.compile(r"\s+")
_DICTIONARY_FORM = "終止形"


def _folded(text: str) -> str:
    """NFKC, katakana as hiragana, every run of spaces as one: the shape the learner's signs are written in."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text).translate(_KATAKANA))


# Written mostly in another language (I lost my job, Tôi không có tiền): as many Latin letters as
# Japanese ones and at least OTHER_LETTERS of them, so DVがひどい or LINEで連絡 is Japanese
OTHER_LETTERS = 8
_LATIN_RUN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _other_language(text: str) -> list[tuple[int, int]]:
    """The first three words of another language in a text written mostly in it, or beside Japanese
    as a sentence of its own (Meu filho não vai à escola. がっこう いかない), or Chinese written in the
    simplified letters Japanese has not (我妈妈 一个人 住); else []."""
    latin = [m.span() for m in _LATIN_RUN.finditer(text) if _latin(m.group())]
    count = sum(e - s for s, e in latin)
    japanese = sum(1 for ch in text if "\u3041" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" or "\uff66" <= ch <= "\uff9f")
    if count >= OTHER_LETTERS and (count >= japanese or _a_sentence(text, latin)):
        return latin[:3]
    simplified = [i for i, ch in enumerate(text) if ch in _SIMPLIFIED]
    return [(i, i + 1) for i in simplified[:3]] if len(simplified) >= 2 else []


# Simplified Chinese letters no Japanese word is written with (会, 学, 国 are both and not here)
_SIMPLIFIED = set("个们说话妈爸孩这么没为时对发动问间还过样让给该钱听见车东电语儿气买卖谢请")


def _a_sentence(text: str, latin: list[tuple[int, int]]) -> bool:
    """Three words in Latin letters in a row, one of them in small letters (My son has autism):
    a sentence in another language, not an abbreviation or a name (DV, ATM, LINE)."""
    for a, b, c in zip(latin, latin[1:], latin[2:]):
        if text[a[1]:b[0]].strip(" ,") == "" and text[b[1]:c[0]].strip(" ,") == "" and any(
                text[s:e].lower() == text[s:e] and e - s >= 2 for s, e in (a, b, c)):
            return True
    return False


def _latin(word: str) -> bool:
    return all(unicodedata.name(unicodedata.normalize("NFKC", ch)[:1] or "?", "").startswith("LATIN") for ch in word)


def _verb_then_can(a: Analysis) -> tuple[int, int] | None:
    """A verb in its dictionary form right before できる or いい (払うできない, にげる いい): a learner's
    way; 仲良くできない, もう いい have an adverb there, which the dictionary tells apart."""
    words = [w for w in a.words if w.lemma or w.surface.strip()]
    for w, nxt in zip(words, words[1:]):
        if (w.pos[0] == "動詞" and w.pos[5].startswith(_DICTIONARY_FORM) and w.lemma not in ("出来る", "できる")
                and nxt.lemma in ("出来る", "できる", "良い", "いい")):
            return w.start, nxt.end
    return None


def foreign_by_style(a: Analysis, by_concern: dict[str, list[Hit]], known) -> None:
    """The text is told in a learner's Japanese: 外国人住民 is added, shown by the words that tell it."""
    if "foreign" in by_concern or "foreign" not in known:
        return
    other = _other_language(a.text)
    if other:
        by_concern["foreign"] = [Hit("foreign", OTHER_KEYWORD, OTHER_LANGUAGE, tuple(other),
                                     tuple(a.text[s:e] for s, e in other), 100.0)]
        return
    folded = _folded(a.text)
    sure = LEARNER_SURE.search(folded)
    spans = [sure.span()] if sure else ([_verb_then_can(a)] if _verb_then_can(a) else [])
    if not spans:
        hints = [m.span() for m in LEARNER_HINT.finditer(folded)]
        spans = hints if len(hints) >= 2 else []
    if spans and len(folded) != len(a.text):   # ﾄﾞｺ folds to one letter fewer: the spans are the folded text's
        spans = [(0, len(a.text))]
    if spans:
        by_concern["foreign"] = [Hit("foreign", LEARNER_KEYWORD, PLAIN_JAPANESE, tuple(spans[:2]),
                                     tuple(a.text[s:e] for s, e in spans[:2]), 100.0)]


# An elder who no longer goes out (父が最近外に出なくなって) is lonely or frail, not ひきこもり: the
# keywords of not going out count for it only when a younger one is named (兄が部屋から出てこない)
OUTING = ("外に出", "家から出", "出なくな", "こもりがち", "家にこも", "出られな")
ELDERS = ("父", "母", "祖父", "祖母", "おじいさん", "おばあさん", "じいちゃん", "ばあちゃん", "高齢", "お年寄り",
          "年寄り", "独居", "一人暮らし", "ひとり暮らし", "免許を返")
YOUNGER = ("息子", "娘", "兄", "弟", "姉", "妹", "子ども", "子供", "孫", "8050", "ひきこもり", "引きこも", "何年も", "年以上")


def elder_not_out(a: Analysis, by_concern: dict[str, list[Hit]]) -> list[Ignored]:
    """ひきこもり shown only by not going out, of an elder with no younger one named: ignored, and why."""
    hits = by_concern.get("hikikomori", [])
    if not hits or not all(any(w in h.keyword for w in OUTING) for h in hits):
        return []
    text = normalize(a.text)
    if not any(normalize(e) in text for e in ELDERS) or any(normalize(y) in text for y in YOUNGER):
        return []
    return [Ignored("hikikomori", h.keyword, h.words, h.spans, ELDER_OUT) for h in by_concern.pop("hikikomori")]
