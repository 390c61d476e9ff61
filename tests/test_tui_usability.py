"""New-user test at 80×24 (F12–F14): what a user sees and what their keys do, through Pilot."""

from __future__ import annotations

from textual import events
from textual.widgets import Checkbox, Input

from navigator.tui.screens.export import ExportScreen
from navigator.tui.screens.result import ResultScreen
from test_tui import SIZE, answer_all_unknown, mini_app, type_text


async def burst(pilot, *keys: tuple[str, str | None]) -> None:
    """Keys that arrive in one terminal write (tmux send-keys Tab Space): all queued at once."""
    for key, char in keys:
        pilot.app._driver.send_message(events.Key(key, char))
    for _ in range(10):
        await pilot.pause(0.02)


async def test_keys_in_one_burst_reach_the_dialog_they_were_meant_for():
    """E Tab Space in one write: the dialog opens and 同意 is ticked (not a space in the path)."""
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "借金があって困っている")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        await burst(pilot, ("e", "e"), ("tab", "\t"), ("space", " "))
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.query_one("#consent", Checkbox).value
        assert not app.screen.query_one("#path", Input).value.endswith(" ")
        await burst(pilot, ("tab", "\t"), ("tab", "\t"), ("space", " "))   # 民生委員用
        assert app.screen.query_one("#minsei", Checkbox).value
        assert not app.screen.query_one("#include-text", Checkbox).value


async def test_export_dialog_shows_how_to_confirm_inside_its_box(tmp_path, monkeypatch):
    """At 80×24 the buttons and the keys line are inside the visible box, and the button writes."""
    monkeypatch.setenv("NAVIGATOR_SLIPS", str(tmp_path))
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "借金があって困っている")
        await pilot.press("enter", "e")
        await pilot.pause()
        dialog = app.screen.query_one(".dialog").region
        for selector in ("#write", "#cancel", "#minsei"):
            widget = app.screen.query_one(selector)
            assert dialog.contains_region(widget.region) and widget.region.bottom < SIZE[1], selector
        keys = [w for w in app.screen.query(".hint") if "Ctrl+S 書き出す" in str(w.render())]
        assert keys and dialog.contains_region(keys[0].region)
        assert "書き出す" in str(app.screen.query_one("#write").label)
        await pilot.click("#write")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
    assert len(list(tmp_path.iterdir())) == 1


async def test_question_mark_opens_the_help_wherever_nothing_is_being_typed():
    from navigator.tui.screens.guided import WhoScreen
    from navigator.tui.screens.help import HelpScreen
    from navigator.tui.screens.intake import IntakeScreen
    from navigator.tui.screens.question import QuestionScreen

    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "叩かれている?")   # in the resident's words it is a character
        assert isinstance(app.screen, IntakeScreen) and app.screen.query_one("#text").text == "叩かれている?"
        await pilot.press("enter")
        await pilot.pause(1.1)         # not right after typing (a question screen ignores that)
        for expected in (QuestionScreen, ResultScreen):
            assert isinstance(app.screen, expected)
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("question_mark")   # ? again closes it, as F1 and Esc do
            assert isinstance(app.screen, expected)
            if expected is QuestionScreen:
                await answer_all_unknown(pilot, app)
        await pilot.press("ctrl+n", "y", "f5")
        await pilot.pause()
        assert isinstance(app.screen, WhoScreen)
        await pilot.press("fullwidth_question_mark")
        assert isinstance(app.screen, HelpScreen)
