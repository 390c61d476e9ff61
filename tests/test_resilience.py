"""Never losing a consultation: a failing handler becomes a notice and everything typed, ticked and
answered stays; a broken live reload keeps the last good rules; a failed export loses nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from navigator.search import ConcernMatcher
from navigator.tui import app as app_module
from navigator.tui import flow as flow_module
from navigator.tui import flow as flow_module
from navigator.tui.app import NavigatorApp
from navigator.tui.screens import export, why
from navigator.tui.screens.export import ExportScreen
from navigator.tui.screens.errors import LoadErrorScreen
from navigator.tui.screens.guard import NOTICE
from navigator.tui.screens.intake import IntakeScreen
from navigator.tui.screens.question import QuestionScreen
from navigator.tui.screens.result import ResultScreen
from conftest import MINI

SIZE = (100, 30)


class Broken:
    """A stand-in that raises until `fixed` is set, then does what the real one does."""

    def __init__(self, real):
        self.real, self.fixed, self.calls = real, False, 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        if not self.fixed:
            raise RuntimeError("simulated bug")
        return self.real(*args, **kwargs)


def mini_app(folder: Path = MINI) -> NavigatorApp:
    return NavigatorApp(folder / "rules", folder / "contacts", "town", watch_interval=None)


def error_notices(app) -> list[str]:
    return [n.message for n in app._notifications if n.severity == "error"]


def assert_notice(app) -> None:
    assert any(m.startswith(NOTICE) for m in error_notices(app)), list(app._notifications)
    assert app.is_running


async def test_routing_bug_keeps_text_and_ticks(monkeypatch):
    route = Broken(flow_module.route)
    monkeypatch.setattr(flow_module, "route", route)
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"借金があって困っている", "enter")
        await pilot.pause()
        assert route.calls == 1
        assert_notice(app)
        assert isinstance(app.screen, IntakeScreen)
        assert app.screen.query_one("#text").value == "借金があって困っている"
        assert app.consultation.text == "借金があって困っている" and app.consultation.ticked == ["poverty"]
        route.fixed = True
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)


async def test_routing_bug_after_questions_keeps_the_answers(monkeypatch):
    route = Broken(flow_module.route)
    monkeypatch.setattr(flow_module, "route", route)
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"叩かれている", "enter", "2", "1")
        await pilot.pause()
        assert_notice(app)
        assert isinstance(app.screen, QuestionScreen) and app.screen.question.id == "danger"
        assert app.consultation.answers == {"who": "elder", "danger": "yes"}
        assert app.consultation.ticked == ["abuse"]
        route.fixed = True
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)


async def test_search_bug_while_typing_keeps_the_text(monkeypatch):
    match = Broken(ConcernMatcher.match)
    monkeypatch.setattr(ConcernMatcher, "match", lambda self, *a, **k: match(self, *a, **k))
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"借金")
        await pilot.pause()
        assert_notice(app)
        assert app.screen.query_one("#text").value == "借金" == app.consultation.text
        match.fixed = True
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)


async def test_why_and_export_bugs_keep_the_result(monkeypatch):
    explain = Broken(why.result_why)
    render = Broken(export.render)
    monkeypatch.setattr(why, "result_why", explain)
    monkeypatch.setattr(export, "render", render)
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"借金", "enter", "w")
        await pilot.pause()
        assert_notice(app)
        assert isinstance(app.screen, ResultScreen) and len(app.screen.result.referrals) == 2
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = "/nonexistent/never-written.md"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen) and render.calls == 1
        assert app.screen.query_one("#path", Input).value == "/nonexistent/never-written.md"
        assert len(error_notices(app)) == 2 and app.consultation.text == "借金"


# ---- live reload ----------------------------------------------------------------------


def break_file(path: Path) -> None:
    path.write_text("municipality: [\n", encoding="utf-8")


async def test_broken_reload_keeps_the_last_good_rules_until_fixed(mini):
    town = mini / "contacts" / "town.yaml"
    good = town.read_text(encoding="utf-8")
    app = mini_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"借金")
        await pilot.pause()
        rules = app.ruleset
        break_file(town)
        app.reload_if_changed()
        await pilot.pause()
        # a notice, not a takeover: the consultation goes on with the last good rules
        assert app.ruleset.plans["town"] is rules.plans["town"] and isinstance(app.screen, IntakeScreen)
        assert any("前のルールで案内を続けます" in m for m in error_notices(app))
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, LoadErrorScreen) and not app.screen.fatal
        assert "contacts/town.yaml:1:15" in str(app.screen.query_one("#problems Static").render())
        await pilot.press("escape")
        town.write_text("contacts: {\n", encoding="utf-8")  # still broken, differently
        app.reload_if_changed()
        await pilot.pause()
        assert [type(s) for s in app.screen_stack[1:]] == [IntakeScreen]
        town.write_text(good.replace("window: 自立相談", "window: 自立相談センター"), encoding="utf-8")
        app.reload_if_changed()
        await pilot.pause()
        assert app.ruleset is not rules  # the fixed rules are in use, the stale problem list is gone
        assert isinstance(app.screen, IntakeScreen)
        assert app.screen.query_one("#text").value == "借金"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.result.referrals[0].contact.window == "自立相談センター"


async def test_reload_that_crashes_the_loader_keeps_the_rules(mini, monkeypatch):
    app = mini_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"借金")
        rules = app.ruleset
        monkeypatch.setattr(app_module, "load", Broken(app_module.load))
        (mini / "rules" / "town.yaml").write_text("# edited\n" + (mini / "rules" / "town.yaml").read_text("utf-8"),
                                                  encoding="utf-8")
        app.reload_if_changed()
        await pilot.pause()
        assert app.ruleset is rules and app.is_running
        assert isinstance(app.screen, IntakeScreen) and error_notices(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)


async def test_reload_without_the_current_municipality_keeps_the_rules(mini):
    app = NavigatorApp(mini / "rules", mini / "contacts", None, watch_interval=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", *"借金")  # 村
        await pilot.pause()
        rules = app.ruleset
        for folder in ("rules", "contacts"):
            (mini / folder / "village.yaml").unlink()
        app.reload_if_changed()
        await pilot.pause()
        assert app.ruleset is rules
        assert any("village" in m for m in error_notices(app))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen) and app.screen.result.municipality.id == "village"


# ---- export to where it cannot go ---------------------------------------------------------


async def try_export(tmp_path: Path, target: str) -> str:
    """Export to `target`; returns the dialog's message. The result and the words stay."""
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"借金", "enter", "e")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = target
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen) and app.is_running
        message = str(app.screen.query_one("#export-message", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen) and app.consultation.text == "借金"
        await pilot.press("e")  # and a good path still works afterwards
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(tmp_path / "ok.md")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
    assert (tmp_path / "ok.md").is_file()
    return message


async def test_export_to_a_folder_asks_for_a_file_name(tmp_path):
    (tmp_path / "folder").mkdir()
    assert "フォルダです" in await try_export(tmp_path, str(tmp_path / "folder"))
    assert list((tmp_path / "folder").iterdir()) == []


async def test_export_to_an_impossible_name_says_so(tmp_path):
    assert "書き出せませんでした" in await try_export(tmp_path, str(tmp_path / "a\x00b.md"))


async def test_export_to_an_unknown_home_says_so(tmp_path):
    assert "ホームフォルダが見つかりません" in await try_export(tmp_path, "~no-such-user-here/slip.md")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to a read-only folder")
async def test_export_to_a_read_only_folder_says_so(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        assert "書き出せませんでした" in await try_export(tmp_path, str(locked / "slip.md"))
    finally:
        locked.chmod(0o700)
    assert list(locked.iterdir()) == []


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
async def test_export_to_a_read_only_file_system_says_so(tmp_path):
    # Even root cannot create a file in /proc.
    assert "書き出せませんでした" in await try_export(tmp_path, "/proc/slip.md")


async def test_reload_of_a_file_saved_half_way_keeps_the_last_good_rules(mini):
    """Cut at a rule boundary the file is valid YAML; without its `end: true` it is refused (B3)."""
    town = mini / "rules" / "town.yaml"
    text = town.read_text(encoding="utf-8")
    app = mini_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        rules = app.ruleset
        town.write_text(text[:text.rindex("\n  - id: ")] + "\n", encoding="utf-8")
        app.reload_if_changed()
        await pilot.pause()
        assert app.ruleset.plans["town"] is rules.plans["town"]
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, LoadErrorScreen) and not app.screen.fatal
        assert "「end: true」がありません" in str(app.screen.query_one("#problems Static").render())
