"""Shared fixtures: the small rule set in tests/fixtures/mini, copied where a test may break it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from navigator.loading import load

HERE = Path(__file__).parent
MINI = HERE / "fixtures" / "mini"
ROOT = HERE.parent


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A private copy of the mini rule set (rules/ and contacts/ under the returned folder)."""
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture(scope="session")
def mini_rules():
    loaded = load(MINI / "rules", MINI / "contacts")
    assert loaded.ok, loaded.problems
    return loaded.ruleset


@pytest.fixture(scope="session")
def shipped():
    loaded = load(ROOT / "rules", ROOT / "contacts")
    assert loaded.ok, "\n".join(map(str, loaded.problems))
    return loaded.ruleset
