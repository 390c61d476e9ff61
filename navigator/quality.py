"""How well the keywords understand residents' words: `navigator understand [FILES]`.

Runs every labelled text through the matcher, like `rasa test nlu`, and reports per-concern
precision / recall / F1, the pairs most often confused, how often nothing was found, danger
recall and every miss with file:line. Labelled texts come from:

- scenario files (tests/scenarios/*.yaml): the gold concerns are `expect.found` plus the
  ticked `concerns` (found is a must-include list, so precision there is a lower bound);
- utterance lists: a YAML list (or `cases:` / `utterances:` list) of mappings with `text` and
  `concerns` (optional `also_ok`, `danger`, `municipality`, `answers`, `expect`); cases with no
  `concerns` key take them from the comment on the same or the line above (`# poverty + housing`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import yaml

from .engine import Case, route
from .intake import take
from .files.document import shown as _shown
from .model import RuleSet
from .search import ConcernMatcher

YES = ("now", "yes")   # the danger question's two はい (今まさに / 続いている)


@dataclass(frozen=True)
class Labelled:
    text: str
    concerns: frozenset[str]
    where: str                              # file:line
    also_ok: frozenset[str] = frozenset()
    danger: bool | None = None
    municipality: str | None = None
    answers: dict = field(default_factory=dict)
    expect: tuple[str, ...] = ()            # contact ids, for the routing figure
    id: str = ""                            # the item's own id (u4-017), when it has one


@dataclass
class Outcome:
    item: Labelled
    got: tuple[str, ...]
    candidates: tuple[str, ...]
    danger: bool | None
    top3: list[bool]                        # per municipality routed: gold's first window in the top 3

    @property
    def exact(self) -> bool:
        got = set(self.got)
        return self.item.concerns <= got <= self.item.concerns | self.item.also_ok


# ---- reading labelled files -------------------------------------------------------------


def read_labelled(path: Path, known: set[str]) -> list[Labelled]:
    text = path.read_text(encoding="utf-8")
    root = yaml.compose(text)
    lines = text.splitlines()
    data = yaml.safe_load(text)
    if isinstance(data, dict) and "scenarios" in data:
        return _scenarios(path, root, data)
    key = next((k for k in ("cases", "utterances", "items") if isinstance(data, dict) and k in data), None)
    nodes = _mapping_get(root, key).value if key else root.value if isinstance(data, list) else []
    items = data[key] if key else data if isinstance(data, list) else []
    found = []
    for node, item in zip(nodes, items):
        if not isinstance(item, dict) or not item.get("text"):
            continue
        line = node.start_mark.line
        concerns = item.get("concerns")
        if concerns is None:
            concerns = _comment_concerns(lines, line, known)
        found.append(Labelled(str(item["text"]), frozenset(concerns or ()), f"{_shown(path)}:{line + 1}",
                              frozenset(item.get("also_ok") or ()), item.get("danger"), item.get("municipality"),
                              dict(item.get("answers") or {}), tuple(_expect(item.get("expect"))),
                              str(item.get("id") or "")))
    return found


def _expect(expect) -> list[str]:
    if isinstance(expect, dict):
        return list(expect.get("contacts") or [])
    return list(expect or [])


def _mapping_get(node, key):
    return next(v for k, v in node.value if k.value == key)


def _comment_concerns(lines: list[str], line: int, known: set[str]) -> list[str]:
    """`- municipality: asaka   # housing+disability` or a `# abuse (child)` line above."""
    for text in (lines[line], lines[line - 1] if line else ""):
        if "#" in text:
            words = re.findall(r"[a-z_]+", text.split("#", 1)[1])
            ids = [w for w in words if w in known]
            if ids:
                return ids
    return []


def _scenarios(path: Path, root, data) -> list[Labelled]:
    found = []
    nodes = _mapping_get(root, "scenarios").value
    for node, s in zip(nodes, data["scenarios"] or []):
        if not s.get("text"):
            continue
        expect = s.get("expect") or {}
        gold = set(expect.get("found") or ()) | set(s.get("concerns") or ())
        if not gold:
            continue
        found.append(Labelled(s["text"], frozenset(gold), f"{_shown(path)}:{node.start_mark.line + 1}",
                              danger=(s.get("answers") or {}).get("danger") in YES or None,
                              municipality=data.get("municipality"), answers=dict(s.get("answers") or {}),
                              expect=tuple(expect.get("contacts") or ())))
    return found


def half(items: list[Labelled], which: str) -> list[Labelled]:
    """The items whose id ends in an odd (or even) number: one half to tune on, one held out."""
    def number(item: Labelled) -> int | None:
        m = re.search(r"(\d+)\D*$", item.id)
        return int(m.group(1)) if m else None
    return [i for i in items if (n := number(i)) is not None and n % 2 == (1 if which == "odd" else 0)]


# ---- measuring --------------------------------------------------------------------------


def evaluate(ruleset: RuleSet, matcher: ConcernMatcher, items: Iterable[Labelled], danger=None) -> list[Outcome]:
    """`danger(text) -> bool`: the danger detector to score (default: the danger question's
    plain keywords)."""
    outcomes = []
    danger = danger or _danger_by_question(ruleset)
    for item in items:
        u = matcher.understand(item.text)
        got = tuple(m.concern for m in u.matches)
        candidates = tuple(m.concern for m in u.matches if m.candidate)
        outcomes.append(Outcome(item, got, candidates, danger(item.text), _top3(ruleset, matcher, item)))
    return outcomes


def _danger_by_question(ruleset: RuleSet):
    """The danger detector (navigator/danger.py) where the rules have one, else the danger
    question's plain keywords."""
    from .danger import detect
    from .search import infer_answers

    if getattr(ruleset.common, "danger", None) and ruleset.common.danger.kinds:
        return lambda text: detect(ruleset.common.danger, text).detected
    question = ruleset.common.question("danger")
    return lambda text: bool(question) and infer_answers(text, [question]).get("danger") in YES


