"""The cues of rules/danger.yaml compiled once per rule set: normalised words to find, by kind.

Cues are normalised as concern matching does, then common spellings are folded alike; `~` cues
(dictionary forms) are compiled apart, for the lemma sentences of danger_lemma.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from . import danger_lemma
from .analysis import normalize as _normalize

if TYPE_CHECKING:
    from .model import DangerRules

MAX_GAP = 4            # kana between a cue and its denial: 殴|られて|はいない, 死にたい||とかではない
KANA_TEXT = 0.8       # this share of kana: a text typed in kana (ひらがな・半角カナ)

# Spellings residents mix (無い/ない, 来た/きた, 下さい/ください), folded alike in cues and text
# after the concern matcher's normalisation, so one form of a cue is enough.
_SPELLINGS = (("無い", "ない"), ("無く", "なく"), ("無かっ", "なかっ"), ("来た", "きた"), ("来て", "きて"),
              ("来る", "くる"), ("来な", "こな"), ("居る", "いる"), ("居な", "いな"), ("居て", "いて"),
              ("下さい", "ください"), ("出来", "でき"), ("言われ", "いわれ"), ("言って", "いって"), ("分から", "わから"),
              ("解らな", "わからな"), ("判らな", "わからな"), ("貰", "もら"), ("頂", "いただ"), ("又", "また"),
              ("迄", "まで"), ("程", "ほど"), ("様に", "ように"), ("其", "そ"),
              ("矢理", "やり"), ("呉れ", "くれ"), ("為に", "ために"), ("ヶ", "か"), ("ヵ", "か"),
              ("舌こと", "したこと"))   # the IME's した (傷つけたりは舌ことない)
_SPELLED = frozenset(written[0] for written, _ in _SPELLINGS)   # most words have none: no loop


# 物を/物が are folded to もの only when 物 stands alone: 刃物を stays 刃物を, so @weapon still finds it.
_THING = re.compile(r"(?<![一-龥々])物(?=[をが])")
# The long vowel of a katakana word is kept (as ―, which normalising does not drop): カッター
# without it is かった, in every 楽しかった; after hiragana it is dropped as before (しにたーい).
_ASCII_GAP = re.compile(r"(?<=[A-Za-z'])\s+(?=[A-Za-z])")
WORD_GAP = "_"   # between two English words: kept by the folding, not a letter to `bounded`
_LONG = re.compile(r"(?<=[ァ-ヺｦ-ﾟ])[ーｰ]")


def normalize(text: str) -> str:
    if " " in text:   # English words stay apart (hit me is not in white metal): cues and text alike
        text = _ASCII_GAP.sub(WORD_GAP, text)
    folded = _normalize(_LONG.sub("―", text) if "ー" in text or "ｰ" in text else text)
    if not _SPELLED.isdisjoint(folded):
        for written, kana in _SPELLINGS:
            if written in folded:
                folded = folded.replace(written, kana)
    return _THING.sub("もの", folded) if "物" in folded else folded


@dataclass(frozen=True)
class Cue:
    written: str
    parts: tuple[tuple[tuple[str, str], ...], ...]   # each part: (normalised, as written) alternatives
    mode: str                                         # "cue", "now" or "alone"
    keys: tuple[frozenset[str], ...] = ()             # each part's normalised forms, to skip fast


class Compiled:
    """The cues of one rule set, as words to find. lemma=True: only the `~` cues, on lemma
    sentences (danger_lemma); else only the others, on the normalised text."""

    def __init__(self, rules: DangerRules, readings: bool = False, shortest: int = 5, lemma: bool = False):
        # With the dictionary loaded, each cue is also looked for as read in kana (包丁を向け →
        # ほうちょうをむけ), for residents who type in kana or half-width katakana.
        written = [w for k in rules.kinds for c in (*k.cues, *k.now_cues, *k.alone_cues) for w in c.split("+")]
        written += [w for _, words in rules.words for w in words]
        fold = danger_lemma.form if lemma else _memo(normalize)   # ~4,600 words, ~2,800 distinct
        kana = _readings(written, shortest, fold) if readings and not lemma else {}
        self.lemma = lemma
        _forms = lambda words: _forms_of(words, kana, fold)  # noqa: E731
        groups = self.groups = {name: _forms(words) for name, words in rules.words}
        (self.now, self.past, self.recent, self.ended, self.again, self.harmless, self.fiction, self.real, self.over,
         self.reported, self.habitual) = (_norm_all(words, fold) for words in
                                          (rules.now, rules.past, rules.recent, rules.ended, rules.again, rules.harmless,
                                           rules.fiction, rules.real, rules.over, rules.reported, rules.habitual))
        negators = sorted(_norm_all(rules.negation, fold), key=len, reverse=True)
        self.denied = danger_lemma.DENIED if lemma else denial(negators)
        lemmas = {name for name, words in rules.words if words and all(danger_lemma.is_lemma_cue(w) for w in words)}
        self.kinds = []
        for kind in rules.kinds:
            cues = [_cue(c, mode, groups, _forms) for mode, written in
                    (("cue", kind.cues), ("now", kind.now_cues), ("alone", kind.alone_cues)) for c in written
                    if _on_lemmas(c, lemmas) == lemma]
            self.kinds.append((kind.id, [c for c in cues if c], (kind.history, kind.now_only)))
        self.keys = frozenset(k for _, cues, _ in self.kinds for c in cues for part in c.keys for k in part)
        self._by_first: dict[str, list[str]] = {}
        for key in self.keys:
            self._by_first.setdefault(key[0], []).append(key)

    def present(self, text: str) -> frozenset[str]:
        """The cue words in text, looked up by their first character (a text has a few dozen
        distinct ones; the cues have hundreds of words)."""
        return frozenset(k for ch in set(text) for k in self._by_first.get(ch, ()) if k in text)


def _on_lemmas(written: str, lemma_groups: set[str]) -> bool:
    """A cue with a `~` part, or a part naming a group of `~` words only (@hit: ~殴る, ~蹴る),
    is looked for on dictionary forms."""
    return danger_lemma.is_lemma_cue(written) or any(
        part.strip()[1:] in lemma_groups for part in written.split("+") if part.strip().startswith("@"))


# Denials with words between (a few kana is the rule): a verb of thinking (死にたいとまでは思わない,
# 自殺なんて考えたこともない; not としか思えない, nor 殴られるとは思わなかった: it happened), an adverb (死ぬつもりなんてまったくありません),
# or the next clause taking it up (叩かれたとか、そういうことは全然ありません). Never a presumption
# (ないか: 殴られてないか心配, じゃねえか), nor なんども (殴られたことはなんどもある), nor a double denial
# (死にたいと思わない日はない).
_THINK = "(?<!しか)(?:思|考|おも|かんが)(?![ぁ-ゖ]{{0,4}}?なかった)[ぁ-ゖ]{{0,4}}?(?:ない|ません|{neg})"
_ADVERB = "(?:全く|まったく|全然|ぜんぜん|決して|けっして|少しも|すこしも|ちっとも|別に|べつに)(?:ない|ありません|{neg}|" + _THINK + ")"   # 全然思ってない
_THAT_KIND = ("[ぁ-ゖ]{{0,6}}?(?:とか|なんて|なんか|など)[はも]?\x00?(?:そういう|そうゆう|そういった|そんな)"
              "(?:の|ん|こと|事|つもり|気持ち|気|わけ|訳)?[はもが]?(?:全然|全く|まったく|ぜんぜん|一度も|別に|べつに)?"
              "(?:ない|ありません|{neg})")   # not そんなのは数えきれない
# 〜たりはしていない, 〜たことはない take in the verb before them (包丁で|脅されたりはしてないです,
# 包丁を持|ち出したことはないです, 薬を大量|に飲んだりはしていません), and receiving or wielding is
# denied as the noun (暴力|は受けていません, 暴力|は振るわれていない; not 暴力|は止まらない)
_VERB_THEN = ("[ぁ-ゖ]{0,2}[一-龥々]{1,2}[ぁ-ゖ]{0,3}?(?:[ただ]りは(?:して|されて|し)い?(?:な|ませ)"
              "|たことは(?:な|ありませ)|たことがな|たことない)"
              "|[はもを](?:受け|うけ|振る|ふる)[ぁ-ゖ]{0,5}?(?:ていな|てな|ていませ|てませ|ません|ない)")
# A list of things denied together: 暴力とか付きまといとかはまったくありません
_LISTED = "[ぁ-ゖ]{{0,2}}?とか[^\x00]{{1,10}}?とか[はも]?(?:全然|全く|まったく|ぜんぜん|一切|別に|べつに)?(?:ない|ありません|{neg})"
_NOT_AFTER = "(?!いか|か(?!った)|ん(?:ど|かい|て|か))(?![ぁ-ゖ]{0,2}(?:日|時|とき|夜|朝|こと)[はがも]?な)"


def denial(negators) -> "re.Pattern | None":
    """The surface denial: matched right after a cue's end (MAX_GAP kana, then a negator)."""
    if not negators:
        return None
    neg = "|".join(map(re.escape, negators))
    return re.compile(f"(?:[ぁ-ゖー]{{0,{MAX_GAP}}}?(?:{neg}|{_THINK.format(neg=neg)}|{_ADVERB.format(neg=neg)})"
                      f"|{_THAT_KIND.format(neg=neg)}|{_LISTED.format(neg=neg)}|{_VERB_THEN}){_NOT_AFTER}")


