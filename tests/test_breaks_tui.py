"""Red-team breaks in the TUI, each with a test that failed before its fix: tiny terminals (B6),
pasted control characters (B14), very long pastes, the consent tick, the slip's rules version
(B17) and an export that never replaces a file (B7)."""

from __future__ import annotations

import os
import stat

import pytest
from textual import events
from textual.widgets import Checkbox, Input

from navigator.loading import load
from navigator.tui.app import NavigatorApp
from navigator.tui.safe_input import MAX_CHARS
from navigator.tui.screens.export import ExportScreen
from navigator.tui.screens.help import HelpScreen
from navigator.tui.screens.why import WhyScreen
from navigator.tui.screens.intake import IntakeScreen
from navigator.tui.screens.question import QuestionScreen
from navigator.tui.screens.result import ResultScreen
from conftest import MINI
from test_fuzz import time_limit

SIZES = [(8, 24), (1, 1), (2, 1), (1, 40), (5, 3), (120, 1), (12, 6), (0, 0), (80, 24)]


def mini_app(folder=MINI, municipality="town") -> NavigatorApp:
    return NavigatorApp(folder / "rules", folder / "contacts", municipality, watch_interval=None)


async def shake(pilot, app) -> None:
    """Every size, back to 80×24 after each; the app must still run and keep the consultation."""
    for size in SIZES:
        await pilot.resize_terminal(*size)
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.is_running and app._exception is None, size


async def test_every_screen_survives_any_terminal_size():
    app = mini_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await shake(pilot, app)                                    # intake
        await pilot.press(*"子どもが叩かれている")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        await shake(pilot, app)                                    # question
        await pilot.press("1", "1")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        await shake(pilot, app)                                    # result with emergency lines
        for key, screen in (("w", WhyScreen), ("e", ExportScreen), ("f1", HelpScreen)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, screen)
            await shake(pilot, app)
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("escape", "escape", "escape")
        await pilot.pause()
        await shake(pilot, app)                                    # back at the intake, words kept
        assert app.consultation.text == "子どもが叩かれている"


async def test_municipality_picker_survives_a_one_cell_terminal():
    app = mini_app(municipality=None)
    async with app.run_test(size=(1, 1)) as pilot:
        await pilot.pause()
        await shake(pilot, app)
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen)


async def test_pasted_control_and_bidi_characters_are_shown_not_sent():
    app = mini_app()
    async with app.run_test(size=(80, 24)) as pilot:
        field = app.screen.query_one("#text")
        field.focus()
        app.post_message(events.Paste("借金\x1b[2J\u202e\u200b\ufeff\U000e0041がある\x07"))
        await pilot.pause()
        assert field.value == "借金\\x1b[2J\\u202e\\u200b\\ufeff\\U000e0041がある\\x07"
        assert app.consultation.text == field.value
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)


async def test_a_very_long_paste_is_cut_with_a_notice_and_the_consultation_goes_on():
    app = mini_app()
    async with app.run_test(size=(80, 24)) as pilot:
        field = app.screen.query_one("#text")
        await pilot.press(*"借金")
        app.post_message(events.Paste("あ" * 280_000))
        await pilot.pause()
        assert len(field.value) == MAX_CHARS and field.value.startswith("借金あ")
        assert any("文字までにしました" in str(n.message) for n in app._notifications)
        await pilot.press("い")  # full: refused, nothing else changes
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)


async def export_dialog(pilot, app, tmp_path, name="slip.md"):
    await pilot.press(*"借金があって困っている")
    await pilot.press("enter", "e")
    await pilot.pause()
    assert isinstance(app.screen, ExportScreen)
    app.screen.query_one("#path", Input).value = str(tmp_path / name)
    return app.screen


async def test_the_slip_names_the_rules_in_use_not_the_files_on_disk(mini, tmp_path):
    """After a refused reload the files on disk are not the rules in use (B17, D4)."""
    app = mini_app(folder=mini)
    async with app.run_test(size=(80, 24)) as pilot:
        in_use = load(mini / "rules", mini / "contacts", only=["town"]).ruleset.plans["town"].version
        assert len(in_use) == 12
        town = mini / "contacts" / "town.yaml"
        town.write_text(town.read_text(encoding="utf-8").replace("\nend: true", ""), encoding="utf-8")
        app.reload_if_changed()
        await pilot.pause()
        assert app.problems  # refused: the last good rules are kept
        await export_dialog(pilot, app, tmp_path)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert f"ルールの版: {in_use}" in (tmp_path / "slip.md").read_text(encoding="utf-8")


async def test_export_never_reads_a_fifo_in_the_rules(mini, tmp_path):
    """A FIFO among the rule files froze the export, which read every *.yaml on disk (B7)."""
    app = mini_app(folder=mini)
    async with app.run_test(size=(80, 24)) as pilot:
        os.mkfifo(mini / "rules" / "zz.yaml")
        await export_dialog(pilot, app, tmp_path)
        with time_limit(20):
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
    assert stat.S_IMODE(os.stat(tmp_path / "slip.md").st_mode) == 0o600


def test_writing_never_replaces_a_file_created_meanwhile(tmp_path, monkeypatch):
    """The export checked for an existing file, then os.replace'd over whatever appeared (B7)."""
    from navigator.render import slip, slip_file

    target = tmp_path / "slip.md"
    real_mkstemp = slip_file.tempfile.mkstemp

    def racing_mkstemp(*args, **kwargs):
        target.write_text("someone else's file", encoding="utf-8")
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(slip_file.tempfile, "mkstemp", racing_mkstemp)
    with pytest.raises(FileExistsError):
        slip_file.write_private(target, "the slip")
    assert target.read_text(encoding="utf-8") == "someone else's file"
    assert [p.name for p in tmp_path.iterdir()] == ["slip.md"]


def test_without_hard_links_the_slip_is_still_written_exclusively(tmp_path, monkeypatch):
    from navigator.render import slip, slip_file

    def no_links(*args, **kwargs):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(slip_file.os, "link", no_links)
    slip_file.write_private(tmp_path / "slip.txt", "the slip")
    assert (tmp_path / "slip.txt").read_text(encoding="utf-8") == "the slip"
    assert stat.S_IMODE(os.stat(tmp_path / "slip.txt").st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["slip.txt"]
    with pytest.raises(FileExistsError):
        slip_file.write_private(tmp_path / "slip.txt", "again")
