"""Danger in the resident's own words, found before and regardless of concerns (rules/danger.yaml).

A text is cut into sentences and normalised as concern matching does (danger_cues.normalize).
A cue counts unless it stands inside a harmless word (今の職場, 自殺予防), is denied or
exaggerated a few kana after it (死にたいとかではない, 殺されるかと思うくらい), or the nearest
time word before it is one of the past (昔は殴られていた). A `now_cue` counts only when that
nearest time word says now (今, さっき, 今夜). Runs on every keystroke: a few hundred str.find.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from . import danger_examples, danger_lemma, danger_letters, danger_words
from .danger_cues import WORD_GAP, Compiled, Cue, compiled_for, compiled_with, find_spans, normalize
from .danger_found import NO_DANGER, Danger, Hit

if TYPE_CHECKING:   # the model is not imported for an Intake: the TUI's first screen holds one
    from .model import DangerRules

_PARTICLES = set("でにはもがをとへやねよ")
NEAR = 2               # the parts of A+B may stand up to this many sentences before the last one
_SENTENCE = re.compile(r"[。．！!？?\n]+")
_CLAUSE = re.compile(r"[、，,]+")
_BOUNDARY = "\x00"    # kept between clauses: a denial never reaches back over 、
NOW, PAST, RECENT = "now", "past", "recent"
_OKURI = re.compile("[ぁ-ゖ]{0,2}")   # a verb's ending after its kanji
# Before a cue in its clause, a denial after it says how much, not whether (こんなに殴られたことはない)
# Just after a cue: going on as told (包丁を持ってる, 暴れています, 叫んでる; 持つ|て|居る on dictionary forms)
_ONGOING = re.compile(r"(?:っ|ん)?[てで](?:る|いる|いま|ます)|\|(?:て\|居る|で\|居る|てる|でる)")
HARMLESS_PHRASE = 4    # letters: a harmless word this long is a phrase the weighings do not read
SHORT_HARMLESS = 3     # kana letters: a harmless word this short is one word, not a phrase
HABIT_REACH = 8        # a habitual word this many letters after a cue, in its clause, tells how it was said (殺すってメール)
_LIKENESS = re.compile(r"\|?(?:みたい|みたく|っぽ)|\|?の\|?(?:よう|様)\|?(?:な|に|だ)")   # ドラマみたいな話, 映画のような: a likeness, not a story
_CONTRAST = ("けど", "けれど", "けれども", "が", "のに", "ものの", "だが")   # a clause ending so turns to what is so now
_INTENSE = re.compile(r"こんな|あんな|ここまで|これほど|あれほど|此処\|まで|此れ\|ほど|彼\|程|あれ\|ほど")


def _is_kana(ch: str) -> bool:
    return "ぁ" <= ch <= "ゖ" or "ァ" <= ch <= "ヺ" or ch == "ー"





# ---- detection ----------------------------------------------------------------------


def detect(rules: DangerRules, text: str) -> Danger:
    """The kinds of danger the text shows, and the cues that showed them."""
    if not rules.kinds or not text.strip():
        return NO_DANGER
    from . import analysis

    compiled = compiled_for(rules, text)
    raw = _SENTENCE.split(text)
    folded = [_folded(t) for t in raw]
    passes = [(compiled, _sentences(compiled, folded))]
    analysed = analysis.analyse(text) if analysis.ready() else None
    if analysed is not None:   # the `~` cues, on the words' dictionary forms
        lemma = compiled_with(rules, False, 5, True)
        passes.append((lemma, _sentences(lemma, danger_lemma.sentences(text, _BOUNDARY, analysed))))
        joined = danger_lemma.despaced(text)   # half-width kana the analysis folds itself
        if joined:
            passes.append((lemma, _sentences(lemma, danger_lemma.sentences(joined, _BOUNDARY))))
    hits: list[Hit] = []
    alone: list[Hit] = []
    for each, sentences in passes:
        found = {h.kind for h in hits}   # a kind the words showed as written needs no lemma cue
        present = frozenset().union(*(s.present for s in sentences))   # most cues end in no word here
        for kind, cues, (history, now_only) in each.kinds:
            for cue in cues if kind not in found else ():
                if cue.keys[-1].isdisjoint(present):
                    continue
                fired = next((f for f in (s.fires(cue, history, now_only) for s in sentences) if f), None)
                if fired:
                    (alone if cue.mode == "alone" else hits).append(Hit(kind, *fired))
    hits = _not_by_others(rules, hits, passes[0][1])
    if not hits:   # words no cue thought of: the nearest example's kind, else the kind their words
        hits = _fallbacks(rules, analysed, passes, raw, folded)   # or letters lean to
    if not hits:
        hits = alone  # 助けて alone still means danger; beside a clearer cue it adds nothing
    hits = [h for h in dict.fromkeys(hits)  # 首をつか says nothing once 首をつかまれ is shown
            if not any(o.kind == h.kind and o.cue != h.cue and h.cue in o.cue for o in hits)]
    kinds = tuple(k for k, _, _ in compiled.kinds if any(h.kind == k for h in hits))
    return Danger(_in_order(rules, kinds, hits, passes[0][1]), tuple(hits))


def _fallbacks(rules: DangerRules, analysed, passes, raw: list[str], folded) -> list[Hit]:
    """The nearest example, the weighing of words (both need the dictionary), then of letters;
    none of the weighings once a cue was denied (殴られてへん: 殴る weighs nothing)."""
    every = [s for _, sentences in passes for s in sentences]
    written = passes[0][1]
    cancelled = _cancelled(rules, every, written)
    denied = any(s.denial for s in every)
    hits: list[Hit] = []
    told = _told(raw, folded, written)
    plain = [_unharmed(rules, t) for t in told]   # ガスの火をつけっぱなし: 火・つける weigh nothing there
    if analysed is not None:
        analysed = _without_stories(analysed, raw, folded, written)
        if analysed and plain != told:
            from . import analysis
            analysed = analysis.analyse("。".join(t for t in plain if t.strip()))
        hits = _by_example(rules, analysed, cancelled) if analysed else []
        if not hits and analysed and not denied:
            hits = _by_words(rules, analysed, cancelled, written)
    if not hits and not denied:
        hits = _by_letters(rules, cancelled, written, plain)
    return hits


def _unharmed(rules: DangerRules, sentence: str) -> str:
    """The sentence as written without its harmless phrases (masked for the cues too); short or
    kana ones (今の, 今度, いません) stay: they also tell the time or deny, and the weighings read it."""
    for word in _phrases(rules):
        if word in sentence:
            sentence = sentence.replace(word, "、")
    return sentence


@lru_cache(maxsize=4)
def _phrases(rules: DangerRules) -> tuple[str, ...]:
    return tuple(w for w in rules.harmless if len(w) >= HARMLESS_PHRASE and not all(_is_kana(ch) for ch in w))


def _by_letters(rules: DangerRules, cancelled: frozenset[str], written: list[_Sentence], told: list[str]) -> list[Hit]:
    """The kind the runs of letters of the sentences that are not a story lean to (danger_letters),
    unless it needs a word the text does not name. Weighed as written, as the sentences it learnt from."""
    weights = danger_letters.letters(rules)
    text = "。".join(told)
    found = weights.weigh(text, cancelled) if weights and text.strip() else None
    return [Hit(*found)] if found and _named(rules.kind(found[0]), written) else []


def _not_by_others(rules: DangerRules, hits: list[Hit], written: list[_Sentence]) -> list[Hit]:
    """Without the hits of a kind whose harm the text puts on someone else (息子に首を絞められた,
    naming no partner: not DV, the lines of the other kinds come first)."""
    others = {h.kind for h in hits if (k := rules.kind(h.kind)) and k.not_by
              and _names(written, k.not_by) and not _names(written, k.needs)}
    return [h for h in hits if h.kind not in others] if others else hits


def _named(kind, written: list[_Sentence]) -> bool:
    """The text names one of the people the kind needs (a child's danger names a child)."""
    return kind is not None and (not kind.needs or _names(written, kind.needs))


def _names(written: list[_Sentence], groups: tuple[str, ...]) -> bool:
    """A word of one of these word groups stands in the text."""
    words = written[0].compiled.groups if written else {}
    return any(_said(written, [n for n, _ in words.get(g, ())]) for g in groups)


def _without_stories(analysed, raw: list[str], folded: list[tuple[str, frozenset[int]]], kept: list[_Sentence]):
    """The analysis of the sentences that are not about a film or the news (映画で主人公が屋上から…):
    the examples and the weighing see what the cues see. Analysed again only when a story was told."""
    from . import analysis

    told = _told(raw, folded, kept)
    if len(told) == len(raw):
        return analysed
    rest = "。".join(t for t in told if t.strip())
    return analysis.analyse(rest) if rest else None


def _told(raw: list[str], folded: list[tuple[str, frozenset[int]]], kept: list[_Sentence]) -> list[str]:
    """The sentences as written, without those about a film or the news (no cue looked in them)."""
    texts = {s.text for s in kept}
    return [t for t, (f, _) in zip(raw, folded) if f in texts or not f.strip(_BOUNDARY)]


def _in_order(rules: DangerRules, kinds: tuple[str, ...], hits: list[Hit], sentences: list[_Sentence]) -> tuple[str, ...]:
    """The kinds in the rules' order, except that a kind whose lines would wrongly come first goes
    after the others: a kind that yields to recent, told only as recent or past (昨日首を絞められた:
    DV first), or yields to over, once the text says it is over (彼はもう出て行った: 119 for the
    bleeding first), or yields to reported, when the words are someone's written or said and not told
    as now (ノートに『飛び降りる日を決めた』と書いてありました: the crisis lines first), or yields to habitual,
    when every cue that showed it is told as happening again and again or as words said or sent, not
    as now or going on (元夫から「殺す」とメールが来る: the DV lines first, 110 right after); and a kind shown
    only by parts in different clauses (子どもを連れて、夫に殴られ: DV, not the child) beside a kind
    whose words stand together. Nothing is dropped: every kind's lines stay on the screen."""
    if len(kinds) < 2:
        return kinds
    compiled = sentences[0].compiled if sentences else None
    over, reported = (_said(sentences, compiled.over), _said(sentences, compiled.reported)) if compiled else (False, False)
    def later(kind_id: str) -> bool:
        own = [h for h in hits if h.kind == kind_id]
        rule = rules.kind(kind_id)
        if rule and (("over" in rule.yields and over)
                     or ("recent" in rule.yields and all(h.when in (RECENT, PAST) for h in own))
                     or ("reported" in rule.yields and reported and all(h.when != NOW for h in own))
                     or ("habitual" in rule.yields and all(h.habit and h.when != NOW for h in own))):
            return True
        return all(h.apart for h in own) and any(not h.apart and "+" in h.cue for h in hits if h.kind != kind_id)
    return tuple(sorted(kinds, key=later))


def _by_example(rules: DangerRules, analysed, cancelled: frozenset[str]) -> list[Hit]:
    """The nearest example's kind, shown by the example, unless the text's time words cancel it."""
    found = danger_examples.nearest(rules, analysed, cancelled)
    return [Hit(found[0], danger_examples.shown(found[1].example.text))] if found else []


def _by_words(rules: DangerRules, analysed, cancelled: frozenset[str], written: list[_Sentence]) -> list[Hit]:
    """The kind the text's words lean to together (danger_words), shown by those words, unless it
    needs a word the text does not name (叩く・痣 lean to a child's danger; 父が叩かれ names no child)."""
    weights = danger_words.weights(rules)
    found = weights.weigh(analysed, cancelled) if weights else None
    return [Hit(*found)] if found and _named(rules.kind(found[0]), written) else []


def _said(sentences: list[_Sentence], words) -> bool:
    """One of the (normalised) words stands in one of the sentences, outside any harmless word."""
    return any(s._spans(w) for s in sentences for w in words)


def _cancelled(rules: DangerRules, sentences: list[_Sentence], written: list[_Sentence]) -> frozenset[str]:
    """The kinds the text's time words cancel, as they would the kinds' cues: told as past, or as
    recent for a now_only kind (none when a word says now); every kind when told as over."""
    times = {kind for s in sentences for _, kind in s.times}
    if _told_ended(written):
        return frozenset(k.id for k in rules.kinds)
    return frozenset() if NOW in times else frozenset(
        k.id for k in rules.kinds if (PAST in times and not k.history) or (RECENT in times and k.now_only))


def _told_ended(sentences: list[_Sentence]) -> bool:
    """Told as past and then as over (学生の頃に…時期がありますが、もう何年もしていません), with no now
    after that but a topic (今日は奨学金のことで)."""
    over = [(i, s) for i, sentence in enumerate(sentences) for w in sentence.compiled.ended for s, _ in sentence._spans(w)]
    if not over or not any(kind == PAST for s in sentences for _, kind in s.times):
        return False
    last = max(over)
    return not any((i, s) > last for i, sentence in enumerate(sentences) for s in sentence.now_said)


def _sentences(compiled: Compiled, folded: list[tuple[str, frozenset[int]]]) -> list[_Sentence]:
    """The sentences to look in, each knowing its neighbours (fiction left out: 映画で刺される場面)."""
    sentences = [_Sentence(compiled, *f) for f in folded]
    sentences = [s for s in sentences if s.text.strip(_BOUNDARY) and not s.story]
    for i, sentence in enumerate(sentences):
        sentence.before = sentences[i - 1] if i else None
        sentence.after = sentences[i + 1] if i + 1 < len(sentences) else None
        sentence.near = sentences[max(0, i - NEAR):i + 1]
    for sentence in sentences:   # every cue word in reach, found once: most cues are skipped
        sentence.reach = frozenset().union(*(s.present for s in sentence.near))
    return sentences


def _folded(sentence: str) -> tuple[str, frozenset[int]]:
    """The sentence normalised as concern matching does, clauses kept apart by _BOUNDARY, and
    where each word the resident spaced apart starts (いま in わからないまま is not 今)."""
    clauses, starts, at = [], set(), 0
    for clause in _CLAUSE.split(sentence):
        pieces = _english_apart([normalize(p) for p in clause.split()])
        starts.add(at)
        for piece in pieces:
            starts.add(at)
            at += len(piece)
        clauses.append("".join(pieces))
        at += len(_BOUNDARY)
    return _BOUNDARY.join(clauses), frozenset(starts)


def _english_apart(pieces: list[str]) -> list[str]:
    """The pieces, a WORD_GAP before each English word that follows another (my husband hit me)."""
    return [WORD_GAP + p if i and p[:1].isascii() and p[:1].isalpha() and pieces[i - 1][-1:].isascii()
            and pieces[i - 1][-1:].isalpha() else p for i, p in enumerate(pieces)]


class _Sentence:
    before: "_Sentence | None" = None
    after: "_Sentence | None" = None
    near: "list[_Sentence]" = []

    def __init__(self, compiled: Compiled, text: str, starts: frozenset[int] = frozenset()):
        self.compiled, self.text = compiled, text
        self.starts = starts if compiled.lemma else None   # lemma sentences: whole words only
        self.seen: dict[str, list[tuple[int, int]]] = {}
        self.word_starts = starts
        self.present = compiled.present(text)
        self.reach = self.present
        self.denial = False   # a cue here was denied (殴られてへん): its words weigh nothing either

    @cached_property
    def masks(self) -> list[tuple[int, int]]:
        """The harmless words' spans, found only for sentences a cue looks at (most are not)."""
        spans = [span for w in self.compiled.harmless for span in find_spans(self.text, w)]
        if self.compiled.lemma:   # バチを叩 covers the whole word ばち|を|叩く|
            spans = [(s, self.text.find(danger_lemma.BAR, e - 1) + 1 or e) for s, e in spans]
        else:                     # and 太鼓を叩 its ending as written (太鼓を叩く, 叩かれ; 手紙がきて|る)
            spans = [(s, e + len(_OKURI.match(self.text, e).group()))
                     if not _is_kana(self.text[e - 1]) or self.text[e - 1] == "て" else (s, e) for s, e in spans
                     if not self._across_words(s, e)]
        return spans

    def _across_words(self, start: int, end: int) -> bool:
        """A short kana harmless word over words the resident spaced apart (いま だんなさん is not
        いまだ; a longer one is a phrase typed in pieces: しんせい しょるい)."""
        return (end - start <= SHORT_HARMLESS and all(_is_kana(ch) for ch in self.text[start:end])
                and any(start < w < end for w in self.word_starts))

    @cached_property
    def _time_words(self) -> list[tuple[int, int, str]]:
        """(start, end, what it says) of each time word; a word overlapping one that starts
        earlier (or as early and is longer) says nothing of its own (前は in この前は is recent)."""
        spans = sorted([(s, -e, NOW) for w in self.compiled.now for s, e in self._word_spans(w)]
                       + [(s, -e, PAST) for w in self.compiled.past for s, e in self._word_spans(w)]
                       + [(s, -e, RECENT) for w in self.compiled.recent for s, e in self._spans(w)])   # たことがある: an ending
        kept, reach = [], -1
        for start, end, kind in spans:
            if start >= reach:
                kept.append((start, -end, kind))
            reach = max(reach, -end)
        return kept

    @cached_property
    def times(self) -> list[tuple[int, str]]:
        return [(s, kind) for s, _, kind in self._time_words]

    @cached_property
    def now_said(self) -> frozenset[int]:
        """Where a now word stands that is not only a topic (今日は…のことで: 今日 says nothing of
        danger; 今|は on the dictionary forms too)."""
        return frozenset(s for s, e, kind in self._time_words
                         if kind == NOW and not self.text[e:e + 2].lstrip(danger_lemma.BAR).startswith("は"))

    def now_topic(self, start: int) -> bool:
        """A now word at start that is only its sentence's topic (…。今日は家計の相談に来ました); 今は
        is not: it tells what is so now (…。今は押し入れに隠れています)."""
        return any(s == start and kind == NOW and s not in self.now_said
                   and self.text[s:e].strip(danger_lemma.BAR) not in ("今", "いま") for s, e, kind in self._time_words)

    @property
    def story(self) -> bool:
        """About a film, the news or a joke (映画で刺される場面), unless the fiction word only says
        what it is like (ドラマみたいな話で) or the sentence says it is real (冗談じゃなくて)."""
        told = any(not _LIKENESS.match(self.text, e) for w in self.compiled.fiction for _, e in self._spans(w))
        return told and not any(self._spans(w) for w in self.compiled.real)

    def ended_after(self, end: int) -> bool:
        """An ended word after the cue, in this sentence or the next (…性被害にあって、今は落ち着いています)."""
        return (any(s >= end for w in self.compiled.ended for s, _ in self._spans(w))
                or bool(self.after and any(self.after._spans(w) for w in self.compiled.ended)))

    def again_after(self, end: int) -> bool:
        """A word saying it has come back after the cue, in this sentence or the two next."""
        words = self.compiled.again
        later = [s for s in (self.after, self.after and self.after.after) if s]
        return bool(words) and (any(s >= end for w in words for s, _ in self._spans(w))
                                or any(s._spans(w) for s in later for w in words))

    def _word_spans(self, word: str) -> list[tuple[int, int]]:
        """A time word written in kana only counts where a word starts, or after a particle
        (家でいま): not いま in わからないまま."""
        spans = self._spans(word)
        if all("ぁ" <= ch <= "ゖ" for ch in word):
            spans = [(s, e) for s, e in spans if s in self.word_starts or self.text[s - 1] in _PARTICLES]
        return spans

    def _spans(self, word: str) -> list[tuple[int, int]]:
        """Where the word stands, outside any harmless word that covers it (kept: a group word
        such as 夫 is looked up for many cues)."""
        found = self.seen.get(word)
        if found is None:
            found = self.seen[word] = [(s, e) for s, e in find_spans(self.text, word)
                                       if (self.starts is None or s in self.starts)
                                       and not any(ms <= s and e <= me for ms, me in self.masks)]
        return found

    def fires(self, cue: Cue, history: bool = False, now_only: bool = False) -> tuple[str, str | None, bool, bool] | None:
        """The cue as the resident's words matched it (夫+暴れ for @partner+暴れ), the time word
        that placed it, whether its parts stand in different clauses and whether it is told as habitual; or None."""
        if not cue.keys[-1] & self.present or not all(keys & self.reach for keys in cue.keys[:-1]):
            return None
        found = []
        for index, part in enumerate(cue.parts):
            last = index == len(cue.parts) - 1   # the other parts may stand in the sentences just before
            where = [self] if last else self.near
            present = [(written, span, s) for s in where for norm, written in part for span in s._spans(norm)]
            if not present:
                return None
            found.append(present)
        for written, (start, end), _ in found[-1]:
            if self._denied(end) and not self._intense(start):
                self.denial = True
                continue
            when = self._time(start)
            if when in (PAST, RECENT) and _ONGOING.match(self.text, end) and not self._timed_in_clause(start):
                when = None   # 去年家を出たけど、元夫が住所を探し回ってる: going on now, not when the other clause was
            if when == PAST and self.again_after(end):
                when = None   # 昔、自殺未遂を…でも最近また同じ気持ちが戻ってきて: told as past, come back now
            if ((when == PAST and (not history or self.ended_after(end))) or (when == RECENT and now_only)
                    or (cue.mode == "now" and when != NOW)):
                continue
            apart = any(where is not self or self._apart(span, (start, end)) for present in found[:-1]
                        for _, span, where in present[:1])
            return self._shown(found[:-1], written, start, end), when, apart, self._habitual(start, end)
        return None

    def _shown(self, before: list, written: str, start: int, end: int) -> str:
        """包丁を持 when the parts stand together (@weapon+持), else 夫+暴れ."""
        if len(before) == 1 and not self.compiled.lemma:
            close = [(s, e) for _, (s, e), where in before[0] if where is self and 0 <= start - e <= 3]
            if close:
                return self.text[close[0][0]:end].replace("―", "ー")   # the long vowel kept (danger_cues)
        return "+".join([*(present[0][0] for present in before), written])

    def _apart(self, part: tuple[int, int], last: tuple[int, int]) -> bool:
        """The part stands in another clause than the cue's last word, and that clause goes on
        after it (子どもを連れて、夫に殴られ), so it is not the topic (うちの子、夫が叩く)."""
        if _BOUNDARY not in self.text[min(part[1], last[1]):max(part[0], last[0])]:
            return False
        rest = self.text[part[1]:].split(_BOUNDARY, 1)[0]
        return len(rest.replace(danger_lemma.BAR, "")) > 2

    def _habitual(self, start: int, end: int) -> bool:
        """Told as happening again and again or as words said or sent: a habitual word in the cue
        itself (殴るって言われ), or before it in its sentence (毎晩…殴る) or just after it in its clause
        (殺すってメール) when the cue is not followed by an ongoing form (いつもだけど今回は包丁を持ってる)."""
        if not self.compiled.habitual:
            return False
        said = [s for w in self.compiled.habitual for s, _ in self._spans(w)]
        if any(start <= s < end for s in said):
            return True
        clause = self.text.find(_BOUNDARY, end)
        reach = min(end + HABIT_REACH, len(self.text) if clause < 0 else clause)
        return not _ONGOING.match(self.text, end) and any(s <= reach for s in said)

    def _denied(self, end: int) -> bool:
        return bool(self.compiled.denied and self.compiled.denied.match(self.text, end))

    def _intense(self, start: int) -> bool:
        return bool(_INTENSE.search(self.text, self.text.rfind(_BOUNDARY, 0, start) + 1, start))

    def _timed_in_clause(self, position: int) -> bool:
        """A time word stands before position in its own clause, or the clause before does not
        end in a contrast (子どもの頃、父に殴られてる母を: still the past; 去年出たけど、: now is other)."""
        clause = self.text.rfind(_BOUNDARY, 0, position)
        if clause >= 0 and not self.text[:clause].rstrip(danger_lemma.BAR).endswith(_CONTRAST):
            return True
        return any(clause < start <= position for start, _ in self.times)

    def _time(self, position: int) -> str | None:
        """The nearest time word before the cue; else the first after it; else the last one of
        the sentence before (今すぐ来て。夫が暴れてる), else the first of the next but a topic (今日は…) unless it is past (…。今すぐ助けて)."""
        earlier = [kind for start, kind in self.times if start <= position]
        if earlier:
            return earlier[-1]
        if self.times:
            return self.times[0][1]
        if self.before and self.before.times:
            return self.before.times[-1][1]
        told = [kind for start, kind in self.after.times if not self.after.now_topic(start)] if self.after else []
        if told and told[0] != PAST:   # a past word there tells of its own sentence (…待ち伏せされています。以前首を…)
            return told[0]
        return None