def _unlong(folded: str) -> tuple[str, ...]:
    """A katakana word also as typed in hiragana, long vowels dropped (オーバードーズ: おーばーどーず),
    unless that leaves a common ending (カッター: かった)."""
    short = folded.replace("―", "")
    return (folded, short) if short != folded and len(short) >= 4 else (folded,)


def _norm_all(words, fold=normalize) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f for n in (fold(w) for w in words) if n for f in _unlong(n)))


def _forms_of(words, kana: dict[str, str], fold=normalize) -> tuple[tuple[str, str], ...]:
    forms = [(f, w.strip().lstrip(danger_lemma.LEMMA)) for w in words for f in _unlong(fold(w))]
    forms += [(kana[w], w) for w in words if w in kana]
    return tuple(dict.fromkeys((n, w) for n, w in forms if n))


def _memo(fold):
    """fold, remembering each word's result for one compilation (a cue word recurs in many cues)."""
    return lru_cache(maxsize=None)(fold)


def _readings(words, shortest: int, fold=normalize) -> dict[str, str]:
    """Kana readings of the cue words long enough to trust (five kana or more: 今日死 read
    きょうし is in きょうしつ, 蹴られ read けられ in かけられ)."""
    from .keyword_forms import keywords_forms

    found = {}
    for word, (_, reading, _) in keywords_forms([w.strip() for w in words if w.strip()]).items():
        reading = fold(reading)
        if len(reading) >= shortest and all("ぁ" <= ch <= "ゖ" or ch == "ー" for ch in reading) and reading not in (fold(word), _normalize(word)):
            found[word] = reading
    return found


