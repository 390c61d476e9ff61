"""Danger by letters: the text's runs of two and three letters weighed as naive Bayes log-odds.

The last fallback, after the cues, the nearest example and the weighing of words. Dictionary
forms fail where residents misspell, write dialect or type kana and half-width letters (くびぎゅっと,
ｼﾆﾀｲｷﾓﾁ, 生ぎでても): runs of letters, normalised as the cues are, still share most of their
pieces with the sentences staff have labelled. It learns from rules/danger_sentences/*.yaml and the
kinds' examples (danger) against the file's ordinary sentences and danger_examples' ordinary ones.
Needs no dictionary. The counts ship in danger_letters.json (`make forms`), used when made from the
very same sentence files, examples and code; the loader then does not even read the sentences
(~85 ms of every start). Else they are read and counted at run time (a staff edit works at once).
Measured in bench/danger.py; its threshold was set on a set no cue had been tuned on (bench/README.md).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .danger_cues import normalize

if TYPE_CHECKING:
    from .model import DangerRules

SIZES = (2, 3)    # runs of this many letters
SEEN = 3          # a run in fewer sentences than this says nothing
ENOUGH = 3.25     # the runs' log-odds together, over √(runs weighed): set where no cue was tuned (bench/README.md)
TELLING = 1.5     # a run leaning this much is shown as part of the reason
SHOWN_RUNS = 3
SHOWN = "文字「{}」"
HERE = Path(__file__).resolve().parent
TABLE = HERE / "danger_letters.json"   # the shipped counts
CODE = ("danger_letters.py", "danger_cues.py", "analysis.py")   # what makes the runs: in the digest


_APART = re.compile(r"[\s、，,。．！!？?「」『』（）()・…｡､｢｣･]+")   # no run across these: さっき、すごく has no きす
_LATIN = re.compile(r"[a-z]")   # English is matched by whole words (the cues): its letters say more of the topic than of danger


def runs(text: str) -> list[str]:
    """The runs of letters of the normalised text, within its clauses, in order, each once."""
    pieces = [normalize(p) for p in _APART.split(text)]
    found = (p[i:i + n] for p in pieces for n in SIZES for i in range(len(p) - n + 1))
    return list(dict.fromkeys(r for r in found if not _LATIN.search(r)))


class Letters:
    """Each run's lean to danger, and to each kind (only the runs that lean to it)."""

    def __init__(self, lean: dict[str, float], kinds: dict[str, dict[str, float]]):
        self.lean, self.kinds = lean, kinds

    @classmethod
    def learn(cls, rules: DangerRules) -> "Letters":
        """Counted from the labelled sentences (a few thousand: about 200 ms)."""
        own, plain = _texts(rules)
        danger = _count([t for texts in own.values() for t in texts])
        ordinary = _count(plain)
        lean = {r: round(_lean(danger, ordinary, r), 3) for r in sorted(danger[0].keys() | ordinary[0].keys())
                if danger[0][r] + ordinary[0][r] >= SEEN}
        kinds = {}
        for kid, texts in own.items():
            counts = _count(texts)
            leans = {r: round(_lean(counts, ordinary, r), 3) for r in sorted(counts[0]) if r in lean}
            kinds[kid] = {r: v for r, v in leans.items() if v > 0}
        return cls(lean, kinds)

    def weigh(self, text: str, cancelled: frozenset[str] = frozenset()) -> tuple[str, str] | None:
        """(kind, reason) when the text's runs lean to danger enough, else None."""
        weighed = [r for r in runs(text) if r in self.lean]
        total = sum(self.lean[r] for r in weighed)
        if not weighed or total / math.sqrt(len(weighed)) < ENOUGH:
            return None
        by_kind = {kid: sum(leans.get(r, 0.0) for r in weighed) for kid, leans in self.kinds.items()}
        kind = max(by_kind, key=by_kind.get, default=None)
        telling = {r for r in weighed if self.lean[r] >= TELLING and r in self.kinds.get(kind, ())}
        if kind is None or kind in cancelled or not telling:   # 昔は夫に殴られていた: DV, told as past
            return None
        return kind, SHOWN.format("・".join(_spans(normalize(text), telling)[:SHOWN_RUNS]))


def _lean(counts: tuple[Counter, int], ordinary: tuple[Counter, int], run: str) -> float:
    """log P(run | these sentences) − log P(run | ordinary ones), smoothed."""
    (found, n), (plain, m) = counts, ordinary
    return math.log((found[run] + 0.5) / (n + 1)) - math.log((plain[run] + 0.5) / (m + 1))


