"""Danger detection on labelled sentences: recall, false alarms and right line first, per set.

    .venv/bin/python bench/danger.py [--show] [--sealed] [FILES]      (also run by `make bench`)

Default sets: bench/dev/danger_dev.yaml … danger_dev13.yaml, dev16a/b, dev17a/b, dev18a/b and dev19 (tuning; dev3–dev13 were written blind to
the cues and each held out for a session or more before anyone tuned on it; the sentences of every tuning set
teach the weighing of letters, rules/danger_sentences/ (dev4–dev8 since 2026-12-04, the others since 2026-12-08); dev16a/b, dev17a/b, dev18a/b and dev19 were written blind on 2026-12-07 as
tuning sets from the start: hard wordings, danger beside its look-alikes, long talks with danger in passing, the voices the sets had least of, hurried short messages, mixed languages, care, school, hospital and disaster settings), danger_dev14.yaml (held out two
sessions, the validation set of the learnt weighings since 2026-12-08: its sentences are not among
rules/danger_sentences/), danger_dev15.yaml and dev20 (written blind and held out: nobody tunes on it, --show
refuses it; a SEALED set is not measured until --sealed, the next session's first reading), ../shared/findings/devset.yaml and fresh2.yaml
(measured from ../shared, never copied), and bench/blind/danger.yaml (blind: only aggregate
figures are printed for it, and --show refuses to list its sentences).

For each tuning set with `first` labels a second line gives right line first per wanted group
and what came first instead (「なし」: no line), as `rasa test nlu` lists "confused with".

Each sentence goes through what `navigator route --text` does (intake.take → engine.route) with
nothing ticked. An item has `text`, `danger` (true/false) and, in sets labelled with line groups,
`first` (police, ambulance, child, dv, crisis, sexual; suicide read as crisis): the group of the
  line that must come first.
- In sets with `first` labels, "detected" means any danger kind was found.
- "emergency lines shown" is what the issue measured: any national line on the screen (a danger
  kind, or a concern such as DV), whatever put it there.
- devset/fresh2 label only danger *now* (being hurt, threatened, suicidal), so there "detected"
  means a kind of that sort (violence_now, strangled, suicide_now, medical, suicide); DV or child risk that is not
  happening now is not counted either way there.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from navigator.engine import route  # noqa: E402
from navigator.intake import take  # noqa: E402
from navigator.loading import load  # noqa: E402
from navigator.search import ConcernMatcher  # noqa: E402

SHARED = ROOT.parent / "shared" / "findings"
BLIND = ROOT / "bench" / "blind" / "danger.yaml"
DEV = [ROOT / "bench" / "dev" / f"danger_dev{n}.yaml" for n in ("", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16a", "16b", "17a", "17b", "18a", "18b", "19", "20")]
DEFAULT = [*DEV, SHARED / "devset.yaml", SHARED / "fresh2.yaml", BLIND]
HALVED: set[str] = set()   # dev4 was halved (odd ids tuning, even held out); both halves are tuning now
HELD_OUT = {"danger_dev15.yaml", "danger_dev20.yaml"}  # written blind, never tuned on: aggregate lines only (dev15 first read at the start of the 2026-12-08 session; dev14, read twice, became the validation set then: not among the sentences the weighings learn from)
VALIDATION = {"danger_dev14.yaml"}  # a tuning set whose sentences the weighings do not learn from: where their thresholds are chosen
SEALED = {"danger_dev20.yaml"}  # written blind on 2026-12-08 by a helper that read no project file, never measured: left out unless --sealed (the next session measures it first)
NOW_KINDS = {"violence_now", "strangled", "suicide_now", "medical", "suicide"}
MUNICIPALITY = "asaka"
# Sets written without the line groups at hand name the crisis lines by what they are for.
ALIASES = {"suicide": "crisis"}


def items(path: Path) -> list[dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(data, dict):
        data = next((v for v in data.values() if isinstance(v, list)), [])
    return [i for i in data if isinstance(i, dict) and "text" in i]


def judge(ruleset, matcher, item: dict, grouped: bool) -> tuple[bool, str | None, bool]:
    """(danger detected, group of the first emergency line, any line shown) for one sentence,
    nothing ticked."""
    municipality = item.get("municipality") or MUNICIPALITY
    intake = take(ruleset, matcher, municipality, str(item["text"]))
    kinds = set(intake.danger.kinds) if grouped else set(intake.danger.kinds) & NOW_KINDS
    result = route(ruleset, intake.case)
    first = result.emergency[0].group if result.emergency else None
    return bool(kinds), first, bool(result.emergency)


def half(cases: list[dict], which: str | None) -> list[dict]:
    """The cases whose id ends in an odd (even) number; all of them when which is None."""
    if which is None:
        return cases
    def parity(c: dict) -> int | None:
        m = re.search(r"(\d+)\D*$", str(c.get("id", "")))
        return int(m.group(1)) % 2 if m else None
    return [c for c in cases if parity(c) == (1 if which == "odd" else 0)]


def measure(path: Path, ruleset, matcher, show: bool, which: str | None = None) -> str:
    cases = [{**c, "first": ALIASES.get(c["first"], c["first"])} if c.get("first") else c
             for c in half(items(path), which)]
    grouped = any("first" in c for c in cases)
    positives = [c for c in cases if c.get("danger")]
    negatives = [c for c in cases if not c.get("danger")]
    found = alarms = right = labelled = shown = shown_alarms = 0
    misses = []
    confused: dict[tuple[str, str | None], int] = {}
    for c in positives:
        detected, first, lines = judge(ruleset, matcher, c, grouped)
        found += detected
        shown += lines
        if c.get("first"):
            labelled += 1
            right += first == c["first"]
            confused[c["first"], first] = confused.get((c["first"], first), 0) + 1
        if not detected or (c.get("first") and first != c["first"]):
            misses.append(f"  miss: {c['text']}  (first {first}, wanted {c.get('first', 'any')})")
    for c in negatives:
        detected, first, lines = judge(ruleset, matcher, c, grouped)
        alarms += detected
        shown_alarms += lines
        if detected:
            misses.append(f"  false alarm: {c['text']}  (first {first})")
    line = (f"{path.name}{' ' + which if which else ''}: danger recall {_rate(found, len(positives))}, "
            f"false alarms {_rate(alarms, len(negatives))}, "
            f"right line first {_rate(right, labelled) if labelled else '– (no first: labels)'}"
            f"; emergency lines shown for {_rate(shown, len(positives))} of danger, "
            f"{_rate(shown_alarms, len(negatives))} of ordinary sentences"
            f"{'' if grouped else '  [danger-now labels: violence_now/medical/suicide counted]'}")
    if labelled and not held_out(path):
        line += "\n" + by_group(confused)
    return "\n".join([line, *misses]) if show else line


def held_out(path: Path) -> bool:
    return path.resolve() == BLIND.resolve() or path.name in HELD_OUT


def by_group(confused: dict[tuple[str, str | None], int]) -> str:
    """Right line first per wanted group, and what came first instead (as `rasa test` lists
    "confused with"): where to look after an edit. Tuning sets only."""
    groups = sorted({want for want, _ in confused}, key=lambda g: (-sum(n for (w, _), n in confused.items() if w == g), g))
    parts = []
    for want in groups:
        total = sum(n for (w, _), n in confused.items() if w == want)
        wrong = sorted(((n, got or "なし") for (w, got), n in confused.items() if w == want and got != want), reverse=True)
        instead = ", ".join(f"{got} {n}" for n, got in wrong)
        parts.append(f"{want} {confused.get((want, want), 0)}/{total}" + (f" ({instead})" if instead else ""))
    return "  right first by group: " + "; ".join(parts)


def _rate(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.1%}" if whole else "–"


def keystrokes(ruleset, matcher, paths: list[Path]) -> str:
    """detect() on every prefix of the tuning sentences, as the intake screen calls it on each key,
    beside the concern matcher on the same prefixes (the floor, measured in the same run)."""
    import statistics
    import time

    from navigator.danger import detect

    texts = [str(c["text"]) for p in paths if p.resolve() != BLIND.resolve() for c in items(p)]
    prefixes = [t[:n] for t in texts for n in range(1, len(t) + 1)][::7]
    if not prefixes:
        return "keystroke: no tuning sentences among the sets given"
    rules = ruleset.common.danger
    for text in prefixes[:50]:  # warm-up: compiled cues, the dictionary
        detect(rules, text), matcher.match(text, limit=6)
    def cost(call, text: str) -> float:
        """Best of three, in ms: the machine is shared, and another process's time slice is not ours."""
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            call(text)
            best = min(best, (time.perf_counter() - start) * 1000)
        return best

    calls = {"danger": lambda t: detect(rules, t), "concerns": lambda t: matcher.match(t, limit=6)}
    costs = {name: [cost(call, t) for t in prefixes] for name, call in calls.items()}
    costs["both"] = [d + c for d, c in zip(costs["danger"], costs["concerns"])]
    timing = {name: (statistics.median(sorted(v)), sorted(v)[int(len(v) * 0.99) - 1]) for name, v in costs.items()}
    (d50, d99), (c50, c99), (b50, b99) = timing["danger"], timing["concerns"], timing["both"]
    return (f"keystroke, {len(prefixes)} prefixes (best of 3 each): danger.detect p50 {d50:.2f} / p99 {d99:.2f} ms; "
            f"concern matching p50 {c50:.2f} / p99 {c99:.2f} ms; both p50 {b50:.2f} / p99 {b99:.2f} ms; "
            f"danger/concerns at p99 = {d99 / c99:.2f}×")


def main(argv: list[str]) -> None:
    show = "--show" in argv
    paths = [Path(a) for a in argv if not a.startswith("--")] or [
        p for p in DEFAULT if p.is_file() and (p.name not in SEALED or "--sealed" in argv)]
    if show and any(held_out(p) for p in paths):
        sys.exit("bench/danger.py: the blind and held-out sets are for measuring only; --show would list their sentences")
    ruleset = load(ROOT / "rules", ROOT / "contacts").ruleset
    matcher = ConcernMatcher(ruleset.common.concerns)
    for path in paths:
        for which in ("odd", "even") if path.name in HALVED else (None,):
            print(measure(path, ruleset, matcher, show, which), flush=True)
    print(keystrokes(ruleset, matcher, paths), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
