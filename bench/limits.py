"""Bounded time on any input (issue 14): the worst shipped inputs and the red-team's cases.

    .venv/bin/python bench/limits.py        (also part of make bench)

Each figure is the median of 3 runs in this process, beside the floor `load` of the shipped
rules measured in the same run, so the ratios mean the same on a slower machine. Target: every
case under 2 s.
"""

from __future__ import annotations

import io
import json
import shutil
import statistics
import sys
import tempfile
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from navigator.files import compose  # noqa: E402
from navigator.cli import main as navigator  # noqa: E402
from navigator.checks.lint import lint  # noqa: E402
from navigator.cache import clear_cache  # noqa: E402
from navigator.loading import load  # noqa: E402

BOMB = """\
  - id: asaka-lint-bomb
    concern: poverty
    when: {all: [{any: [%s]}, {any: [%s]}]}
    refer: [asaka-fukushi-sodan]
    priority: 50
    program: x
    reason: x
    source: {file: 004_b6eecb93f39a28fc.txt, section: x, quote: x}
"""


def median_s(action) -> float:
    times = []
    for _ in range(3):
        clear_cache()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def quiet(args: list[str]) -> None:
    with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
        navigator(args)


def copy_of_shipped(base: Path) -> Path:
    for folder in ("rules", "contacts"):
        shutil.copytree(ROOT / folder, base / folder)
    return base


def before_end(path: Path, text: str) -> None:
    whole = path.read_text(encoding="utf-8")
    at = whole.rindex("\n# ファイルの終わり")
    path.write_text(whole[:at] + text + whole[at:], encoding="utf-8")


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="navigator-limits-"))
    try:
        shipped = ["--rules", str(ROOT / "rules"), "--contacts", str(ROOT / "contacts")]
        found = {"floor: load the shipped rules": median_s(lambda: load(ROOT / "rules", ROOT / "contacts"))}
        found["check, shipped (load + lint)"] = median_s(lambda: quiet(["check", *shipped]))
        found["diff, shipped against itself"] = median_s(lambda: quiet(["diff", *shipped, str(ROOT)]))
        found["test, shipped scenarios"] = median_s(lambda: quiet(["test", *shipped]))

        bomb = copy_of_shipped(work / "bomb")
        common = load(bomb / "rules", bomb / "contacts").ruleset.common
        concerns = ", ".join(f"{{concern: {c.id}}}" for c in common.concerns if c.id != "poverty")
        answers = ", ".join(f'{{answer: {{{q.id}: "{q.options[0].value}"}}}}' for q in common.questions)
        before_end(bomb / "rules" / "asaka.yaml", BOMB % (concerns, answers))
        loaded = load(bomb / "rules", bomb / "contacts")
        assert loaded.ok, loaded.problems[:3]
        found["B8: lint with the red-team's rule (~3.4e9 cases)"] = median_s(lambda: lint(loaded.ruleset))

        wide = copy_of_shipped(work / "wide")
        questions = "".join(f"  - id: q{i}\n    prompt: 質問{i}\n    concerns: [poverty]\n    options:\n"
                            + "".join(f"      - {{value: v{j}, label: 答え{j}}}\n" for j in range(9))
                            for i in range(10))
        text = (wide / "rules" / "common.yaml").read_text(encoding="utf-8")
        (wide / "rules" / "common.yaml").write_text(text.replace("questions:\n", "questions:\n" + questions, 1),
                                                   encoding="utf-8")
        found["B8: diff with 10 questions × 9 options"] = median_s(
            lambda: quiet(["diff", "--rules", str(wide / "rules"), "--contacts", str(wide / "contacts"), str(ROOT)]))

        line = "- [[[" + ",".join(["a"] * 1200) + "]]]\n"
        hostile = "rules:\n" + line * ((compose.MAX_FILE_BYTES - 20) // len(line))
        found[f"B15: hostile file at the size limit ({len(hostile.encode()):,} bytes)"] = median_s(
            lambda: compose.compose_text(hostile, "x", []))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    floor = found["floor: load the shipped rules"]
    rows = {name: {"s": round(s, 3), "x floor": round(s / floor, 1)} for name, s in found.items()}
    print(json.dumps(rows, ensure_ascii=False, indent=2))
    return 0 if all(s < 2.0 for s in found.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
