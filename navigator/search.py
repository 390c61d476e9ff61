"""Free text → concerns (and obvious answers): keywords matched three ways, with the reason.

Every keyword (part) is matched as written (rapidfuzz for near misses of long ones), by its
dictionary form and, where the resident typed kana, by its reading. A keyword denied in its
clause (暴力はない) or told as history (昔は殴られていました) does not count, nor does a weak word
(`weak:` in the rules) that nothing else of its concern backs up. When no keyword matches, the
nearest example utterances propose candidates (候補), never more.

The dictionary is optional: until `ConcernMatcher.deepen()` has run (after the TUI's first
screen, in a thread), matching is by the written form only, as before.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable

from . import analysis as text_analysis, keyword_forms, slips
from .analysis import Analysis, analyse, is_kana, normalize  # noqa: F401  (normalize: public API)
from .keyindex import ONLY_SCRIPT as _ONLY_SCRIPT, Index as _Index, script as _script
from .matches import (AS_WRITTEN, CALLER, EXAMPLE, INFLECTED, NEAR, NOT_VICTIM, PARTICLE, READING, SLIP, SPELLING, WEAK,  # noqa: F401
                      _HOW_ORDER, Hit, Ignored, Match, Understanding, explain_ignored, explain_match,
                      explain_understanding, ignored_json, match_json)
from .model import Concern, Question
from .polarity import status
from .weighing import (NOT_INSIDE, abuse_or_dv, aside, at_work, by_stranger, candidates, carer_by_burden, elder_not_out,
                       asked_where, foreign_by_style, speaker, youngcarer_by_school_day)

from .slips import KANJI as _KANJI
CUTOFF = 85          # partial_ratio for a near miss: one character off in a phrase of seven or more
MIN_FUZZY_LEN = 5    # shorter keywords must appear exactly: one character is too much of them
ANCHOR = 2           # a near miss must start like the keyword (離婚したい is no match for 探したい)
TOGETHER = 90        # 夫+殴: every part in one sentence; below a whole phrase, above the cutoff
SHORT_READING = 3    # a reading this short must be a whole word (放置 is not in ほうちょう)
SLIP_READING = 3     # an IME slip (認知賞 for 認知症) is trusted from three kana of reading
LONG_READING = 5     # a reading this long is trusted inside a kana word the dictionary cut wrongly


@dataclass(frozen=True)
class _Part:
    concern: str
    keyword: str
    index: int             # which part of an A+B keyword
    count: int
    surface: str
    raw: str               # the part as written (NFKC)
    weak: bool
    lemma: str = ""
    reading: str = ""
    open_stem: bool = False


@dataclass
class _Found:
    part: int
    how: str
    span: tuple[int, int]
    score: float
    status: str | None


def _in_other_word(text: str, i: int, j: int) -> bool:
    """text[i:j] (one kanji) stands inside one of its NOT_INSIDE words."""
    for word in NOT_INSIDE.get(text[i:j], ()):
        at = text.find(word, max(0, i - len(word) + 1), j + len(word) - 1)
        if at >= 0 and at <= i and j <= at + len(word):
            return True
    return False


class ConcernMatcher:
    """Precomputes keyword forms once; `match` / `understand` run on every keystroke."""

    def __init__(self, concerns: Iterable[Concern], cutoff: int = CUTOFF, deep: bool = True):
        self.cutoff = cutoff
        self.concerns = tuple(concerns)
        self.order = {c.id: i for i, c in enumerate(self.concerns)}
        self.parts: list[_Part] = []
        normalize = _memo_normalize()   # each word is normalised up to three times below
        for concern in self.concerns:
            weak = {normalize(w) for w in concern.weak}
            for word in dict.fromkeys((concern.label, *concern.keywords, *concern.weak)):
                raws = unicodedata.normalize("NFKC", word).split("+")
                if len(raws) > 1 and not all(normalize(r) for r in raws):
                    raws = [unicodedata.normalize("NFKC", word)]
                if not all(normalize(r) for r in raws):
                    continue
                for i, raw in enumerate(raws):
                    self.parts.append(_Part(concern.id, word, i, len(raws), normalize(raw), raw,
                                            normalize(word) in weak))
        self.surface = _Index(p.surface for p in self.parts)
        self.weak = {(p.concern, p.keyword) for p in self.parts if p.weak}
        # parts that begin or end in katakana or latin letters: checked for word edges
        self.scripted = {i for i, p in enumerate(self.parts) if _script(p.raw.lower()[:1]) or _script(p.raw.lower()[-1:])}
        self.anchored: dict[str, list[int]] = {}   # first ANCHOR characters → long whole keywords
        for i, p in enumerate(self.parts):
            if p.count == 1 and len(p.surface) >= MIN_FUZZY_LEN:
                self.anchored.setdefault(p.surface[:ANCHOR], []).append(i)
        self.lemma: _Index | None = None
        self.reading: _Index | None = None
        self.long_reading: _Index | None = None
        self.content: _Index | None = None
        self.slips: dict[str, list[int]] = {}
        self._examples = self._fallback = None
        if deep:
            self.deepen()

    @property
    def examples(self):
        """The example index, built on first need (150 ms for 200 examples): a text whose
        keywords match never needs it. None before the dictionary is loaded."""
        if self._examples is None and self.deep:
            from .examples import Example, ExampleIndex
            self._examples = ExampleIndex(Example(c.id, e) for c in self.concerns for e in c.examples)
        return self._examples if self.deep else None

    @property
    def fallback(self):
        """The examples the nearest-example fallback looks in: common.yaml's and rules/examples/
        (the latter never back a weak word: so many would back nearly any)."""
        if self._fallback is None and self.deep:
            from .examples import Example, ExampleIndex
            more = [Example(c.id, e) for c in self.concerns for e in c.more_examples]
            self._fallback = ExampleIndex([*self.examples.examples, *more]) if more else self.examples
        return self._fallback if self.deep else None

    # ---- the dictionary's part, built once it is loaded --------------------------------------

    @property
    def deep(self) -> bool:
        return self.lemma is not None

    def deepen(self) -> bool:
        """Analyse every keyword and index the examples (needs the dictionary; loads it).
        Returns False, and keeps matching by the written form, without sudachipy."""
        if self.deep:
            return True
        if not text_analysis.available():
            return False
        forms = keyword_forms.keywords_forms(p.raw for p in self.parts)
        parts = []
        for p in self.parts:
            lemma, reading, open_stem = forms[p.raw]
            parts.append(_Part(p.concern, p.keyword, p.index, p.count, p.surface, p.raw, p.weak,
                               lemma, reading, open_stem))
        self.parts = parts
        self.reading = _Index(p.reading for p in parts)
        self.long_reading = _Index(p.reading if len(p.reading) >= LONG_READING else "" for p in parts)
        self.slips = slips.masks(p.raw for p in parts)   # 滞能 for 滞納: an unknown word one kanji off
        # 仕事がない also as 仕事もない: only keywords whose particles make a difference
        self.content = _Index(c if (c := keyword_forms.content_form(p.raw)) != p.lemma else "" for p in parts)
        self.lemma = _Index(p.lemma for p in parts)   # last: `deep` is true once all is ready
        return True

    # ---- matching ----------------------------------------------------------------------------

    def match(self, text: str, limit: int | None = None) -> list[Match]:
        matches = list(self.understand(text).matches)
        return matches[:limit] if limit else matches

    def understand(self, text: str, exclude_example: str | None = None) -> Understanding:
        if len(normalize(text)) < 2:
            return Understanding((), ())
        a = analyse(text, deep=None if self.deep else False)
        if self.deep and not a.deep:   # the dictionary was loaded by someone else meanwhile
            a = analyse(text, deep=True)
        found = self._find(a)
        hits, ignored = self._keywords(a, found)
        by_concern: dict[str, list[Hit]] = {}
        for h in hits:
            by_concern.setdefault(h.concern, []).append(h)
        weak_alone: dict[str, list[Hit]] = {}
        ignored += self._weak(a, by_concern, weak_alone)
        ignored += at_work(a, by_concern, self.order)
        ignored += by_stranger(a, by_concern, self.order)
        ignored += abuse_or_dv(a, by_concern, self.order)
        ignored += aside(a, by_concern)
        ignored += youngcarer_by_school_day(a, by_concern, self.order)
        foreign_by_style(a, by_concern, self.order)
        carer_by_burden(a, by_concern, self.order)
        ignored += asked_where(a, by_concern)   # after every rule that adds a concern
        ignored += elder_not_out(a, by_concern)
        matches = [self._match(c, hs) for c, hs in by_concern.items()]
        matches.sort(key=lambda m: (-m.score, -len(m.matched), self.order[m.concern]))
        if not matches and self.fallback is not None:
            matches = candidates(self.fallback, a, exclude_example)
        if not matches and weak_alone:   # nothing else at all: the weak word, as a candidate
            matches = [replace(self._match(c, hs), candidate=True) for c, hs in weak_alone.items()]
        return Understanding(tuple(matches), tuple(ignored), a)

    def _find(self, a: Analysis) -> list[_Found]:
        found: list[_Found] = []
        ch = a.surface
        for i, j, part in self.surface.occurrences(ch.text):
            if (part not in self.scripted or self._script_ok(a, i, j, part)) and not _in_other_word(ch.text, i, j):
                found.append(_Found(part, AS_WRITTEN, ch.span(i, j), 100.0, None))
        found += self._near(a, {f.part for f in found})
        if a.deep and self.deep:
            seen = {(f.part, f.span[0]) for f in found}
            for index, how, channel in ((self.lemma, INFLECTED, a.lemma), (self.content, PARTICLE, a.content),
                                        (self.reading, READING, a.reading)):
                for i, j, part in index.occurrences(channel.text, channel.starts):
                    span = channel.span(i, j)
                    kind = None if (part, span[0]) in seen else self._edges_ok(a, channel, i, j, part, how)
                    if kind is None:
                        continue
                    seen.add((part, span[0]))
                    if kind == INFLECTED and not any(w.pos[0] in ("動詞", "形容詞", "助動詞") for w in a.words_in(*span)):
                        kind = SPELLING   # 障碍 for 障害, 子ども for 子供: another spelling, same word
                    found.append(_Found(part, kind, span, 100.0, None))
            found += [_Found(part, SLIP, span, 100.0, None) for part, span in slips.found(a, self.slips, seen)]
            found += self._kana_inside(a, seen)
        for f in found:
            f.status = status(a, *f.span, open_stem=self.parts[f.part].open_stem)
        return found

    def _kana_inside(self, a: Analysis, seen: set) -> list[_Found]:
        """ははがにんちしょうで: in text typed all in kana the dictionary cuts words wrongly (がに|ん|ち),
        so a long reading (にんちしょう) counts inside a word too, where every character is kana."""
        ch, found = a.reading, []
        for i, j, part in self.long_reading.occurrences(ch.text):
            if i in ch.starts:
                continue
            span = _inside(ch, i, j)
            if (part, span[0]) in seen or not all(is_kana(c) or c.isspace() for c in a.text[span[0]:span[1]]):
                continue
            seen.add((part, span[0]))
            found.append(_Found(part, READING, span, 100.0, None))
        return found

    def _script_ok(self, a: Analysis, i: int, j: int, part: int) -> bool:
        """ニート is not in にとって, DV not in DVD, パート(を探) not in アパート(を探): a keyword
        that begins or ends with katakana or latin letters must begin or end there as a word,
        and one written only in them must be typed in them."""
        raw = self.parts[part].raw.lower()
        start, end = a.surface.span(i, j)
        typed = unicodedata.normalize("NFKC", a.text[start:end]).lower()
        if _ONLY_SCRIPT.match(raw) and not all(_script(c) == _script(raw[0]) for c in typed if c != "ー"):
            return False
        before = unicodedata.normalize("NFKC", a.text[start - 1:start]).lower() if start else ""
        after = unicodedata.normalize("NFKC", a.text[end:end + 1]).lower()
        if _script(raw[0]) and before and _script(before) == _script(raw[0]):
            return False
        return not (_script(raw[-1]) and after and _script(after) == _script(raw[-1]))

    def _edges_ok(self, a: Analysis, channel, i: int, j: int, part: int, how: str) -> str | None:
        """How the occurrence matched, or None when it does not count."""
        p = self.parts[part]
        if how in (INFLECTED, PARTICLE):   # クビ is not 首, ニート not 似と: loanwords match as typed or read
            return how if j in channel.ends and not _ONLY_SCRIPT.match(p.raw.lower()) else None
        start, end = channel.span(i, j)
        typed = a.text[start:end]
        if all(is_kana(c) or c.isspace() for c in typed):
            return how if j in channel.ends or len(p.reading) > SHORT_READING else None
        # 地震 typed in kanji is not 自信: a kanji word read like a keyword counts only as a slip
        # of the IME that kept part of it (認知賞 for 認知症, 滞能 for 滞納), whole words only
        kanji = {c for c in p.raw if _KANJI.match(c)}
        words = a.words_in(start, end)
        if len(words) == 1 and not words[0].unknown:   # 休職 is a word of its own, not 求職 mistyped
            return None
        if (kanji and j in channel.ends and len(p.reading) >= SLIP_READING and 2 * len(set(typed) & kanji) >= len(kanji)
                and len(_KANJI.sub("", typed)) == len(_KANJI.sub("", p.raw))):
            return SLIP
        return None

    def _near(self, a: Analysis, exact: set[int]) -> list[_Found]:
        """Long whole keywords one character off (rapidfuzz), as before the dictionary."""
        query = a.surface.text
        candidates = {i for s in range(len(query) - ANCHOR + 1)
                      for i in self.anchored.get(query[s:s + ANCHOR], ())} - exact
        if not candidates:
            return []
        from rapidfuzz import fuzz  # imported on the first keystroke: 7 ms off every start

        found = []
        for i in sorted(candidates):
            key = self.parts[i].surface
            al = fuzz.partial_ratio_alignment(key, query, score_cutoff=self.cutoff)
            if not al:
                continue
            score = al.score * min(1.0, len(query) / len(key))
            if score >= self.cutoff and al.dest_end > al.dest_start:
                start, end = _closest_window(key, query, al.dest_start, al.dest_end)
                found.append(_Found(i, NEAR, a.surface.span(start, end), score, None))
        return found

    def _keywords(self, a: Analysis, found: list[_Found]) -> tuple[list[Hit], list[Ignored]]:
        by_keyword: dict[tuple[str, str], list[_Found]] = {}
        for f in found:
            p = self.parts[f.part]
            by_keyword.setdefault((p.concern, p.keyword), []).append(f)
        hits, ignored = [], []
        for (concern, keyword), fs in by_keyword.items():
            count = self.parts[fs[0].part].count
            chosen = _together(a, fs, count, self.parts)
            if chosen:
                best = min(chosen, key=lambda f: _HOW_ORDER[f.how])
                how = best.how if count == 1 else min((f.how for f in chosen), key=_HOW_ORDER.get)
                score = max(f.score for f in chosen) if count == 1 else TOGETHER
                spans = tuple(sorted({f.span for f in chosen}))
                hits.append(Hit(concern, keyword, how, spans, tuple(a.text[s:e] for s, e in spans), score))
            elif _together(a, fs, count, self.parts, any_status=True):
                bad = [f for f in fs if f.status]
                spans = tuple(sorted({f.span for f in bad}))
                ignored.append(Ignored(concern, keyword, tuple(a.text[s:e] for s, e in spans), spans,
                                       bad[0].status))
        return hits, ignored

    def _weak(self, a: Analysis, by_concern: dict[str, list[Hit]], alone: dict[str, list[Hit]]) -> list[Ignored]:
        """A concern found only through weak words (全部, 悩み), or only in the caller's own
        introduction (保育園です。), counts only when an example backs it; alone in the text, it
        stays as a candidate (候補) for staff to confirm."""
        intro = speaker(a.text)
        said_by = (lambda h: all(intro[0] <= s and e <= intro[1] for s, e in h.spans)) if intro else (lambda h: False)
        weak = [c for c, hs in by_concern.items() if all(self._is_weak(h) or said_by(h) for h in hs)]
        dropped = []
        for concern in weak:
            near = self.examples.support(a, concern) if self.examples is not None else None
            own = {w.lemma for h in by_concern[concern] for s, e in h.spans for w in a.words_in(s, e)}
            if near and any(not any(o and o in t for o in own) for t in near.shared):
                continue   # backed by an example through other words than the weak one itself
            hits = by_concern.pop(concern)
            dropped += [Ignored(concern, h.keyword, h.words, h.spans, WEAK if self._is_weak(h) else CALLER) for h in hits]
            alone[concern] = hits
        return dropped

    def _is_weak(self, hit: Hit) -> bool:
        return (hit.concern, hit.keyword) in self.weak

    def _match(self, concern: str, hits: list[Hit]) -> Match:
        return Match(concern, round(max(h.score for h in hits)), tuple(dict.fromkeys(h.keyword for h in hits)),
                     tuple(sorted(hits, key=lambda h: h.spans)))

def _memo_normalize():
    """normalize, remembering each text's result for one index build (a keyword recurs)."""
    return lru_cache(maxsize=None)(normalize)


