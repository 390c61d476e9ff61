"""Every figure of issue 6 in one run: `.venv/bin/python bench/run.py` (also `make bench`).

Not part of the test suite. Start-up figures come from fresh processes (imports included);
each pair being compared is measured alternately in the same run, so a busy machine slows
both sides alike. Prints a table of medians, ratios and targets; takes one to two minutes.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402

PYTHON = sys.executable
NAVIGATOR = str(Path(PYTHON).parent / "navigator")   # the console script beside the interpreter
RUNS = 9            # fresh processes per start-up figure (after one discarded warm-up)
ROUTE_TEXT = "家賃が払えなくて、仕事もなくなった"


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a child."""
    env = {k: v for k, v in os.environ.items() if k not in ("NAVIGATOR_CACHE", "XDG_CACHE_HOME")}
    return {**env, **extra}


def wall_ms(argv: list[str]) -> float:
    """Process start to exit."""
    start = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, env=child_env(), check=True, capture_output=True)
    return (time.perf_counter() - start) * 1000


def tui_ms(kind: str) -> tuple[float, float]:
    """(process start → first screen ready, app construction → ready) for one fresh process."""
    start = time.monotonic()
    out = subprocess.run([PYTHON, str(HERE / "tui_start.py"), kind], cwd=ROOT, env=child_env(),
                         check=True, capture_output=True, text=True).stdout
    found = json.loads(out)
    return (found["ready"] - start) * 1000, found["in_process_ms"]


def alternate(measures: dict[str, Callable[[], object]]) -> dict[str, list]:
    """Run each measure RUNS times, taking turns, after one discarded warm-up each."""
    for measure in measures.values():
        measure()
    samples = {name: [] for name in measures}
    for _ in range(RUNS):
        for name, measure in measures.items():
            samples[name].append(measure())
    return samples


# ---- the figures -------------------------------------------------------------------


def tui() -> dict:
    out = {}
    for name, samples in alternate({"navigator": lambda: tui_ms("navigator"),
                                    "minimal": lambda: tui_ms("minimal")}).items():
        out[f"{name}_wall"] = statistics.median(wall for wall, _ in samples)
        out[f"{name}_inproc"] = statistics.median(inproc for _, inproc in samples)
    return out


def cli() -> dict:
    route = [NAVIGATOR, "route", "-m", "asaka", "--text", ROUTE_TEXT, "--format", "json"]
    s = alternate({"route": lambda: wall_ms(route), "import": lambda: wall_ms([PYTHON, "-c", "import navigator"])})
    return {name: statistics.median(v) for name, v in s.items()}


def keystrokes() -> dict:
    from navigator.loading import load
    from navigator.search import ConcernMatcher

    concerns = load(ROOT / "rules", ROOT / "contacts", only=[]).ruleset.common.concerns
    typed = synth.prefixes(1000)
    out = {"prefixes": len(typed)}
    for name, chosen in (("shipped", concerns), ("x10", synth.ten_times(concerns))):
        out[f"{name}_build_ms"], matcher = _timed(lambda: ConcernMatcher(chosen))  # normalises once
        for text in typed:  # warm-up
            matcher.match(text, limit=6)
        times = sorted(_match_ms(matcher, text) for text in typed)
        out[f"{name}_keywords"] = len(matcher.parts)
        out[f"{name}_p50"] = statistics.median(times)
        out[f"{name}_p99"] = times[int(len(times) * 0.99) - 1]
    return out


def _timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    value = fn()
    return (time.perf_counter() - start) * 1000, value


def _match_ms(matcher, text: str) -> float:
    start = time.perf_counter()
    matcher.match(text, limit=6)  # as the intake screen calls it on every keystroke
    return (time.perf_counter() - start) * 1000


def national(folder: Path) -> dict:
    """The synthetic national rule set: generated, then loaded in child processes."""
    start = time.perf_counter()
    rules, contacts = synth.generate(folder / "data")
    out = {"generate_ms": (time.perf_counter() - start) * 1000,
           "size_mb": sum(p.stat().st_size for d in (rules, contacts) for p in d.iterdir()) / 1e6}
    out |= _scale(rules, contacts, "memory")
    route = [NAVIGATOR, "route", "--rules", str(rules), "--contacts",
             str(contacts), "-m", synth.municipalities()[500][0], "--text", ROUTE_TEXT, "--format", "json"]
    out["cli_route_national"] = statistics.median(alternate({"route": lambda: wall_ms(route)})["route"])
    return out


def _scale(rules: Path, contacts: Path, mode: str, **env: str) -> dict:
    out = subprocess.run([PYTHON, str(HERE / "scale.py"), str(rules), str(contacts), mode], cwd=ROOT,
                         env=child_env(**env), check=True, capture_output=True, text=True).stdout
    return json.loads(out)


# ---- report ------------------------------------------------------------------------


