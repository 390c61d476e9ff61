"""Japanese text → words (SudachiPy), three matchable strings and clauses.

One `Analysis` holds what the matcher needs from a text: the words with their positions in the
text as typed, and three strings with a map back to those positions:

- surface: the text as typed, folded (NFKC, lower case, katakana as hiragana, no punctuation);
- lemma:   each word's dictionary form (払えず → 払える+ない, 子ども → 子供, 障がい → 障害);
- reading: each word's kana reading (やちんがはらえない ← 家賃が払えない);
- content: the dictionary forms without the particles が・を・は・も・の, so that 仕事もない is
  仕事がない and 家賃も払えず is 家賃を払えない (誰も, 何も keep their も: they mean nobody, nothing).

The dictionary is loaded once, on first use or in a background thread (`load_in_background`):
it takes 15-60 ms and 100 MB. Without sudachipy (or before it is loaded) an analysis has the
surface string only, which is exactly what the matcher used before.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

_DROP = re.compile(r"[\s、。，．,.!！?？「」『』（）()・…〜~ー-]+")
_KATAKANA = {c: c - 0x60 for c in range(ord("ァ"), ord("ヶ") + 1)}
# Clause ends: punctuation, line ends, spaces (desk notes: 「80代女性 独居 物忘れ」)
_CLAUSE_CHARS = set("。、，,.!！?？\n\t 　;；/／…‥")
SENTENCE_CHARS = set("。!！?？\n")
# Conjunctions that start a new clause (けど, ので, のに, から, し, が): a denial after them is
# about what follows, not what came before.
_CLAUSE_PARTICLES = {"けど", "けれど", "けれども", "が", "ので", "のに", "から", "し", "ながら"}
NEGATIVE = "ない"
_NEGATIVE_FORMS = {"ない", "ぬ", "ず", "ん", "ねえ", "ねぇ", "ねー", "無い", "なし", "無し", "ナイ"}
_POLITE = {"ます", "です"}   # 払えません = 払える+ない: politeness carries no meaning here
_LOOSE_PARTICLES = {"が", "を", "は", "も", "の"}   # dropped in the content channel
_INDEFINITE = {"誰", "何", "どこ", "何処", "いつ", "何時", "一人", "独り", "ひとり"}   # 誰も, 何も: keep their も


def normalize(text: str) -> str:
    """NFKC, lower case, katakana as hiragana, without spaces and punctuation."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text).lower().translate(_KATAKANA))


def is_kana(ch: str) -> bool:
    return "\u3041" <= ch <= "\u30ff" or "\uff66" <= ch <= "\uff9f"


@dataclass(frozen=True)
class Word:
    start: int          # position in the text as typed
    end: int
    surface: str
    lemma: str          # folded dictionary form; "" for words that carry no meaning (ます)
    reading: str        # hiragana
    pos: tuple[str, ...]
    clause: int = 0
    sentence: int = 0
    unknown: bool = False   # not in the dictionary (滞能: perhaps an IME slip)

    @property
    def negative(self) -> bool:
        return self.lemma == NEGATIVE

    @property
    def content(self) -> bool:
        return self.pos[0] in ("名詞", "動詞", "形容詞", "形状詞", "副詞", "代名詞") or self.negative


@dataclass
class Channel:
    """A matchable string, the text position each character came from, and word edges."""

    text: str = ""
    origin: list[int] = field(default_factory=list)   # per character: start position in the text
    until: list[int] = field(default_factory=list)    # per character: end position in the text
    starts: set[int] = field(default_factory=set)     # character indexes where a word starts
    ends: set[int] = field(default_factory=set)       # character indexes just after a word

    def span(self, i: int, j: int) -> tuple[int, int]:
        return self.origin[i], self.until[j - 1]


