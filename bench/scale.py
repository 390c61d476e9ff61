"""Child process for bench/run.py: load and route on the synthetic national rule set.

    python bench/scale.py RULES CONTACTS MODE

MODE `memory`: one municipality cold and again, all cold, all again from the in-memory cache,
and routing with all loaded. (The disk cache and its modes were removed: SECURITY.md.)
Prints one JSON object; times in ms, peak memory (maxrss) in MB.
"""

from __future__ import annotations

import gc
import json
import random
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402
import yaml  # noqa: E402
from navigator import cache, loading  # noqa: E402
from navigator.files import compose  # noqa: E402
from navigator.engine import Case, route  # noqa: E402
from navigator.search import ConcernMatcher  # noqa: E402

ONE = "m13010"          # a 東京都 municipality in the middle of the list
ROUTES = 2000


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    value = fn()
    return (time.perf_counter() - start) * 1000, value


def load_one(rules: str, contacts: str, forget: bool) -> float:
    if forget:
        cache.clear_cache()
    ms, loaded = timed(lambda: loading.load(rules, contacts, only=[ONE]))
    assert loaded.ok and list(loaded.ruleset.plans) == [ONE], loaded.problems[:3]
    return ms


def load_all(rules: str, contacts: str, forget: bool):
    if forget:
        cache.clear_cache()
    ms, loaded = timed(lambda: loading.load(rules, contacts))
    assert loaded.ok and len(loaded.ruleset.plans) == synth.MUNICIPALITIES, loaded.problems[:3]
    return ms, loaded.ruleset


def cases(ruleset) -> list[Case]:
    """The shipped scenarios (their ticked concerns, those found in their text, their answers)
    put to municipalities picked at random."""
    matcher = ConcernMatcher(ruleset.common.concerns)
    rng = random.Random(6)
    ids = sorted(ruleset.plans)
    found = []
    for s in synth.scenarios():
        concerns = [*s.get("concerns", []), *(m.concern for m in matcher.match(s.get("text") or ""))]
        if concerns:
            found.append(Case(rng.choice(ids), tuple(dict.fromkeys(concerns)), s.get("answers") or {}))
    return found


def routing(ruleset) -> dict:
    pool = cases(ruleset)
    times = []
    for i in range(ROUTES):
        start = time.perf_counter()
        route(ruleset, pool[i % len(pool)])
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"route_p50_ms": statistics.median(times), "route_p99_ms": times[int(len(times) * 0.99) - 1]}


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def pure_python_yaml(rules: str, contacts: str) -> float:
    """Load one again with PyYAML's pure-Python loader instead of libyaml, for comparison."""
    chosen = compose._Loader
    compose._Loader = yaml.SafeLoader
    try:
        return statistics.median(load_one(rules, contacts, forget=True) for _ in range(3))
    finally:
        compose._Loader = chosen


def memory_mode(rules: str, contacts: str) -> dict:
    out = {"one_first_ms": load_one(rules, contacts, forget=True),
           "one_ms": statistics.median(load_one(rules, contacts, forget=True) for _ in range(9)),
           "one_after_imports_mb": peak_mb(),
           "one_pure_python_ms": pure_python_yaml(rules, contacts),
           "libyaml": compose._Loader.__name__}
    out["ids_ms"] = statistics.median(timed(lambda: loading.municipality_ids(rules))[0] for _ in range(5))
    out["all_cold_ms"], ruleset = load_all(rules, contacts, forget=True)
    out["all_peak_mb"] = peak_mb()
    out["all_warm_ms"] = statistics.median(load_all(rules, contacts, forget=False)[0] for _ in range(3))
    out["one_warm_ms"] = statistics.median(load_one(rules, contacts, forget=False) for _ in range(9))
    return {**out, **routing(ruleset)}


if __name__ == "__main__":
    rules_dir, contacts_dir, mode = sys.argv[1:4]
    modes = {"memory": memory_mode}
    print(json.dumps(modes[mode](rules_dir, contacts_dir)), flush=True)
