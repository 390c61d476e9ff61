"""What the resident said stays in memory: a whole consultation writes nothing anywhere, Textual's
logging and screenshots are off, a crash report holds no data, and only an explicit export is
written, atomically and readable by its owner only."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest
from textual import constants
from textual.widgets import Input

from navigator.render import slip, slip_file
from navigator.tui.app import NavigatorApp
from navigator.tui.screens.export import ExportScreen
from navigator.tui.screens.why import WhyScreen
from navigator.tui.screens.intake import IntakeScreen
from navigator.tui.screens.question import QuestionScreen
from navigator.tui.screens.result import ResultScreen
from conftest import MINI, ROOT

SECRET = "母が物忘れで通帳をなくし子どもが叩かれている"
SIZE = (100, 30)


@pytest.fixture
def places(tmp_path, monkeypatch) -> dict[str, Path]:
    """Home, the XDG folders, the temporary folder and the working directory, all empty and private."""
    found = {}
    for name in ("home", "config", "data", "cache", "state", "tmp", "cwd"):
        found[name] = tmp_path / name
        found[name].mkdir()
    for var, name in (("HOME", "home"), ("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                      ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state"), ("TMPDIR", "tmp")):
        monkeypatch.setenv(var, str(found[name]))
    monkeypatch.delenv("NAVIGATOR_CACHE", raising=False)  # the opt-in disk cache writes, by design
    monkeypatch.chdir(found["cwd"])
    return found


def snapshot(*folders: Path) -> dict[str, tuple[int, int, str]]:
    """Every file below the folders: (mode, mtime, content hash)."""
    found = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            info = path.lstat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
            found[str(path)] = (info.st_mode, info.st_mtime_ns, digest)
    return found


def shipped_rules() -> list[Path]:
    return [ROOT / "rules", ROOT / "contacts", MINI]


async def consult(app: NavigatorApp, pilot) -> None:
    """Type, answer every question, see the result and why, start again; leaves the app on intake."""
    await pilot.press(*SECRET)
    await pilot.pause()
    await pilot.press("enter")
    for _ in range(10):
        await pilot.pause()
        if not isinstance(app.screen, QuestionScreen):
            break
        await pilot.press("1")
    assert isinstance(app.screen, ResultScreen)
    await pilot.press("w")
    await pilot.pause()
    assert isinstance(app.screen, WhyScreen)
    await pilot.press("escape", "ctrl+n")
    await pilot.pause()
    await pilot.press("y")  # yes, start again: the case in progress goes
    await pilot.pause()
    assert isinstance(app.screen, IntakeScreen) and app.consultation.text == ""


async def test_a_whole_consultation_writes_nothing(places):
    before = snapshot(*places.values(), *shipped_rules())
    app = NavigatorApp(ROOT / "rules", ROOT / "contacts", "maebashi", watch_interval=0.05)
    async with app.run_test(size=SIZE) as pilot:
        await consult(app, pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert snapshot(*places.values(), *shipped_rules()) == before


async def test_textual_logging_and_screenshots_stay_off(places, monkeypatch):
    # What TEXTUAL_LOG=... and TEXTUAL_SCREENSHOT=0 in the environment would set at import.
    log = places["tmp"] / "textual.log"
    monkeypatch.setattr(constants, "LOG_FILE", str(log))
    monkeypatch.setattr(constants, "SCREENSHOT_DELAY", 0)
    monkeypatch.setattr(constants, "SCREENSHOT_LOCATION", str(places["tmp"]))
    app = NavigatorApp(MINI / "rules", MINI / "contacts", "town", watch_interval=None)
    async with app.run_test(size=SIZE) as pilot:
        await consult(app, pilot)
        await app.run_action("screenshot")  # e.g. a [@click=app.screenshot] somewhere
        await pilot.pause()
        assert app.is_running
    assert not log.exists()
    assert snapshot(*places.values()) == {}


async def test_a_crash_report_shows_where_not_what(places, capsys):
    """Textual prints its report to the terminal, where it stays in the scrollback."""
    app = NavigatorApp(MINI / "rules", MINI / "contacts", "town", watch_interval=None)

    def unguarded_bug():
        words = app.consultation.text  # a local variable holding what the resident said
        raise RuntimeError(f"failed after {len(words)} characters")

    with pytest.raises(RuntimeError):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(*SECRET)
            await pilot.pause()
            app.call_later(unguarded_bug)
            await pilot.pause()
    report = capsys.readouterr().err
    assert "RuntimeError" in report and "unguarded_bug" in report
    assert SECRET not in report


# ---- the one thing that is written: the slip, on request --------------------------------------


async def export(app: NavigatorApp, pilot, path: Path) -> None:
    await pilot.press(*"借金")
    await pilot.press("enter", "e")
    await pilot.pause()
    assert isinstance(app.screen, ExportScreen)
    app.screen.query_one("#path", Input).value = str(path)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_export_is_atomic_and_owner_only(places, monkeypatch):
    replaced = []
    real_link = os.link

    def watching_link(src, dst, **kwargs):
        replaced.append((Path(src), Path(dst), stat.S_IMODE(os.stat(src).st_mode), Path(src).read_text("utf-8")))
        real_link(src, dst, **kwargs)

    monkeypatch.setattr(slip_file.os, "link", watching_link)
    old_umask = os.umask(0)  # permissions must not depend on the user's umask
    try:
        app = NavigatorApp(MINI / "rules", MINI / "contacts", "town", watch_interval=None)
        async with app.run_test(size=SIZE) as pilot:
            await export(app, pilot, places["cwd"] / "slip.md")
            assert isinstance(app.screen, ResultScreen)
    finally:
        os.umask(old_umask)
    target = places["cwd"] / "slip.md"
    [(src, dst, mode, text)] = replaced
    assert dst == target and src.parent == target.parent and src != target
    assert mode == 0o600 and text == target.read_text("utf-8")  # complete before it gets its name
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in places["cwd"].iterdir()) == ["slip.md"]


async def test_a_failed_export_leaves_no_partial_file(places, monkeypatch):
    def full_disk(src, dst, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(slip_file.os, "link", full_disk)
    app = NavigatorApp(MINI / "rules", MINI / "contacts", "town", watch_interval=None)
    async with app.run_test(size=SIZE) as pilot:
        await export(app, pilot, places["cwd"] / "slip.md")
        assert isinstance(app.screen, ExportScreen)
        assert "No space left on device" in str(app.screen.query_one("#export-message").render())
    assert list(places["cwd"].iterdir()) == []
