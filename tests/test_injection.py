"""Text from rule and contact files is shown literally everywhere: Textual markup, terminal escape
sequences and bidi overrides in a name or a reason are printed as text and trigger nothing."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from textual.content import Content
from textual.widgets import Input, OptionList, SelectionList, Static

from navigator import cli
from navigator.render import slip, slip_file
from navigator.files import compose
from navigator.engine import Case, route
from navigator.loading import load
from navigator.tui.app import NavigatorApp
from navigator.tui.screens.export import ExportScreen
from navigator.tui.screens.why import WhyScreen
from navigator.tui.screens.errors import LoadErrorScreen
from navigator.tui.screens.intake import IntakeScreen
from navigator.tui.screens.municipality import MunicipalityScreen
from navigator.tui.screens.question import QuestionScreen
from navigator.tui.screens.result import ResultScreen
from conftest import MINI

# Markup that would make text bold, quit the app on a click or open a link; a clear-screen and a
# retitle escape sequence, a bell, a right-to-left override, a C1 CSI, an isolate and a NUL.
# YAML refuses these characters written raw, but allows them as escapes in double quotes.
PAYLOAD = ("[bold]B[/bold][@click=app.quit]Q[/][link='https://example.com']L[/link]"
           "\x1b[2J\x1b]0;title\x07\u202eR\x9b31m\u2066\x00")
SHOWN = ("[bold]B[/bold][@click=app.quit]Q[/][link='https://example.com']L[/link]"
         "\\x1b[2J\\x1b]0;title\\x07\\u202eR\\x9b31m\\u2066\\x00")
RAW = ("\x1b", "\x07", "\u202e", "\x9b", "\u2066", "\x00")
BAD_MARKUP = "[link=https://example.com]x[/link]"  # not even valid markup: parsing it would raise
SIZE = (160, 50)


def spoil_common(data: dict) -> None:
    for c in data["concerns"]:
        c["label"] += PAYLOAD
        c["description"] = "説明" + PAYLOAD
    for q in data["questions"]:
        q["prompt"] += PAYLOAD
        for o in q["options"]:
            o["label"] += PAYLOAD
    for e in data["emergency"]:
        e["name"] += PAYLOAD
        e["note"] = "注意" + PAYLOAD


def spoil_rules(data: dict) -> None:
    for key in ("name", "prefecture", "plan"):
        data["municipality"][key] += PAYLOAD
    for r in data["rules"]:
        r["program"] += PAYLOAD
        r["reason"] += PAYLOAD
        r["source"]["section"] += PAYLOAD


def spoil_contacts(data: dict) -> None:
    for c in data["contacts"]:
        for key in ("window", "organization"):
            c[key] += PAYLOAD
        c["department"] = (c.get("department") or "課") + PAYLOAD + BAD_MARKUP
        c["phone"] = "0000" + PAYLOAD
        c["address"] = "住所" + PAYLOAD
        c["source"]["section"] += PAYLOAD


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """The mini rule set with every text shown to people carrying the payload."""
    folder = tmp_path / "hostile"
    shutil.copytree(MINI, folder)
    for name, spoil in (("rules/common.yaml", spoil_common), ("rules/town.yaml", spoil_rules),
                        ("rules/village.yaml", spoil_rules), ("contacts/town.yaml", spoil_contacts),
                        ("contacts/village.yaml", spoil_contacts)):
        path = folder / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        spoil(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    loaded = load(folder / "rules", folder / "contacts")
    assert loaded.ok, loaded.problems
    assert loaded.ruleset.plans["town"].contacts["town-jiritsu"].window == "自立相談" + PAYLOAD
    return folder


def literal(content: Content) -> None:
    """The payload is there as text, and no part of it became a style, a link or an action."""
    assert isinstance(content, Content)
    assert SHOWN in content.plain, content.plain
    assert not any(c in content.plain for c in RAW)
    styles = [str(span.style) for span in content.spans]
    assert not any("@click" in s or "link" in s for s in styles), styles


def static(app, selector: str) -> Content:
    return app.screen.query_one(selector, Static).render()


def screen_is_clean(app) -> None:
    """What reaches the terminal holds no raw control character."""
    svg = app.export_screenshot()
    assert not any(c in svg for c in RAW)


def app_for(folder: Path, municipality: str | None = "town") -> NavigatorApp:
    return NavigatorApp(folder / "rules", folder / "contacts", municipality, watch_interval=None)


async def test_every_screen_shows_file_text_literally(hostile, tmp_path):
    app = app_for(hostile, None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MunicipalityScreen)
        options = app.screen.query_one(OptionList)
        literal(options.get_option_at_index(0).prompt)
        screen_is_clean(app)
        await pilot.press("1")
        await pilot.pause()

        assert isinstance(app.screen, IntakeScreen)
        from navigator.tui.widgets.concerns import ConcernGrid
        concerns = app.screen.query_one(ConcernGrid)
        drawn = concerns.render()
        literal(static(app, "#where"))
        assert "[bold]B[/bold][@click" in drawn.plain and not any(c in drawn.plain for c in RAW)
        assert not any("@click" in str(s.style) or "link" in str(s.style) for s in drawn.spans)
        await pilot.press("tab")  # to the list: the highlighted concern's description shows
        await pilot.pause()
        literal(static(app, "#describe"))
        await pilot.press("shift+tab", *"借金があり子どもが叩かれている")
        await pilot.pause()
        literal(static(app, "#suggest"))
        screen_is_clean(app)
        await pilot.press("enter")
        await pilot.pause()

        for _ in range(2):  # who = 子ども, danger = はい
            assert isinstance(app.screen, QuestionScreen)
            literal(static(app, "#prompt"))
            options = app.screen.query_one(OptionList)
            literal(options.get_option_at_index(0).prompt)
            screen_is_clean(app)
            await pilot.press("1")
            await pilot.pause()

        assert isinstance(app.screen, ResultScreen)
        literal(static(app, "#emergency"))
        literal(static(app, "#summary"))
        listing = app.screen.query_one("#referrals", OptionList)
        for i in range(listing.option_count):  # one line each, cut to fit: the start of the payload
            row = listing.get_option_at_index(i).prompt
            assert isinstance(row, Content) and "[bold]B[/bold][@click" in row.plain
            assert not any(c in row.plain for c in RAW) and not row.spans
        cards = [app.screen.query_one("#detail")]
        for card in cards:
            literal(card.render())
        assert BAD_MARKUP in cards[0].render().plain
        screen_is_clean(app)
        for widget in [app.screen.query_one("#emergency"), listing, *cards]:
            await pilot.click(widget)  # a [@click=app.quit] that were live would end the app here
            await pilot.pause()
            assert app.is_running and isinstance(app.screen, ResultScreen)

        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WhyScreen)
        literal(app.screen.query_one(Static).render())
        screen_is_clean(app)
        await pilot.press("escape", "e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#path", Input).value = str(tmp_path / "slip.md")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
    slip = (tmp_path / "slip.md").read_text(encoding="utf-8")
    # Markdown punctuation is backslash-escaped (B16): unescaped, the text is the payload as shown
    assert SHOWN in re.sub(r"\\([`*_\[\]()!#|~])", r"\1", html.unescape(slip)) and not any(c in slip for c in RAW)
    assert "[bold]" not in slip and "\\[bold\\]" in slip


async def test_load_error_screen_shows_file_text_literally(tmp_path):
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    contacts = folder / "contacts" / "town.yaml"
    key = json.dumps(PAYLOAD)  # a JSON string is a YAML double-quoted string
    contacts.write_text(contacts.read_text(encoding="utf-8").replace(
        "    window: 自立相談\n", f"    window: 自立相談\n    {key}: 1\n"), encoding="utf-8")
    app = app_for(folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f4")  # the other municipality is usable; F4 lists the problems
        await pilot.pause()
        assert isinstance(app.screen, LoadErrorScreen)
        literal(static(app, "#problems Static"))
        screen_is_clean(app)


async def test_notifications_show_text_literally(hostile):
    app = app_for(hostile, municipality=PAYLOAD)  # -m as typed, not a known municipality
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MunicipalityScreen)
        [notice] = list(app._notifications)
        assert not notice.markup and SHOWN in notice.message
        screen_is_clean(app)


def test_a_lone_surrogate_does_not_break_the_slip(mini, monkeypatch):
    # The pure-Python loader accepts "\ud800" (libyaml refuses it); UTF-8 cannot encode it.
    monkeypatch.setattr(compose, "_Loader", yaml.SafeLoader)
    contacts = mini / "contacts" / "town.yaml"
    contacts.write_text(contacts.read_text(encoding="utf-8").replace(
        "window: 自立相談", 'window: "自立\\ud800相談"'), encoding="utf-8")
    loaded = load(mini / "rules", mini / "contacts")
    result = route(loaded.ruleset, Case("town", ("poverty",)))
    assert result.referrals[0].contact.window == "自立\ud800相談"
    text = slip.render(loaded.ruleset, result, markdown=False, consent=False, version="x")
    slip_file.write_private(mini / "slip.txt", text)
    assert "自立\\ud800相談" in (mini / "slip.txt").read_text(encoding="utf-8")


# ---- the command line: what a script or a terminal receives ----------------------------------

def run_cli(capsys, folder: Path, *args: str) -> str:
    cli.main([*args, "--rules", str(folder / "rules"), "--contacts", str(folder / "contacts")])
    captured = capsys.readouterr()
    return captured.out + captured.err


def no_raw_controls(output: str) -> None:
    assert not any(c in output for c in RAW), [c for c in RAW if c in output]


@pytest.mark.parametrize("command", [
    ("route", "-m", "town", "--text", "借金", "-c", "abuse", "-a", "who=child", "-a", "danger=yes"),
    ("list",),
    ("coverage",),
])
def test_cli_text_output_is_literal(capsys, hostile, command):
    output = run_cli(capsys, hostile, *command)
    no_raw_controls(output)
    assert SHOWN in output


def test_cli_json_output_is_literal_and_keeps_the_data(capsys, hostile):
    output = run_cli(capsys, hostile, "route", "-m", "town", "--text", "借金", "--format", "json")
    no_raw_controls(output)
    assert json.loads(output)["referrals"][0]["window"] == "自立相談" + PAYLOAD


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_cli_check_output_is_literal(capsys, tmp_path, fmt):
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    contacts = folder / "contacts" / "town.yaml"
    contacts.write_text(contacts.read_text(encoding="utf-8").replace(
        "    window: 自立相談\n", f"    window: 自立相談\n    {json.dumps(PAYLOAD)}: 1\n"), encoding="utf-8")
    no_raw_controls(run_cli(capsys, folder, "check", "--format", fmt))
