"""The intake screen is up before the rules load (issue 12): typing works at once, and what was
typed or asked for while they loaded is read as soon as they are ready, with the same result."""

from __future__ import annotations

import threading

import pytest

from navigator.tui import app as app_module
from navigator.tui.app import NavigatorApp
from navigator.tui.screens.intake import LOADING, IntakeScreen
from navigator.tui.screens.result import ResultScreen
from conftest import MINI

SIZE = (80, 24)


@pytest.fixture
def held(monkeypatch):
    """The background load (the app's default), held until the test lets it go."""
    monkeypatch.setattr(NavigatorApp, "load_in_background", True)
    gate = threading.Event()
    real = app_module.load

    def slow_load(*args, **kwargs):
        gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(app_module, "load", slow_load)
    yield gate
    gate.set()


def mini_app() -> NavigatorApp:
    return NavigatorApp(MINI / "rules", MINI / "contacts", "town", watch_interval=None)


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def loaded(pilot, app) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_intake_accepts_typing_before_the_rules_load(held):
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen) and app.ruleset is None
        assert app.focused is app.screen.query_one("#text")
        assert LOADING in shown(app, "#where")
        await pilot.press(*"借金")
        await pilot.pause()
        assert app.screen.query_one("#text").text == "借金" and app.ruleset is None
        held.set()
        await loaded(pilot, app)
        assert app.screen.query_one("#text").text == "借金"
        assert "生活困窮" in shown(app, "#suggest")
        assert "町" in shown(app, "#where") and LOADING not in shown(app, "#where")


async def test_enter_before_the_rules_load_waits_then_routes_as_usual(held, monkeypatch):
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"借金", "enter")
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen)   # waiting, not an empty result
        held.set()
        await loaded(pilot, app)
        assert isinstance(app.screen, ResultScreen)
        early = [r.contact.window for r in app.screen.result.referrals]
    monkeypatch.setattr(NavigatorApp, "load_in_background", False)
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"借金", "enter")
        await pilot.pause()
        assert [r.contact.window for r in app.screen.result.referrals] == early == ["自立相談", "生活福祉資金"]


async def test_a_broken_load_while_typing_shows_the_problem_not_a_traceback(held, monkeypatch):
    def broken(*args, **kwargs):
        held.wait(10)
        raise RuntimeError("boom")

    monkeypatch.setattr(app_module, "load", broken)
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"借金")
        held.set()
        await loaded(pilot, app)
        from navigator.tui.screens.errors import LoadErrorScreen
        assert isinstance(app.screen, LoadErrorScreen)


async def test_the_one_asked_for_broken_gives_the_picker_after_the_load(held, mini):
    from navigator.tui.screens.municipality import MunicipalityScreen

    (mini / "rules" / "town.yaml").write_text("municipality: [\n", encoding="utf-8")
    app = NavigatorApp(mini / "rules", mini / "contacts", "town", watch_interval=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen) and app.ruleset is None
        held.set()
        await loaded(pilot, app)
        assert isinstance(app.screen, MunicipalityScreen) and list(app.ruleset.plans) == ["village"]