def _spans(folded: str, telling: set[str]) -> list[str]:
    """The stretches of the text the telling runs cover, longest first (くびぎゅっと, not くび・びぎ)."""
    covered = [False] * len(folded)
    for n in SIZES:
        for i in range(len(folded) - n + 1):
            if folded[i:i + n] in telling:
                covered[i:i + n] = [True] * n
    stretches, start = [], None
    for i, on in enumerate([*covered, False]):
        if on and start is None:
            start = i
        elif not on and start is not None:
            stretches.append(folded[start:i])
            start = None
    return sorted(stretches, key=len, reverse=True)


def _count(texts) -> tuple[Counter, int]:
    found: Counter = Counter()
    for text in texts:
        found.update(runs(text))
    return found, len(texts)


def _shaped(made: dict) -> bool:
    """The table holds a number for each run, and for each kind (a damaged file is counted again)."""
    def numbers(d) -> bool:   # the types of 60,000 values in one pass in C: a fifth of the table's load otherwise
        return isinstance(d, dict) and set(map(type, d.values())) <= {int, float}
    kinds = made.get("kinds")
    return numbers(made.get("lean")) and isinstance(kinds, dict) and all(numbers(v) for v in kinds.values())


def _texts(rules: DangerRules) -> tuple[dict[str, list[str]], list[str]]:
    """The danger sentences by kind (the kinds' examples first) and the ordinary ones."""
    own = {k.id: list(k.examples) for k in rules.kinds}
    for kind_id, sentences in rules.sentences:
        own.setdefault(kind_id, []).extend(sentences)
    return {kid: texts for kid, texts in own.items() if texts}, [*rules.plain_sentences, *rules.ordinary]


def files_digest(texts: dict[Path, str]) -> str:
    """The sentence files as read, by name (a checkout with CRLF line ends gives the same)."""
    found = hashlib.sha256()
    for path in sorted(texts):
        for part in (Path(path).name, texts[path].replace("\r\n", "\n")):
            data = part.encode("utf-8")
            found.update(len(data).to_bytes(8, "big") + data)
    return found.hexdigest()[:16]


def digest(rules: DangerRules) -> str:
    """What the counts depend on: the sentence files, the sentences read, the examples and this
    module's code. The shipped table's is that of the rules as loaded without reading the files."""
    found = hashlib.sha256()
    for name in CODE:   # the runs are made by this module and the normalisation of the cues
        found.update((HERE / name).read_bytes().replace(b"\r\n", b"\n"))
    own, plain = _texts(rules)
    for part in [rules.sentences_digest, *(x for kid, texts in own.items() for x in (kid, *texts)), "", *plain]:
        data = part.encode("utf-8")
        found.update(len(data).to_bytes(8, "big") + data)
    return found.hexdigest()[:16]


def made_for(rules: DangerRules) -> bool:
    """The shipped table was made from these sentence files and examples (its first line only is read)."""
    try:
        with open(TABLE, encoding="utf-8") as table:
            head = json.loads(table.readline().rstrip().rstrip(",") + "}")
    except (OSError, ValueError):
        return False
    return isinstance(head, dict) and head.get("digest") == digest(rules)


def read(rules: DangerRules) -> DangerRules:
    """The rules with their sentence files read, if the loader left them unread."""
    if rules.sentences or rules.plain_sentences or not rules.sentence_files:
        return rules
    from .files.danger import with_sentences

    paths = [Path(p) for p in rules.sentence_files]
    try:
        return with_sentences(rules, paths, [], {p: p.read_text(encoding="utf-8-sig") for p in paths})
    except (OSError, UnicodeDecodeError):   # gone since the load: the examples alone
        return rules


def table(rules: DangerRules) -> dict:
    """What danger_letters.json holds for these rules (`make forms` writes it)."""
    rules = read(rules)
    unread = replace(rules, sentences=(), plain_sentences=())
    learnt = Letters.learn(rules)
    return {"digest": digest(unread), "lean": learnt.lean, "kinds": learnt.kinds}


def dumps(found: dict) -> str:
    """One run a line: an added sentence changes a few lines."""
    def section(entries: dict) -> str:
        return ",\n".join(f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v)}" for k, v in entries.items())
    kinds = ",\n".join(f'{json.dumps(k)}: {{\n{section(v)}\n}}' for k, v in found["kinds"].items())
    return f'{{"digest": {json.dumps(found["digest"])},\n"lean": {{\n{section(found["lean"])}\n}},\n"kinds": {{\n{kinds}\n}}}}\n'


@lru_cache(maxsize=4)
def letters(rules: DangerRules) -> Letters | None:
    """The shipped counts (danger_letters.json) when made from these very sentences; else counted
    now, once per rule set (a staff edit of the sentences is used at once, only slower)."""
    try:
        made = json.loads(TABLE.read_text(encoding="utf-8"))
        if made.get("digest") == digest(rules) and _shaped(made):
            return Letters(made["lean"], made["kinds"])
    except (OSError, ValueError, AttributeError):   # missing or broken: count now
        pass
    rules = read(rules)
    own, plain = _texts(rules)
    return Letters.learn(rules) if own and plain else None