def _top3(ruleset: RuleSet, matcher: ConcernMatcher, item: Labelled) -> list[bool]:
    """Is the first window of routing the gold concerns among the top 3 of routing the text,
    with the same answers? In the item's municipality, else in each one loaded."""
    if not item.concerns:
        return []
    where = [item.municipality] if item.municipality in ruleset.plans else list(ruleset.plans)
    right = []
    for mid in where:
        gold = route(ruleset, Case(mid, tuple(sorted(item.concerns)), item.answers)).referrals
        intake = take(ruleset, matcher, mid, item.text, (), item.answers)
        top = [r.contact.id for r in route(ruleset, intake.case).referrals][:3] if intake.case.all_concerns() else []
        right.append(bool(gold) and gold[0].contact.id in top)
    return right


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def summary(outcomes: list[Outcome]) -> dict:
    per: dict[str, Scores] = {}
    micro = Scores()
    confused: Counter = Counter()
    misses = []
    for o in outcomes:
        gold, got = o.item.concerns, set(o.got)
        extra = got - gold - o.item.also_ok
        lost = gold - got
        for c in gold & got:
            per.setdefault(c, Scores()).tp += 1
        for c in extra:
            per.setdefault(c, Scores()).fp += 1
        for c in lost:
            per.setdefault(c, Scores()).fn += 1
        for g in lost:
            for p in extra or {"(なし)"}:
                confused[(g, p)] += 1
        if lost or extra:
            misses.append({"where": o.item.where, "text": o.item.text, "gold": sorted(gold),
                           "got": list(o.got), "candidates": list(o.candidates),
                           "missing": sorted(lost), "extra": sorted(extra)})
    for s in per.values():
        micro.tp, micro.fp, micro.fn = micro.tp + s.tp, micro.fp + s.fp, micro.fn + s.fn
    n = len(outcomes) or 1
    dangerous = [o for o in outcomes if o.item.danger]
    safe = [o for o in outcomes if o.item.danger is False or (o.item.danger is None and o.item.concerns)]
    routed = [r for o in outcomes for r in o.top3]
    return {
        "texts": len(outcomes),
        "micro": micro.as_dict(),
        "exact": round(sum(o.exact for o in outcomes) / n, 3),
        "none": round(sum(not o.got for o in outcomes) / n, 3),
        "candidates_only": round(sum(bool(o.got) and set(o.got) == set(o.candidates) for o in outcomes) / n, 3),
        "top3": round(sum(routed) / len(routed), 3) if routed else None,
        "danger": {"cases": len(dangerous), "found": sum(bool(o.danger) for o in dangerous),
                   "false_alarms": sum(bool(o.danger) for o in safe), "safe_cases": len(safe)},
        "concerns": {c: s.as_dict() for c, s in sorted(per.items())},
        "confused": [{"gold": g, "got": p, "count": k} for (g, p), k in confused.most_common(10)],
        "misses": misses,
    }


def as_text(s: dict, labels: dict[str, str]) -> str:
    m = s["micro"]
    d = s["danger"]
    lines = [f"{s['texts']} 件の相談文",
             f"  適合率 {m['precision']:.2f}  再現率 {m['recall']:.2f}  F1 {m['f1']:.2f}"
             f"  （組み合わせ完全一致 {s['exact']:.0%}、何も見つからない {s['none']:.0%}、"
             f"例文の候補だけ {s['candidates_only']:.0%}）"]
    if s["top3"] is not None:
        lines.append(f"  正しい窓口が上位3件に入る: {s['top3']:.0%}")
    if d["cases"]:
        lines.append(f"  危険の検出: {d['found']}/{d['cases']}（誤報 {d['false_alarms']}/{d['safe_cases']}）")
    lines += ["", "相談の種類ごと（適合率 / 再現率 / F1  正解・余分・見落とし）"]
    for cid, c in s["concerns"].items():
        lines.append(f"  {cid:<15} {c['precision']:.2f} / {c['recall']:.2f} / {c['f1']:.2f}"
                     f"   {c['tp']:>3} {c['fp']:>3} {c['fn']:>3}  {labels.get(cid, '')}")
    if s["confused"]:
        lines += ["", "取り違え（正解 → 代わりに見つかったもの）"]
        lines += [f"  {c['gold']} → {c['got']}: {c['count']}" for c in s["confused"]]
    if s["misses"]:
        lines += ["", "外れた相談文（見落とし − / 余分 +）"]
        for miss in s["misses"]:
            marks = " ".join([f"-{c}" for c in miss["missing"]] + [f"+{c}" for c in miss["extra"]])
            lines.append(f"  {miss['where']}: {marks}  「{miss['text']}」")
    return "\n".join(lines)
