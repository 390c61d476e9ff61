"""Pinned pictures of every screen at 80×24, dark and light (Textual's own SVG export), so a
layout change is reviewed as a picture: a changed screen fails here until its SVG is updated.

    .venv/bin/pytest tests/test_pictures.py --snapshot-update   # rewrite tests/snapshots/*.svg

then look at the changed SVGs (any browser opens them) and commit them with the change.
pytest-textual-snapshot was not used: its 1.1.0 needs syrupy 4, which needs pytest < 9 (the
suite runs on pytest 9). Deterministic: made-up cases, a fixed clock for opening hours, fixed slip
path, no cursor blink; no random anywhere."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from conftest import MINI, ROOT
from test_tui import answer_as_offered
from navigator.tui.app import NavigatorApp

SNAPSHOTS = Path(__file__).parent / "snapshots"
SIZE = (80, 24)
THEMES = ("textual-dark", "textual-light")
DV = "夫に毎晩殴られてて、今夜も帰ったら何されるか分からない。今すぐ助けてほしい"
CARER = "80歳の母が認知症で、お金の管理もできなくなってきて、私も仕事を辞めて介護してるんですけど、もう限界で"
NOON = dt.datetime(2026, 12, 2, 12, 0)


class FixedClock(dt.datetime):
    @classmethod
    def now(cls, tz=None):
        return NOON


def still(app) -> None:
    """No blinking cursor: the picture is the same whenever it is taken."""
    for widget in app.screen.query("TextArea, Input"):
        widget.cursor_blink = False


async def walk(app, pilot, theme: str) -> dict[str, str]:
    """Every screen of the desk, in the order a consultation meets them: name → SVG."""

    pictures: dict[str, str] = {}
    app.theme = theme

    async def take(name: str) -> None:
        await pilot.pause()
        still(app)
        await pilot.pause()
        pictures[name] = app.export_screenshot(title=name)

    await pilot.pause()
    await app.workers.wait_for_complete()
    await take("intake-empty")
    app.screen.query_one("#text").text = CARER
    await take("intake-household")
    await pilot.press("f6")
    await take("household")
    await pilot.press("escape", "enter")
    await take("question")
    await answer_as_offered(pilot, app)
    await take("result-household")
    await pilot.press("w")
    await take("why")
    await pilot.press("escape", "e")
    await take("export")
    await pilot.press("escape", "f1")
    await take("help")
    await pilot.press("escape", "ctrl+n")
    await take("confirm")
    await pilot.press("y")
    await pilot.pause()
    app.screen.query_one("#text").text = DV
    await pilot.pause()
    await pilot.press("enter")
    await take("question-danger")     # two はい and いいえ, one pre-selected from the words
    await answer_as_offered(pilot, app)
    await take("result-dv")
    await pilot.press("ctrl+n", "y")
    await pilot.pause()
    await pilot.press("f5")
    await take("guided-who")
    await pilot.press("3")
    await take("guided-trouble")
    await pilot.press("escape", "escape", "escape")
    await take("municipality")
    return pictures


async def all_pictures(monkeypatch, tmp_path) -> dict[str, str]:
    from navigator.tui.screens import export
    from navigator.tui.widgets import referrals

    monkeypatch.setattr(referrals.dt, "datetime", FixedClock)
    monkeypatch.setattr(export, "default_slip_path", lambda now=None: Path("/slips/つなぎシート-20261202-1200.html"))
    monkeypatch.setattr(export, "default_folder", lambda: Path("/slips"))
    pictures = {}
    for theme in THEMES:
        app = NavigatorApp(ROOT / "rules", ROOT / "contacts", "asaka", watch_interval=None)
        async with app.run_test(size=SIZE) as pilot:
            for name, svg in (await walk(app, pilot, theme)).items():
                pictures[f"{name}-{theme.removeprefix('textual-')}"] = svg
    return pictures


async def load_error_picture() -> str:
    app = NavigatorApp(MINI / "no-rules-here", MINI / "contacts", None, watch_interval=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        return app.export_screenshot(title="load-error")


def test_every_screen_matches_its_pinned_picture(monkeypatch, tmp_path, request):
    pictures = asyncio.run(all_pictures(monkeypatch, tmp_path))
    pictures["load-error-dark"] = asyncio.run(load_error_picture())
    assert len(pictures) == 29
    update = request.config.getoption("--snapshot-update")
    changed = []
    for name, svg in sorted(pictures.items()):
        pinned = SNAPSHOTS / f"{name}.svg"
        if update:
            pinned.write_text(svg, encoding="utf-8")
        elif not pinned.is_file() or pinned.read_text(encoding="utf-8") != svg:
            (tmp_path / f"{name}.svg").write_text(svg, encoding="utf-8")
            changed.append(name)
    assert not changed, (f"screens changed: {changed}; the new pictures are in {tmp_path}. If the change is "
                         "meant, run pytest tests/test_pictures.py --snapshot-update and commit tests/snapshots/")


def test_the_pictures_are_the_same_twice(monkeypatch, tmp_path):
    """Determinism, checked: the same walk twice gives the same SVGs."""
    assert asyncio.run(all_pictures(monkeypatch, tmp_path)) == asyncio.run(all_pictures(monkeypatch, tmp_path))
