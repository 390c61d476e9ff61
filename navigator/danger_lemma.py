"""Danger cues on dictionary forms (`~殴る` in rules/danger.yaml), with the SudachiPy analysis.

A sentence becomes its words' lemmas, each followed by `|`, clauses kept apart by a boundary:
夫になぐられてる → |夫|に|殴る|れる|てる|. A `~殴る` part is the whole word 殴る in any
conjugation or spelling (殴られた, なぐってる, 殴ります); `~死ぬ~たい` is two words in a row.
Every other word of a cue, a group or a time word is looked for as its own lemmas, the last one as
written and open-ended (バチを叩 → ばち|を|叩, found in ばち|を|叩く|), starting at a word.
A lemma cue is denied when ない (or か+と+思う: 殺されるかと思った) follows it over a few
auxiliary words (殴られてはいない → 殴る|れる|て|は|居る|ない).
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import analysis, rule_forms

BAR = "|"
LEMMA = "~"
# Words that may stand between a cue and its denial without carrying meaning of their own.
_AUX = "居る|来る|仕舞う|貰う|有る|為る|訳|事|気|積もり|思う|考える|言う|一度|一回|全然|全く|決して|少し|別"
_GAP = rf"(?:(?:[ぁ-ゖー]+|{_AUX})\|){{0,7}}?"   # と|思う|た|こと|は|一度|も|ない
# ない or へん (してへん) a few words on; or the next clause taking it up (叩かれたとか、そういうことは全然
# ない: \x00 is danger's clause boundary). Not としか思えない, nor a double denial (思わない日はない),
# nor a presumption (手をあげるんじゃないか: ない|か, as the surface denial).
DENIED = re.compile(rf"(?!(?:[ぁ-ゖー]+\|){{0,2}}しか\|)"
                    rf"(?:{_GAP}(?:ない\|(?!か\|)|へん\||か\|と\|思う\|)"
                    rf"|(?:(?:[ぁ-ゖー]+|{_AUX})\|){{0,4}}?(?:と\|か|なんて|など|なんか)\|(?:[はも]\|)?\x00(?:そう\|言う|そんな)\|{_GAP}ない\|)"
                    rf"(?!(?:日|時|時間|夜|朝|事|こと)\|(?:[はがも]\|)?ない\|)")


def is_lemma_cue(written: str) -> bool:
    return any(part.strip().startswith(LEMMA) for part in written.split("+"))


@lru_cache(maxsize=4096)
def form(word: str) -> str:
    """How a written word stands in a lemma sentence: ~死ぬ~たい → 死ぬ|たい|, 子が → 子供|が|."""
    word = word.strip()
    if word.startswith(LEMMA):
        return "".join(analysis.normalize(w) + BAR for w in word.split(LEMMA) if analysis.normalize(w))
    if (shipped := rule_forms.lemma_form(word)) is not None:   # analysed when the table was made
        return shipped
    words = [w for w in analysis.analyse(word, deep=True).words if w.lemma]
    if not words:
        return ""
    # The last word as written and open-ended: 叩 in バチを叩 is any form of it (ばち|を|叩く|)
    return "".join(w.lemma + BAR for w in words[:-1]) + analysis.normalize(words[-1].surface)


# A space between two kana: 「うごかない いき してるか」 read by the dictionary as clauses of
# single words (いき → 粋); without the space it reads the words together.
_KANA_SPACE = re.compile(r"(?<=[\u3041-\u30ff\uff66-\uff9f])[ \u3000]+(?=[\u3041-\u30ff\uff66-\uff9f])")


def despaced(text: str) -> str | None:
    """The text without the spaces between kana, or None when it has none (most texts)."""
    joined = _KANA_SPACE.sub("", text)
    return joined if joined != text else None


def sentences(text: str, boundary: str, found: "analysis.Analysis | None" = None) -> list[tuple[str, frozenset[int]]]:
    """Each sentence as lemmas, and where each word starts (a match must start at one)."""
    found = found if found is not None else analysis.analyse(text)
    if not found.deep:
        return []
    out: dict[int, list[list[str]]] = {}
    end = 0
    for word in found.words:
        if word.lemma:
            clauses = out.setdefault(word.sentence, [])
            # Only a space before a particle or ending (しにたい とかは ない): one clause, as the surface
            # text joins it; a space before a word still parts a desk note's items (しにたい やるき ない)
            spaced = (clauses and text[end:word.start].isspace()
                      and (word.pos[0] in ("助詞", "助動詞") or word.negative))
            if not clauses or (clauses[-1][0] != word.clause and not spaced):
                clauses.append([word.clause])
            clauses[-1][0] = word.clause
            clauses[-1].append(word.lemma)
            end = word.end
    result = []
    for clauses in out.values():
        text_, starts = "", set()
        for clause in clauses:
            text_ += boundary if text_ else ""
            for lemma in clause[1:]:
                starts.add(len(text_))
                text_ += lemma + BAR
        result.append((text_, frozenset(starts)))
    return result