@dataclass
class Analysis:
    text: str
    words: tuple[Word, ...]
    surface: Channel
    lemma: Channel | None
    reading: Channel | None
    clauses: tuple[tuple[int, int], ...]      # (start, end) positions in the text
    sentences: tuple[tuple[int, int], ...]
    content: Channel | None = None

    @property
    def deep(self) -> bool:
        return self.lemma is not None

    def clause_at(self, pos: int) -> int:
        return _index_at(self.clauses, pos)

    def sentence_at(self, pos: int) -> int:
        return _index_at(self.sentences, pos)

    # The words are in text order and do not overlap, so each lookup bisects: scanning them all
    # for every keyword hit made a 5,000-character text take seconds a keystroke (new-user test F6).
    @cached_property
    def _starts(self) -> list[int]:
        return [w.start for w in self.words]

    @cached_property
    def _ends(self) -> list[int]:
        return [w.end for w in self.words]

    def words_in(self, start: int, end: int) -> list[Word]:
        return list(self.words[bisect_right(self._ends, start):bisect_left(self._starts, end)])

    def words_after(self, pos: int, clause: int) -> list[Word]:
        """Words starting at or after pos in the same clause."""
        found = []
        for w in self.words[bisect_left(self._starts, pos):]:
            if w.clause > clause:
                break
            if w.clause == clause:
                found.append(w)
        return found

    @cached_property
    def _by_sentence(self) -> dict[int, tuple[Word, ...]]:
        found: dict[int, list[Word]] = {}
        for w in self.words:
            found.setdefault(w.sentence, []).append(w)
        return {k: tuple(v) for k, v in found.items()}

    def sentence_words(self, sentence: int) -> tuple[Word, ...]:
        """The words of one sentence, in order."""
        return self._by_sentence.get(sentence, ())

    def word_at(self, pos: int) -> Word | None:
        i = bisect_right(self._starts, pos) - 1
        return self.words[i] if i >= 0 and self.words[i].start <= pos < self.words[i].end else None


def _index_at(spans, pos: int) -> int:
    for i, (start, end) in enumerate(spans):
        if start <= pos < end:
            return i
    return max(len(spans) - 1, 0)


# ---- the dictionary -----------------------------------------------------------------------

_lock = threading.Lock()
_tokenizer = None
_state = "unloaded"   # unloaded | loading | ready | missing


def ready() -> bool:
    return _state == "ready"


def available() -> bool:
    """Whether a dictionary is (or can be) loaded; loads it if needed."""
    return _load() is not None


def _load():
    global _tokenizer, _state
    if _state == "ready" or _state == "missing":
        return _tokenizer
    with _lock:
        if _state in ("ready", "missing"):
            return _tokenizer
        _state = "loading"
        try:
            from sudachipy import Dictionary, SplitMode
            _tokenizer = Dictionary(dict="small").tokenizer(mode=SplitMode.A)
            _state = "ready"
        except Exception:   # not installed, or a broken wheel: surface matching still works
            _tokenizer, _state = None, "missing"
        return _tokenizer


def load_in_background(then=None) -> threading.Thread:
    """Load the dictionary in a daemon thread, then call `then()` there (e.g. to build indexes)."""
    def work() -> None:
        _load()
        if then is not None:
            then()
    thread = threading.Thread(target=work, name="navigator-dictionary", daemon=True)
    thread.start()
    return thread


# ---- analysing a text ----------------------------------------------------------------------


def analyse(text: str, deep: bool | None = None) -> Analysis:
    """The text's words and channels. deep=None: use the dictionary if it is already loaded;
    True: load it now if needed; False: surface only."""
    tokenizer = _load() if deep else (_tokenizer if deep is None and _state == "ready" else None)
    surface = _surface(text)
    if tokenizer is None:
        clauses = _spans_by_chars(text, _CLAUSE_CHARS)
        return Analysis(text, (), surface, None, None, clauses, _spans_by_chars(text, SENTENCE_CHARS))
    typed, starts, ends = _for_dictionary(text)
    with _lock:   # a sudachipy tokenizer must not be used by two threads at once
        morphemes = [(starts[m.begin()], ends[m.end() - 1], text[starts[m.begin()]:ends[m.end() - 1]],
                      m.dictionary_form(), m.normalized_form(), m.reading_form(), tuple(m.part_of_speech()),
                      m.is_oov()) for m in tokenizer.tokenize(typed) if m.end() > m.begin()]
    words, clauses, sentences = _words(text, morphemes)
    word_starts, word_ends = {w.start for w in words}, {w.end for w in words}   # once, not per character
    surface.starts = {i for i, p in enumerate(surface.origin) if p in word_starts}
    surface.ends = {i + 1 for i, p in enumerate(surface.until) if p in word_ends}
    return Analysis(text, words, surface, _channel(words, "lemma"), _channel(words, "reading"),
                    clauses, sentences, _channel(_content_words(words), "lemma"))


def _for_dictionary(text: str) -> tuple[str, list[int], list[int]]:
    """The text as the dictionary reads it best, with each character's span in the text:
    half-width katakana made full-width (ｶｲｺﾞ → カイゴ), and a text typed all in katakana
    (ﾊﾊﾉｶｲｺﾞﾃﾞﾂｶﾚﾀ) read as hiragana, since its words are not loanwords."""
    pieces, starts, ends = [], [], []
    i = 0
    while i < len(text):
        j = i + 1
        if "\uff66" <= text[i] <= "\uff9d" and j < len(text) and text[j] in "\uff9e\uff9f":
            j += 1   # ｶﾞ: the voiced mark joins its kana
        folded = unicodedata.normalize("NFKC", text[i:j]) if "\uff61" <= text[i] <= "\uff9f" else text[i:j]
        for c in folded:
            pieces.append(c)
            starts.append(i)
            ends.append(j)
        i = j
    typed = "".join(pieces)
    katakana = sum("\u30a1" <= c <= "\u30f6" for c in typed)
    if katakana >= 4 and katakana >= 0.8 * sum(is_kana(c) or "\u4e00" <= c <= "\u9fff" for c in typed):
        typed = typed.translate(_KATAKANA)
    return typed, starts, ends


