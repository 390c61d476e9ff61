"""Understanding figures: concern F1, exact set, nothing found, right window in the top 3, danger.

    .venv/bin/python bench/understanding.py [--tuned] [--surface] [FILES]

Default sets: the shipped scenarios, bench/heldout*.yaml, ../shared/findings/devset.yaml and
fresh2.yaml and bench/dev/understanding*.yaml (the sets keywords and examples may be tuned on),
then bench/blind/understanding.yaml if present (never tuned on: only its aggregate figures are
printed; at most once before and once after a piece of work). --tuned: the tuning sets only.
--sealed: also the SEALED sets (written blind, not measured yet: the next session's first reading).
--surface: without the dictionary (keywords as written only), for comparison.
--half odd|even: only the items whose id ends in an odd (even) number (dev4 was once split so;
both halves are tuning data now and it prints as one row).
bench/dev/understanding_dev15.yaml and dev18 (HELD_OUT) are blind sets nobody tunes on: read their aggregate rows
only, as for the blind set. dev5 to dev14 were each held out for a session or more (their untuned
figures are in bench/README.md) and are tuning sets since.

"Right window in the top 3": the first referral of routing the gold concerns with the gold
answers is among the first three of routing the text with the same answers (in every
municipality when the item names none), so it measures understanding, not the data.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from navigator import quality  # noqa: E402
from navigator.loading import load  # noqa: E402
from navigator.files.scenarios import shipped_scenario_files  # noqa: E402
from navigator.search import ConcernMatcher  # noqa: E402

SHARED = ROOT.parent / "shared" / "findings"
TUNING = [("scenarios", shipped_scenario_files()), ("heldout", [ROOT / "bench" / "heldout.yaml"]),
          ("heldout_fresh", [ROOT / "bench" / "heldout_fresh.yaml"]),
          ("devset", [SHARED / "devset.yaml"]), ("fresh2", [SHARED / "fresh2.yaml"])]
TUNING += [(p.stem.removeprefix("understanding_"), [p]) for p in sorted((ROOT / "bench" / "dev").glob("understanding*.yaml"))]
HELD_OUT = {"dev15", "dev18"}  # written blind, never tuned on: printed last, before blind (dev15 first read at the start of the 2026-12-08 session; dev14 became tuning then)
SEALED = {"dev18"}  # written blind on 2026-12-08 by a helper that read no project file, never measured: left out unless --sealed (the next session measures it first)
TUNING = [s for s in TUNING if s[0] not in HELD_OUT] + [s for s in TUNING if s[0] in HELD_OUT]
HALVED: set[str] = set()  # sets printed as odd/even rows (none now: dev4 is tuned on whole)
BLIND = ("blind", [ROOT / "bench" / "blind" / "understanding.yaml"])


def row(name: str, s: dict) -> str:
    m, d = s["micro"], s["danger"]
    top3 = f"{s['top3']:.0%}" if s["top3"] is not None else "–"
    danger = f"{d['found']}/{d['cases']} ({d['false_alarms']} of {d['safe_cases']})" if d["cases"] else f"– ({d['false_alarms']} of {d['safe_cases']})"
    return (f"| {name} ({s['texts']}) | {m['precision']:.2f} / {m['recall']:.2f} / **{m['f1']:.2f}** | "
            f"{s['exact']:.2f} | {s['none']:.1%} | {s['candidates_only']:.0%} | {top3} | {danger} |")


def main(argv: list[str]) -> None:
    surface = "--surface" in argv
    which = argv[argv.index("--half") + 1] if "--half" in argv else None
    paths = [Path(a) for a in argv if not a.startswith("--") and a not in ("odd", "even")]
    sets = [(p.stem, [p]) for p in paths] if paths else ([s for s in TUNING if s[0] not in HELD_OUT] if "--tuned" in argv else TUNING + [BLIND])
    sets = [s for s in sets if s[0] not in SEALED or "--sealed" in argv]
    ruleset = load(ROOT / "rules", ROOT / "contacts").ruleset
    matcher = ConcernMatcher(ruleset.common.concerns, deep=not surface)
    known = {c.id for c in ruleset.common.concerns}
    print("| set (n) | concern P / R / **F1** | exact set | no concern | candidates only | right window top 3 | danger found (false alarms) |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, files in sets:
        files = [f for f in files if f.is_file()]
        if not files:
            continue
        items = [i for f in files for i in quality.read_labelled(f, known)]
        halves = [which] if which else ["odd", "even"] if name in HALVED else [None]
        for h in halves:
            chosen = quality.half(items, h) if h else items
            label = f"{name} {h}" if h else name
            print(row(label, quality.summary(quality.evaluate(ruleset, matcher, chosen))), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
