"""Start-up of this checkout against another one, side by side on a shared machine.

    .venv/bin/python bench/start_ab.py OTHER_CHECKOUT [RUNS]

OTHER_CHECKOUT is a work tree of another revision (`git worktree add --detach /tmp/base main`,
then `.venv/bin/python -m compileall -q /tmp/base/navigator`); it runs with this interpreter and
PYTHONPATH set to it. Each figure is a fresh process, and every kind takes its turn in each round
(route here, route there, the floor, the TUI here, there, the minimal app), so load from other
work falls on all alike. Prints medians of wall time (process start to exit, or to the first
screen for the TUI, as bench/tui_start.py reports) and of the child's CPU time (user + system,
the whole route process, or up to the first screen: less moved by other work than wall time). Routes are cold loads, as always in
a fresh process (the cache is in memory only).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run  # noqa: E402
from understanding_costs import FLOOR  # noqa: E402


def _child(argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, str]:
    """(wall ms, CPU ms, stdout) of one process."""
    start = time.monotonic()
    child = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    if status:
        raise SystemExit(f"{argv} failed")
    return (time.monotonic() - start) * 1000, (usage.ru_utime + usage.ru_stime) * 1000, out


def measures(other: Path) -> dict:
    here, there = run.ROOT, other.resolve()
    env_here = run.child_env()
    env_there = {**env_here, "PYTHONPATH": str(there)}
    route = [run.NAVIGATOR, "route", "-m", "asaka", "--text", run.ROUTE_TEXT, "--format", "json"]

    def tui(root: Path, env: dict, kind: str):
        def once():
            start = time.monotonic()
            found = json.loads(_child([run.PYTHON, str(root / "bench" / "tui_start.py"), kind], root, env)[2])
            return (found["ready"] - start) * 1000, found["cpu_ms"]
        return once
    return {"route here": lambda: _child(route, here, env_here)[:2],
            "route there": lambda: _child(route, there, env_there)[:2],
            "floor": lambda: _child([run.PYTHON, "-c", FLOOR], here, env_here)[:2],
            "tui here": tui(here, env_here, "navigator"),
            "tui there": tui(there, env_there, "navigator"),
            "minimal": tui(here, env_here, "minimal")}


def main() -> None:
    other = Path(sys.argv[1])
    run.RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else run.RUNS
    print(f"machine: {run.machine()}")
    samples = run.alternate(measures(other))
    m = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in samples.items()}
    print(f"\n{run.RUNS} runs each, taking turns; load average {os.getloadavg()[0]:.2f} at the end\n")
    print("| figure | there (wall; CPU) | here (wall; CPU) |\n| --- | --- | --- |")
    for what, a, b in (("`navigator route … --format json` / imports + dictionary only", "route", "floor"),
                       ("TUI first screen / minimal Textual app", "tui", "minimal")):
        cells = []
        for side in ("there", "here"):
            (w, c), (fw, fc) = m[f"{a} {side}"], m[b]
            cells.append(f"{w:.0f} / {fw:.0f} ms = {w / fw:.2f}×; {c:.0f} / {fc:.0f} ms = {c / fc:.2f}×")
        print(f"| {what} | {cells[0]} | {cells[1]} |")


if __name__ == "__main__":
    main()
