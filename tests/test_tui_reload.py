"""Live reload while a problem screen or the picker is open: staff fix a file and go on."""

from __future__ import annotations

from textual.widgets import OptionList

from navigator.tui.app import NavigatorApp
from navigator.tui.screens.guard import NOTICE
from navigator.tui.screens.errors import LoadErrorScreen
from navigator.tui.screens.intake import IntakeScreen
from navigator.tui.screens.municipality import MunicipalityScreen
from navigator.tui.screens.result import ResultScreen

SIZE = (80, 24)


def no_failure(app) -> bool:
    return not any(NOTICE in n.message for n in app._notifications)


async def pick(pilot, app, mid: str) -> None:
    await pilot.press(str([m for m, _ in app.screen.choices].index(mid) + 1))
    await pilot.pause()


def broken(mini, name: str) -> tuple[object, str, NavigatorApp]:
    """rules/<name>.yaml cut to an unclosed bracket, its good text, and an app on the folder."""
    path = mini / "rules" / f"{name}.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text("municipality: [\n", encoding="utf-8")
    return path, good, NavigatorApp(mini / "rules", mini / "contacts", None, watch_interval=None)


def picker_labels(app) -> list[str]:
    return [str(o.prompt) for o in app.screen.query_one(OptionList)._options]


async def test_fixing_the_file_behind_its_problem_screen_opens_its_intake(mini):
    town, good, app = broken(mini, "town")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pick(pilot, app, "town")  # broken: its problems
        assert isinstance(app.screen, LoadErrorScreen) and app.screen.municipality == "town"
        town.write_text(good, encoding="utf-8")
        app.reload_if_changed()
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen) and app.consultation.municipality == "town"
        assert no_failure(app) and any("変更を読み込みました" in n.message for n in app._notifications)
        await pilot.press(*"借金", "enter")  # the keys work
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen) and app.screen.result.municipality.id == "town"


async def test_an_edit_that_leaves_it_broken_shows_its_new_problems(mini):
    town, _, app = broken(mini, "town")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pick(pilot, app, "town")
        town.write_text("municipality: {\n", encoding="utf-8")
        app.reload_if_changed()
        await pilot.pause()
        assert isinstance(app.screen, LoadErrorScreen) and app.screen.municipality == "town"
        assert no_failure(app)
        await pilot.press("escape")  # back to the list, which works
        await pilot.pause()
        assert isinstance(app.screen, MunicipalityScreen)
        await pick(pilot, app, "village")
        assert isinstance(app.screen, IntakeScreen) and app.consultation.municipality == "village"


async def test_the_picker_shows_a_fixed_municipality_as_usable(mini):
    town, good, app = broken(mini, "town")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert any("使えません" in label for label in picker_labels(app))
        town.write_text(good, encoding="utf-8")
        app.reload_if_changed()
        await pilot.pause()
        assert isinstance(app.screen, MunicipalityScreen)
        assert not any("使えません" in label for label in picker_labels(app)), picker_labels(app)
        assert no_failure(app)
        await pick(pilot, app, "town")
        assert isinstance(app.screen, IntakeScreen) and app.consultation.municipality == "town"


async def test_fixing_a_file_under_the_f4_problem_list_returns_to_the_intake(mini):
    village, good, app = broken(mini, "village")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pick(pilot, app, "town")
        await pilot.press(*"借金")
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, LoadErrorScreen)
        village.write_text(good, encoding="utf-8")
        app.reload_if_changed()
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen) and app.consultation.text == "借金"
        assert no_failure(app)
