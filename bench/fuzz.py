"""Mutation fuzzing of the shipped rule and contact files (red-team B3, issue 14).

    .venv/bin/python bench/fuzz.py [CASES] [SEED]        (make bench: 20,000 cases, seed 14)

Each case takes one shipped file, mutates it once (a byte flip, a line deleted or duplicated,
a cut at a random byte, an indentation shift, a key renamed), loads the rules with it and
sorts the outcome:
  refused    the project's own Problem, every error with a line (what a broken file must give)
  same       loads, and every consultation `navigator diff` tries routes exactly as before
  edit       loads, routes differently, but no whole entry is lost: a plausible edit (a digit of a
             priority, a deleted `when:` line, an option removed); judged not a defect, as no
             loader can tell it from an intended change (`navigator diff` shows it)
  drop       loads with an entry (rule, contact, emergency line, danger kind, concern, question)
             missing, or a truncated file is accepted: a silent drop, the defect this counts
  unplaced   refused with an error that has no line
  crash      an exception escaped load() or route()
  hang       one case ran over 2 s
Prints counts as JSON; exits 1 unless crash, hang, drop and unplaced are all 0.
"""

from __future__ import annotations

import json
import random
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from navigator.checks.diff import _answer_cases, _outcome  # noqa: E402
from navigator.loading import SHARED_FILES, load  # noqa: E402
from navigator.problems import ERROR  # noqa: E402

KEYS = ("id", "label", "keywords", "concerns", "questions", "emergency", "prompt", "options", "value", "when",
        "answer", "all", "any", "not", "concern", "municipality", "rules", "refer", "priority", "program",
        "reason", "source", "file", "section", "quote", "contacts", "window", "organization", "department",
        "phone", "address", "hours", "notes", "name", "note", "fallback", "general_window", "end", "kinds")
LIMIT_S = 2.0


class Hang(BaseException):
    pass


def _alarm(_signum, _frame):
    raise Hang()


def mutate(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    kind = rng.choice(("flip", "delete", "duplicate", "truncate", "indent", "rename"))
    lines = data.splitlines(keepends=True)
    i = rng.randrange(len(lines))
    if kind == "flip":
        at = rng.randrange(len(data))
        value = data[at] ^ (1 << rng.randrange(8)) if rng.random() < 0.7 else rng.randrange(256)
        return kind, data[:at] + bytes([value]) + data[at + 1:]
    if kind == "delete":
        return kind, b"".join(lines[:i] + lines[i + 1:])
    if kind == "duplicate":
        return kind, b"".join(lines[:i + 1] + lines[i:])
    if kind == "truncate":
        return kind, data[:rng.randrange(len(data))]
    if kind == "indent":
        shift = rng.choice((-4, -2, -1, 1, 2, 4))
        line = lines[i]
        lines[i] = b" " * shift + line if shift > 0 else line[min(-shift, len(line) - len(line.lstrip(b" "))):]
        return kind, b"".join(lines)
    words = [w for w in KEYS if f"{w}:".encode() in lines[i]]
    if not words:
        return "rename", b"".join(lines[:i] + [lines[i].replace(b":", b"::", 1)] + lines[i + 1:])
    old = rng.choice(words).encode()
    new = rng.choice([k.encode() for k in KEYS if k.encode() != old] + [old[:-1], old + old[-1:]])
    lines[i] = lines[i].replace(old + b":", new + b":", 1)
    return kind, b"".join(lines)


SHARED = {Path(n).stem for n in SHARED_FILES}   # in rules/, loaded with any municipality


def counts(ruleset) -> tuple:
    common = ruleset.common
    plans = ruleset.plans.values()
    return (len(common.concerns), len(common.questions), len(common.emergency),
            len(common.danger.kinds),
            sum(len(p.rules) for p in plans), sum(len(p.contacts) for p in plans))


def routing(ruleset, mid: str) -> tuple:
    return tuple(_outcome(ruleset, case) for _, case in _answer_cases(ruleset, mid))


def run(cases: int, seed: int) -> dict:
    work = Path(tempfile.mkdtemp(prefix="navigator-fuzz-"))
    try:
        for folder in ("rules", "contacts"):
            shutil.copytree(ROOT / folder, work / folder)
        targets = sorted(str(p.relative_to(work)) for d in ("rules", "contacts") for p in (work / d).glob("*.yaml"))
        original = {t: (work / t).read_bytes() for t in targets}
        mids = {t: (Path(t).stem if Path(t).stem not in SHARED else "asaka") for t in targets}
        baseline = {}
        for mid in sorted(set(mids.values())):
            loaded = load(work / "rules", work / "contacts", only=[mid])
            assert loaded.ok, loaded.problems[:3]
            baseline[mid] = (counts(loaded.ruleset), routing(loaded.ruleset, mid), loaded.ruleset.plans[mid])
        rng = random.Random(seed)
        outcome: Counter = Counter()
        by_kind: Counter = Counter()
        examples: dict[str, list] = {}
        previous = signal.signal(signal.SIGALRM, _alarm)
        start = time.perf_counter()
        for n in range(cases):
            target = rng.choice(targets)
            kind, data = mutate(rng, original[target])
            if data == original[target]:
                result = "same"
            else:
                (work / target).write_bytes(data)
                result = _one(work, mids[target], kind, baseline)
                (work / target).write_bytes(original[target])
            outcome[result] += 1
            by_kind[f"{kind}:{result}"] += 1
            if result in ("drop", "crash", "hang", "unplaced") and len(examples.setdefault(result, [])) < 5:
                examples[result].append(f"case {n}: {kind} of {target}")
        signal.signal(signal.SIGALRM, previous)
        return {"cases": cases, "seed": seed, "seconds": round(time.perf_counter() - start, 1),
                "outcomes": dict(outcome), "by_mutation": dict(sorted(by_kind.items())), "examples": examples}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _one(work: Path, mid: str, kind: str, baseline: dict) -> str:
    signal.setitimer(signal.ITIMER_REAL, LIMIT_S)
    try:
        loaded = load(work / "rules", work / "contacts", only=[mid])
        if not loaded.ok:
            errors = [p for p in loaded.problems if p.level == ERROR]
            return "refused" if all(p.line >= 1 for p in errors) else "unplaced"
        if mid not in loaded.ruleset.plans:
            return "drop"
        before_counts, before_routes, before_plan = baseline[mid]
        if loaded.ruleset.plans[mid] == before_plan and counts(loaded.ruleset) == before_counts:
            if routing(loaded.ruleset, mid) == before_routes:
                return "same"
        elif routing(loaded.ruleset, mid) == before_routes and counts(loaded.ruleset) == before_counts:
            return "same"
        if kind == "truncate" or any(a < b for a, b in zip(counts(loaded.ruleset), before_counts)):
            return "drop"
        return "edit"
    except Hang:
        return "hang"
    except Exception:  # noqa: BLE001 - counting escapes is the point
        return "crash"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def main(argv: list[str]) -> int:
    cases = int(argv[0]) if argv else 20_000
    seed = int(argv[1]) if len(argv) > 1 else 14
    found = run(cases, seed)
    print(json.dumps(found, ensure_ascii=False, indent=2))
    bad = sum(found["outcomes"].get(k, 0) for k in ("crash", "hang", "drop", "unplaced"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
