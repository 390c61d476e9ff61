"""What understanding costs: dictionary load, keyword analysis, keystrokes, route, TUI start, size.

    .venv/bin/python bench/understanding_costs.py
    .venv/bin/python bench/understanding_costs.py --start    # only the rule load, route and TUI rows

- dictionary: `import sudachipy` + `Dictionary(dict="small").tokenizer()` in a fresh process;
- keyword analysis (`ConcernMatcher.deepen`) and the example index, shipped and ten times
  (bench/synth.ten_times: every keyword and example with nine longer variants);
- keystrokes: `ConcernMatcher.match(text, limit=6)` on 1,000 prefixes of the scenario texts
  (bench/synth.prefixes), p50 / p99, with the dictionary (as the TUI once it has loaded it),
  and with keywords as written only (as the TUI before);
- `navigator route … --format json` from process start to exit, against a process that only
  imports the runtime dependencies and loads the dictionary, taking turns (9 each). Every route
  is a cold load: one process loads once, and the cache (navigator/cache.py) is in memory only;
- the rule load a route does (common, danger, one municipality), in this process: cold (every
  file parsed, as in `navigator route`) and warm (the in-memory cache, as a live reload of
  unchanged files), CPU time;
- TUI first screen against a minimal Textual app (bench/tui_start.py), taking turns;
- installed size of sudachipy and the dictionary.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import run  # noqa: E402  (bench/run.py: fresh-process timing helpers)
import synth  # noqa: E402

FLOOR = ("import yaml, rapidfuzz; from sudachipy import Dictionary; "
         "Dictionary(dict='small').tokenizer()")


def ms(fn) -> tuple[float, object]:
    start = time.perf_counter()
    value = fn()
    return (time.perf_counter() - start) * 1000, value


def cpu_ms(fn) -> float:
    """This process's CPU time for fn: on a shared machine, wall time also counts the turns
    other processes took, which is what makes a wall p99 jump under load."""
    start = time.process_time()
    fn()
    return (time.process_time() - start) * 1000


def keystrokes() -> list[tuple[str, str]]:
    from navigator.loading import load
    from navigator.search import ConcernMatcher

    concerns = load(ROOT / "rules", ROOT / "contacts", only=[]).ruleset.common.concerns
    typed = synth.prefixes(1000)
    rows = []
    for name, chosen in (("shipped", concerns), ("ten times", synth.ten_times(concerns))):
        built, matcher = ms(lambda: ConcernMatcher(chosen, deep=False))
        deepen, _ = ms(matcher.deepen)
        index, _ = ms(lambda: matcher.examples)
        parts, examples = len(matcher.parts), sum(len(c.examples) for c in chosen)
        rows.append((f"{name}: {parts} keyword parts, {examples} examples: written forms indexed / "
                     "analysed (deepen) / example index", f"{built:.1f} / {deepen:.0f} / {index:.0f} ms"))
        for label, m in (("with the dictionary", matcher), ("written forms only", ConcernMatcher(chosen, deep=False))):
            for text in typed:
                m.match(text, limit=6)
            times = sorted(ms(lambda: m.match(text, limit=6))[0] for text in typed)
            cpu = sorted(cpu_ms(lambda: m.match(text, limit=6)) for text in typed)
            rows.append((f"{name}: keystroke p50 / p99 ({label}, {len(typed)} prefixes); CPU time p50 / p99",
                         f"{statistics.median(times):.3f} / {times[int(len(times) * 0.99) - 1]:.3f} ms; "
                         f"{statistics.median(cpu):.3f} / {cpu[int(len(cpu) * 0.99) - 1]:.3f} ms"))
    return rows


def long_texts() -> list[tuple[str, str]]:
    """One keystroke at the end of a long text (the intake takes up to 5,000 characters), as a
    ratio to the same call on 100 characters: linear would be 10× and 50×."""
    from navigator.danger import detect
    from navigator.loading import load
    from navigator.search import ConcernMatcher

    ruleset = load(ROOT / "rules", ROOT / "contacts", only=[]).ruleset
    matcher = ConcernMatcher(ruleset.common.concerns, deep=True)
    said = "".join(synth.prefixes(1000)[-40:])
    def call(n: int) -> float:
        text = (said * (n // max(len(said), 1) + 1))[:n]
        return min(cpu_ms(lambda: (matcher.match(text, limit=6), detect(ruleset.common.danger, text))) for _ in range(3))
    floor = call(100)
    return [(f"long text: concerns + danger, one keystroke at {n:,} characters (× 100 characters)",
             f"{(t := call(n)):.0f} ms ({t / floor:.0f}×)") for n in (1000, 5000)]


def processes() -> list[tuple[str, str]]:
    route = [run.NAVIGATOR, "route", "-m", "asaka", "--text", run.ROUTE_TEXT, "--format", "json"]
    s = run.alternate({"route": lambda: run.wall_ms(route), "floor": lambda: run.wall_ms([run.PYTHON, "-c", FLOOR]),
                       "python": lambda: run.wall_ms([run.PYTHON, "-c", "pass"]),
                       "dictionary": lambda: run.wall_ms([run.PYTHON, "-c", "from sudachipy import Dictionary; "
                                                          "Dictionary(dict='small').tokenizer()"])})
    m = {k: statistics.median(v) for k, v in s.items()}
    t = run.tui()
    return [("dictionary import + load in a fresh process (minus `python -c pass`)",
             f"{m['dictionary'] - m['python']:.0f} ms"),
            ("`navigator route … --format json` / imports + dictionary only",
             f"{m['route']:.0f} / {m['floor']:.0f} ms = {m['route'] / m['floor']:.2f}× (target ≤ 2×)"),
            ("TUI first screen, wall: navigator / minimal",
             f"{t['navigator_wall']:.0f} / {t['minimal_wall']:.0f} ms = {t['navigator_wall'] / t['minimal_wall']:.2f}×"),
            ("TUI first screen, in process: navigator / minimal",
             f"{t['navigator_inproc']:.0f} / {t['minimal_inproc']:.0f} ms = "
             f"{t['navigator_inproc'] / t['minimal_inproc']:.2f}×")]


def rule_load() -> list[tuple[str, str]]:
    from navigator.cache import clear_cache
    from navigator.loading import load

    def once(cold: bool) -> float:
        if cold:
            clear_cache()
        return cpu_ms(lambda: load(ROOT / "rules", ROOT / "contacts", only=["asaka"]))
    cold = statistics.median(once(True) for _ in range(9))
    warm = statistics.median(once(False) for _ in range(9))
    return [("rule load of a route (common + danger + asaka), CPU: cold, parsed (every `navigator route`) / "
             "warm, in-memory cache (same process only)", f"{cold:.1f} / {warm:.2f} ms")]


def sizes() -> list[tuple[str, str]]:
    import importlib.util

    rows = []
    for name in ("sudachipy", "sudachidict_small"):
        spec = importlib.util.find_spec(name)
        folder = Path(spec.origin).parent
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        rows.append((f"installed size of {name}", f"{size / 1e6:.0f} MB"))
    return rows


def main() -> None:
    print(f"machine: {run.machine()}")
    print("| figure | value |\n| --- | --- |")
    chosen = (rule_load, processes) if "--start" in sys.argv[1:] else (sizes, keystrokes, long_texts, rule_load, processes)
    for rows in chosen:
        for name, value in rows():
            print(f"| {name} | {value} |", flush=True)


if __name__ == "__main__":
    main()
