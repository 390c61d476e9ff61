"""Mutation fuzzing of the shipped files, a fixed-seed sample of bench/fuzz.py (20,000 there):
each mutated file loads with identical routing, or is refused with the project's own problem
at a line; never a crash, a hang, or an entry silently lost (red-team B3)."""

from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

import fuzz  # noqa: E402


def test_mutated_shipped_files_are_refused_or_route_the_same():
    found = fuzz.run(250, seed=2026)
    outcomes = found["outcomes"]
    assert sum(outcomes.values()) == 250
    assert {k: outcomes.get(k, 0) for k in ("crash", "hang", "drop", "unplaced")} == \
        {"crash": 0, "hang": 0, "drop": 0, "unplaced": 0}, found["examples"]
    assert outcomes["refused"] > 100  # the mutations do break files