def machine() -> str:
    import yaml

    return (f"{os.cpu_count()} CPUs (nproc {_nproc()}), {platform.platform()}, Python {platform.python_version()}, "
            f"textual {version('textual')}, PyYAML {version('PyYAML')} (libyaml: {yaml.__with_libyaml__}), "
            f"rapidfuzz {version('rapidfuzz')}, load average {os.getloadavg()[0]:.2f} at the start")


def _nproc() -> str:
    try:
        return subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def rows(t: dict, c: dict, k: dict, n: dict) -> list[tuple[str, str, str]]:
    """(figure, value, target and verdict)"""
    ratio_wall, ratio_in = t["navigator_wall"] / t["minimal_wall"], t["navigator_inproc"] / t["minimal_inproc"]
    return [
        ("TUI first screen, wall incl. imports: navigator / minimal",
         f"{t['navigator_wall']:.0f} / {t['minimal_wall']:.0f} ms = {ratio_wall:.2f}×", _verdict(ratio_wall, 1.3, "×")),
        ("TUI first screen, in process: navigator / minimal",
         f"{t['navigator_inproc']:.0f} / {t['minimal_inproc']:.0f} ms = {ratio_in:.2f}×", _verdict(ratio_in, 1.3, "×")),
        ("`navigator route … --format json` / `python -c 'import navigator'`",
         f"{c['route']:.0f} / {c['import']:.0f} ms = {c['route'] / c['import']:.2f}×", "(no target)"),
        (f"keystroke match, shipped keywords ({k['shipped_keywords']}), p50 / p99 over {k['prefixes']} prefixes",
         f"{k['shipped_p50']:.3f} / {k['shipped_p99']:.3f} ms", "(no target)"),
        (f"keystroke match, ten times the keywords ({k['x10_keywords']}), p50 / p99",
         f"{k['x10_p50']:.3f} / {k['x10_p99']:.3f} ms", _verdict(k["x10_p99"], 5, " ms")),
        ("ConcernMatcher built (keywords normalised and indexed once): shipped / ten times",
         f"{k['shipped_build_ms']:.1f} / {k['x10_build_ms']:.1f} ms", ""),
        (f"national set: {synth.MUNICIPALITIES} municipalities, {synth.RULES_EACH} rules each, {n['size_mb']:.0f} MB of YAML",
         f"generated in {n['generate_ms'] / 1000:.1f} s", ""),
        ("load one of 1,741: first in a process / again (parsed again)",
         f"{n['one_first_ms']:.1f} / {n['one_ms']:.1f} ms", _verdict(n["one_first_ms"], 50, " ms")),
        ("load one of 1,741: from the in-memory cache", f"{n['one_warm_ms']:.2f} ms", ""),
        (f"load one of 1,741 with PyYAML's pure-Python loader instead of libyaml ({n['libyaml']})",
         f"{n['one_pure_python_ms']:.1f} ms ({n['one_pure_python_ms'] / n['one_ms']:.1f}× slower)", ""),
        ("municipality_ids over 1,741 files (a directory listing, no file opened)", f"{n['ids_ms']:.1f} ms", ""),
        ("`navigator route` on the national set (process start to exit)", f"{n['cli_route_national']:.0f} ms", ""),
        ("route with all loaded: p50 / p99 (engine.route)",
         f"{n['route_p50_ms']:.3f} / {n['route_p99_ms']:.3f} ms", _verdict(n["route_p99_ms"], 1, " ms")),
        ("load all, cold (every file parsed)", f"{n['all_cold_ms'] / 1000:.1f} s", _verdict(n["all_cold_ms"], 2000, " ms")),
        ("load all, warm (in-memory cache, same process)", f"{n['all_warm_ms']:.0f} ms", _verdict(n["all_warm_ms"], 500, " ms")),
        ("peak memory (maxrss): imports + one municipality / all loaded",
         f"{n['one_after_imports_mb']:.0f} / {n['all_peak_mb']:.0f} MB", ""),
    ]


def _verdict(value: float, limit: float, unit: str) -> str:
    if value <= limit:
        return f"≤ {limit:g}{unit}: met"
    return f"≤ {limit:g}{unit}: missed by {value / limit:.1f}×"


def main() -> None:
    print(f"machine: {machine()}", flush=True)
    started = time.perf_counter()
    t = tui()
    c = cli()
    k = keystrokes()
    with tempfile.TemporaryDirectory(prefix="navigator-bench-") as folder:
        n = national(Path(folder))
    print(f"\n| figure | median | target |\n| --- | --- | --- |")
    for figure, value, target in rows(t, c, k, n):
        print(f"| {figure} | {value} | {target} |")
    print(f"\nfinished in {time.perf_counter() - started:.0f} s; "
          f"load average {os.getloadavg()[0]:.2f} at the end", flush=True)


if __name__ == "__main__":
    main()
