"""The shipped scenarios (tests/scenarios/*.yaml), the same ones `navigator test` runs."""

from __future__ import annotations

from collections import Counter

import pytest

from navigator.checks.scenarios import run
from navigator.files.scenarios import load_scenarios, shipped_scenario_files
from navigator.search import ConcernMatcher

SCENARIOS, PROBLEMS = load_scenarios(shipped_scenario_files())
MINIMUM = {"asaka": 40, "maebashi": 15, "isesaki": 15, "ageo": 15, "shimotsuke": 15}


def test_scenario_files_load_cleanly():
    assert not PROBLEMS, "\n".join(map(str, PROBLEMS))


def test_enough_scenarios_per_municipality():
    counts = Counter(s.municipality for s in SCENARIOS)
    for mid, least in MINIMUM.items():
        assert counts[mid] >= least, f"{mid}: {counts[mid]} scenarios, want {least}"


@pytest.fixture(scope="module")
def matcher(shipped):
    return ConcernMatcher(shipped.common.concerns)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[f"{s.municipality}:{s.name}" for s in SCENARIOS])
def test_scenario(shipped, matcher, scenario):
    outcome = run(shipped, matcher, scenario)
    assert outcome.passed, f"{scenario.origin}: " + "; ".join(outcome.failures)