def _cue(written: str, mode: str, groups: dict[str, tuple[tuple[str, str], ...]], forms) -> Cue | None:
    parts = []
    for part in written.split("+"):
        part = part.strip()
        alternatives = groups.get(part[1:], ()) if part.startswith("@") else forms([part])
        if not alternatives:
            return None
        parts.append(alternatives)
    return Cue(written, tuple(parts), mode, tuple(frozenset(n for n, _ in part) for part in parts))


def compiled_for(rules: DangerRules, text: str) -> Compiled:
    """Compiled again once, when the dictionary is ready. A text typed mostly in kana is
    matched with shorter readings too (なぐられ, くびを): there they are the resident's words."""
    from . import analysis

    kana = sum(analysis.is_kana(ch) for ch in text) >= KANA_TEXT * max(1, sum(not ch.isspace() for ch in text))
    return compiled_with(rules, analysis.ready(), 3 if kana else 5)


@lru_cache(maxsize=8)
def compiled_with(rules: DangerRules, readings: bool, shortest: int, lemma: bool = False) -> Compiled:
    return Compiled(rules, readings, shortest, lemma)


def bounded(text: str, start: int, end: int) -> bool:
    """text[start:end] does not run on into ASCII letters when it begins or ends with one
    (DV is not in DVD, OD not in good)."""
    def joined(edge: str, index: int) -> bool:
        return (edge.isascii() and edge.isalpha() and 0 <= index < len(text)
                and text[index].isascii() and text[index].isalpha())
    return start < end and not (joined(text[start], start - 1) or joined(text[end - 1], end))


def find_spans(text: str, word: str) -> list[tuple[int, int]]:
    """Every occurrence of word in text (DV is not in DVD)."""
    found, start = [], text.find(word)
    while start >= 0:
        if bounded(text, start, start + len(word)):
            found.append((start, start + len(word)))
        start = text.find(word, start + 1)
    return found