@lru_cache(maxsize=4)
def _shared_matcher(concerns: tuple[Concern, ...]) -> "ConcernMatcher":
    return ConcernMatcher(concerns)


def matcher_for(concerns: Iterable[Concern]) -> "ConcernMatcher":
    """One matcher per set of concerns, for callers that route many texts with the same rules."""
    return _shared_matcher(tuple(concerns))


def _inside(ch, i: int, j: int) -> tuple[int, int]:
    """The text span of reading characters i:j, to the character where a kana word reads one
    character per character (が|にんちしょう, not the whole がに)."""
    start, end = ch.span(i, j)
    first = max(s for s in ch.starts if s <= i) if ch.starts else i
    last = min((e for e in ch.ends if e >= j), default=j)
    if ch.until[last - 1] - ch.origin[first] == last - first:   # one text character per reading character
        return ch.origin[first] + (i - first), ch.origin[first] + (j - first)
    return start, end


def _together(a: Analysis, fs: list[_Found], count: int, parts: list[_Part], any_status: bool = False) -> list[_Found]:
    """The occurrences that make the keyword: any affirmed one; for A+B, every part affirmed in
    one sentence (the first such sentence)."""
    ok = [f for f in fs if any_status or f.status is None]
    if count == 1:
        return ok[:1] if ok else []
    by_sentence: dict[int, dict[int, _Found]] = {}
    for f in ok:
        by_sentence.setdefault(a.sentence_at(f.span[0]), {}).setdefault(parts[f.part].index, f)
    for chosen in by_sentence.values():
        if len(chosen) == count:
            return list(chosen.values())
    return []


def infer_answers(text: str, questions: Iterable[Question]) -> dict[str, str]:
    """Answers the text states plainly: exactly one option of a question has a keyword in it."""
    query = normalize(text)
    answers = {}
    for q in questions:
        hits = [o.value for o in q.options if any(normalize(k) and normalize(k) in query for k in o.keywords)]
        if len(hits) == 1:
            answers[q.id] = hits[0]
    return answers


def _closest_window(key: str, query: str, start: int, end: int) -> tuple[int, int]:
    """The span one character off `key`, near rapidfuzz's window: its window has the key's length
    and, on a tie, is the leftmost, so 同じことを何回 in 「…なって同じことを何度も」 was shown as
    「て同じことを何」. Of the windows one character wider, narrower or shifted, the one fewest
    edits from the key (then the key's length, then rapidfuzz's own)."""
    from rapidfuzz.distance import Levenshtein

    spans = {(start, end)} | {(s, e) for s in (start - 1, start, start + 1) for e in (end - 1, end, end + 1)
                              if 0 <= s < e <= len(query) and e - s >= len(key) - 1}
    return min(spans, key=lambda se: (Levenshtein.distance(key, query[se[0]:se[1]]), abs(se[1] - se[0] - len(key)),
                                      se != (start, end)))