def _surface(text: str) -> Channel:
    ch = Channel()
    pieces = []
    for i, c in enumerate(text):
        folded = normalize(c)
        pieces.append(folded)
        ch.origin += [i] * len(folded)
        ch.until += [i + 1] * len(folded)
    ch.text = "".join(pieces)
    return ch


def _lemma(dictionary: str, normalized: str, pos: tuple[str, ...], surface: str = "") -> str:
    if surface in ("なし", "無し", "ナシ"):
        return NEGATIVE
    if pos[0] in ("助動詞", "形容詞") and (normalized in _NEGATIVE_FORMS or dictionary in _NEGATIVE_FORMS):
        return NEGATIVE
    if normalized in _POLITE and pos[0] == "助動詞":
        return ""
    # Sudachi folds the potential into the plain verb (払える → 払う); 払えない is not 払わない,
    # so keep the dictionary form when the two differ in their ending.
    if pos[0] == "動詞" and dictionary[-1:] != normalized[-1:]:
        return normalize(dictionary)
    return normalize(normalized)


def _words(text: str, morphemes) -> tuple[tuple[Word, ...], tuple, tuple]:
    words = []
    clause = sentence = 0
    clause_start = sentence_start = 0
    clauses, sentences = [], []
    for begin, end, surf, dictionary, normalized, reading, pos, unknown in morphemes:
        if surf.strip() == "":
            boundary_char = True
        else:
            boundary_char = all(c in _CLAUSE_CHARS for c in surf)
        lemma = "" if boundary_char or pos[0] in ("補助記号", "空白") else _lemma(dictionary, normalized, pos, surf)
        words.append(Word(begin, end, surf, lemma, normalize(reading) if lemma else "", pos, clause, sentence, unknown))
        conj = pos[0] == "助詞" and pos[1] == "接続助詞" and dictionary in _CLAUSE_PARTICLES
        if boundary_char or conj or (pos[0] == "接続詞" and dictionary in _CLAUSE_PARTICLES):
            clauses.append((clause_start, end))
            clause_start, clause = end, clause + 1
        if any(c in SENTENCE_CHARS for c in surf):
            sentences.append((sentence_start, end))
            sentence_start, sentence = end, sentence + 1
    words = _fold_aru(words)
    clauses.append((clause_start, max(len(text), clause_start + 1)))
    sentences.append((sentence_start, max(len(text), sentence_start + 1)))
    return tuple(words), tuple(clauses), tuple(sentences)


def _fold_aru(words: list) -> list:
    """ありません, ありゃしない: ある before ない carries nothing (仕事もありません = 仕事もない)."""
    out = list(words)
    for i, w in enumerate(out):
        if w.lemma in ("ある", "有る"):
            following = next((x for x in out[i + 1:] if x.lemma), None)   # ありません: ます has no lemma
            if following is not None and following.negative:
                out[i] = replace(w, lemma="", reading="")
    return out


def _spans_by_chars(text: str, chars: set[str]) -> tuple[tuple[int, int], ...]:
    spans, start = [], 0
    for i, c in enumerate(text):
        if c in chars:
            spans.append((start, i + 1))
            start = i + 1
    spans.append((start, max(len(text), start + 1)))
    return tuple(spans)


def _channel(words: tuple[Word, ...], attr: str) -> Channel:
    ch = Channel()
    pieces = []
    for w in words:
        value = getattr(w, attr)
        if not value:
            continue
        ch.starts.add(len(ch.origin))
        pieces.append(value)
        ch.origin += [w.start] * len(value)
        ch.until += [w.end] * len(value)
        ch.ends.add(len(ch.origin))
    ch.text = "".join(pieces)
    return ch


def _content_words(words) -> list:
    """The words of the content channel: all but the loose particles (a も after 誰, 何 or
    another particle stays: 誰とも, 何も)."""
    kept, previous = [], None
    for w in words:
        loose = w.pos[0] == "助詞" and w.lemma in _LOOSE_PARTICLES and (w.lemma != "の" or w.pos[1] == "格助詞")
        if loose and w.lemma == "も" and previous is not None and (
                previous.pos[0] == "助詞" or previous.lemma in _INDEFINITE):
            loose = False
        if not loose:
            kept.append(w)
        if w.lemma:
            previous = w
    return kept
