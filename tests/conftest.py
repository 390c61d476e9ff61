"""Shared fixtures: the small rule set in tests/fixtures/mini, copied where a test may break it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from navigator import messages
from navigator.loading import load

HERE = Path(__file__).parent
MINI = HERE / "fixtures" / "mini"
ROOT = HERE.parent


END_BLOCK = "\n# ファイルの終わりの印です。"


def append_entries(path: Path, text: str) -> None:
    """Add list entries at the end of a rule or contact file: above its closing `end: true`."""
    whole = path.read_text(encoding="utf-8")
    at = whole.rindex(END_BLOCK)
    path.write_text(whole[:at] + text + whole[at:], encoding="utf-8")


@pytest.fixture(autouse=True)
def rules_load_at_once(monkeypatch):
    """The TUI loads its rules on the UI thread in tests, so a test's first keys find them loaded;
    tests/test_tui_start.py checks the background load (the app's default) itself."""
    import sys

    app = sys.modules.get("navigator.tui.app")
    if app is not None:
        monkeypatch.setattr(app.NavigatorApp, "load_in_background", False)


@pytest.fixture(autouse=True)
def japanese(monkeypatch):
    """Messages in the default language, whatever NAVIGATOR_LANG the developer has set."""
    monkeypatch.delenv("NAVIGATOR_LANG", raising=False)
    with messages.using("ja"):
        yield


@pytest.fixture
def english(monkeypatch, japanese):
    """Messages in English (NAVIGATOR_LANG=en), for tests written against the English texts."""
    monkeypatch.setenv("NAVIGATOR_LANG", "en")
    with messages.using("en"):
        yield


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


@pytest.fixture(autouse=True)
def slips_in_tmp(tmp_path_factory, monkeypatch):
    """No test writes a slip into the real home folder: the default slips folder is a temporary one."""
    monkeypatch.setenv("NAVIGATOR_SLIPS", str(tmp_path_factory.mktemp("slips")))


def pytest_addoption(parser):
    parser.addoption("--snapshot-update", action="store_true", default=False,
                     help="rewrite the pinned screen pictures in tests/snapshots/ (tests/test_pictures.py)")
