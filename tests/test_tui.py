"""The TUI driven as a person would: keys in, screens and widget state out (Textual Pilot)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, SelectionList, Static

from navigator.tui.app import NavigatorApp
from navigator.tui.screens.confirm import ConfirmScreen
from navigator.tui.screens.export import ExportScreen
from navigator.tui.screens.why import WhyScreen
from navigator.tui.screens.errors import LoadErrorScreen
from navigator.tui.screens.intake import IntakeScreen
from navigator.tui.screens.municipality import MunicipalityScreen
from navigator.tui.screens.question import QuestionScreen
from navigator.tui.screens.result import ResultScreen
from navigator.tui.widgets.concerns import ConcernGrid
from conftest import MINI, ROOT

SIZE = (80, 24)


def mini_app(municipality: str | None = "town", folder: Path = MINI) -> NavigatorApp:
    return NavigatorApp(folder / "rules", folder / "contacts", municipality, watch_interval=None)


def shown(widget: Static) -> str:
    return str(widget.render())


def windows(app) -> list[str]:
    return [r.contact.window for r in app.screen.result.referrals]


def rows(app) -> list[str]:
    """The result list as shown: one line per referral."""
    options = app.screen.query_one("#referrals", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def detail(app) -> str:
    """The selected referral's details pane."""
    return shown(app.screen.query_one("#detail", Static))


async def answer_as_offered(pilot, app) -> None:
    """Take the answer each question offers (the one the text suggests, else the first)."""
    for _ in range(8):
        await pilot.pause()
        if not isinstance(app.screen, QuestionScreen):
            break
        offered = app.screen.query_one(OptionList).highlighted is not None
        await pilot.press("enter" if offered else "1")
    await pilot.pause()


async def put_text(pilot, app, text: str) -> None:
    """The words as pasted (pilot.press cannot type 、 and 。)."""
    app.screen.query_one("#text").text = text
    await pilot.pause()


async def type_text(pilot, text: str) -> None:
    await pilot.press(*text)
    await pilot.pause()


async def answer_all_unknown(pilot, app) -> None:
    """Answer whatever is asked with 「わからない」 (0) until the result shows."""
    for _ in range(8):
        await pilot.pause()
        if not isinstance(app.screen, QuestionScreen):
            break
        await pilot.press("0")
    await pilot.pause()


async def test_municipality_given_opens_intake_with_text_focused():
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen)
        assert app.focused is app.screen.query_one("#text")


async def test_municipality_picker_by_number_key():
    app = mini_app(None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MunicipalityScreen)
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen) and app.consultation.municipality == "village"


async def test_suggestions_follow_typing_and_enter_accepts_them():
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "借金")
        assert "生活困窮" in shown(app.screen.query_one("#suggest"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        assert windows(app) == ["自立相談", "生活福祉資金"]


async def test_nothing_found_asks_to_tick_and_ticking_works():
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "天気")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen)
        assert app.focused is app.screen.query_one(ConcernGrid)
        await pilot.press("space", "enter")  # tick the first concern (生活困窮), go on
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        assert app.consultation.ticked == ["poverty"]


async def test_several_concerns_put_the_one_stop_window_first_with_each_concern():
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "家賃が払えない")
        await pilot.press("enter")
        await pilot.pause()
        assert windows(app)[:2] == ["総合相談", "自立相談"]
        assert "生活困窮・住まい" in rows(app)[1]
        await pilot.press("down")
        await pilot.pause()
        assert "相談：生活困窮・住まい" in detail(app) and detail(app).startswith("2．自立相談")


async def test_danger_puts_emergency_lines_first():
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "子どもが叩かれている")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen) and app.screen.question.id == "who"
        assert app.screen.query_one(OptionList).highlighted == 0  # 子ども, from the text
        await pilot.press("1")
        await pilot.pause()
        assert app.screen.question.id == "danger"
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        banner = app.screen.query_one("#emergency")
        assert "110" in shown(banner) and "189" in shown(banner)
        assert banner.region.y < app.screen.query_one("#referrals").region.y
        assert windows(app) == ["こども相談"]


async def test_back_keeps_answers():
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "叩かれている")
        await pilot.press("enter", "2")  # who = 高齢者
        await pilot.pause()
        assert app.screen.question.id == "danger"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.question.id == "who"
        assert app.screen.query_one(OptionList).highlighted == 1
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen)
        assert app.screen.query_one("#text").value == "叩かれている"
        assert app.consultation.answers == {"who": "elder"}
        await pilot.press("enter", "enter", "2")  # forward again: the kept answer is offered first
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen) and windows(app) == ["高齢者相談"]


async def test_new_consultation_clears_everything():
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "叩かれている")
        await pilot.press("enter", "1", "1")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # a case in progress: asked first
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen)
        assert app.screen.query_one("#text").value == ""
        assert app.screen.query_one(ConcernGrid).ticked == []
        assert (app.consultation.text, app.consultation.ticked, app.consultation.answers) == ("", [], {})
        assert len(app.screen_stack) == 2


async def test_escape_to_the_picker_keeps_the_story_for_the_same_municipality():
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "借金")
        await pilot.press("escape")  # also what cancels an IME conversion: one too many is common
        await pilot.pause()
        assert isinstance(app.screen, MunicipalityScreen)
        assert "残っています" in shown(app.screen.query_one("#kept"))
        await pilot.press(str([mid for mid, _ in app.screen.choices].index("town") + 1))
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen) and app.screen.query_one("#text").text == "借金"
        assert app.consultation.text == "借金"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)


async def test_another_municipality_takes_the_story_and_asks_its_own_questions():
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "叩かれている")
        await pilot.press("enter", "2")  # who = 高齢者, in town
        await pilot.pause()
        await pilot.press("escape", "escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, MunicipalityScreen)
        await pilot.press(str([mid for mid, _ in app.screen.choices].index("village") + 1))
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen) and app.screen.query_one("#text").text == "叩かれている"
        assert (app.consultation.municipality, app.consultation.answers) == ("village", {})


async def test_nothing_typed_means_nothing_said_on_the_picker():
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MunicipalityScreen) and not app.screen.query("#kept")


async def test_why_shows_rule_and_answers():
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "叩かれている")
        await pilot.press("enter", "2", "2", "w")
        await pilot.pause()
        assert isinstance(app.screen, WhyScreen)
        text = shown(app.screen.query_one(Static))
        assert "town-abuse-elder" in text and "誰ですか → 高齢者" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)


def files_under(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


async def test_export_writes_exactly_the_slip(tmp_path, monkeypatch):
    monkeypatch.setenv("NAVIGATOR_SLIPS", str(tmp_path))
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "借金があって困っている")
        await pilot.press("enter", "e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        path_input = app.screen.query_one("#path", Input)
        assert path_input.value.startswith(str(tmp_path))  # the path is shown before writing
        path_input.value = str(tmp_path / "slip.md")
        await pilot.press("tab", "space")  # 本人の同意あり
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
    assert files_under(tmp_path) == {"slip.md"}
    slip = tmp_path / "slip.md"
    assert stat.S_IMODE(os.stat(slip).st_mode) == 0o600
    text = slip.read_text(encoding="utf-8")
    assert "# つなぎシート" in text and "情報共有: 情報共有に同意あり" in text and "1. 自立相談" in text
    assert "出典: 町の計画 第1章（town.txt）" in text and "ルールの版: " in text
    assert "借金があって困っている" not in text  # the resident's words only when ticked


async def test_export_to_unwritable_path_says_so_and_keeps_the_result(tmp_path):
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "借金")
        await pilot.press("enter", "e")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(tmp_path / "no" / "such" / "dir" / "slip.txt")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert "書き出せませんでした" in shown(app.screen.query_one("#export-message"))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen) and windows(app) == ["自立相談", "生活福祉資金"]
    assert files_under(tmp_path) == set()


async def test_one_broken_municipality_does_not_block_the_others(mini):
    (mini / "rules" / "town.yaml").write_text("municipality: [\n", encoding="utf-8")
    app = mini_app(folder=mini)  # asked for town, which is broken
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MunicipalityScreen) and list(app.ruleset.plans) == ["village"]
        assert any("town はルールファイルに問題があるため使えません" in n.message for n in app._notifications)
        labels = [str(o.prompt) for o in app.screen.query_one(OptionList)._options]
        # by id, as when both load: the broken one keeps its number
        assert labels[0].startswith("1. town　— 使えません") and labels[1].startswith("2. 村")
        await pilot.press("1")  # the broken one: its problems, with the line and a caret
        await pilot.pause()
        assert isinstance(app.screen, LoadErrorScreen)
        text = shown(app.screen.query_one("#problems Static"))
        assert "rules/town.yaml:1:15: [エラー] かっこ（[）が閉じていません" in text and "直し方:" in text
        assert "^" in text
        await pilot.press("escape", "2", *"借金", "enter")  # the other municipality works
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen) and app.screen.result.municipality.id == "village"


async def test_load_error_screen_when_nothing_can_be_used(mini):
    (mini / "rules" / "common.yaml").write_text("concerns: [\n", encoding="utf-8")
    app = mini_app(folder=mini)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoadErrorScreen) and app.screen.fatal
        assert "rules/common.yaml:1:11: [エラー] かっこ（[）が閉じていません" in shown(app.screen.query_one("#problems Static"))
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_markup_in_rule_files_is_shown_literally(mini):
    contacts = mini / "contacts" / "town.yaml"
    contacts.write_text(contacts.read_text(encoding="utf-8").replace(
        "window: 自立相談", 'window: "[bold]自立[/bold][@click=app.quit]相談\\x1b[31m"'), encoding="utf-8")
    app = mini_app(folder=mini)
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "借金")
        await pilot.press("enter")
        await pilot.pause()
        assert "[bold]自立[/bold][@click=app.quit]相談\\x1b[31m" in detail(app)
        assert "[bold]自立[/bold]" in rows(app)[0]
        await pilot.click("#detail")
        await pilot.pause()
        assert app.is_running


MUNICIPALITY_WALKS = {
    "asaka": "家賃が払えなくて、仕事もなくなった",
    "isesaki": "家賃が払えなくて、仕事もなくなった",
    "maebashi": "母が物忘れがひどくて、お金の管理ができない",
    "ageo": "仕事が見つからない",
    "shimotsuke": "息子が10年以上部屋から出てこない",
}


@pytest.mark.parametrize("municipality, text", MUNICIPALITY_WALKS.items())
async def test_full_walk_in_every_municipality(municipality, text):
    app = NavigatorApp(ROOT / "rules", ROOT / "contacts", None, watch_interval=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        order = [p for p in app.ruleset.plans]
        await pilot.press(str(order.index(municipality) + 1))
        await pilot.pause()
        await type_text(pilot, text)
        await pilot.press("enter")
        await answer_all_unknown(pilot, app)
        assert isinstance(app.screen, ResultScreen)
        assert app.screen.result.municipality.id == municipality
        assert len(rows(app)) == len(app.screen.result.referrals) >= 1


async def test_rent_and_job_loss_in_asaka_reaches_fukushi_sodan():
    app = NavigatorApp(ROOT / "rules", ROOT / "contacts", "asaka", watch_interval=None)
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "家賃が払えなくて、仕事もなくなった")
        await pilot.press("enter")
        await answer_all_unknown(pilot, app)
        first = app.screen.result.referrals[0].contact
        assert first.department == "福祉相談課"


def contrast(background, color) -> float:
    """WCAG contrast ratio of text on a background (4.5: normal text stays readable)."""
    def luminance(c) -> float:
        def channel(v: int) -> float:
            v = v / 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
    text = background.blend(color, color.a) if color.a < 1 else color
    high, low = sorted((luminance(background), luminance(text)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_check_can_fail():
    from textual.color import Color

    assert contrast(Color(200, 200, 200), Color(210, 210, 210)) < 1.5
    assert contrast(Color(0, 0, 0), Color(255, 255, 255)) == 21


async def test_light_and_dark_themes_both_show_the_result():
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "子どもが叩かれている")
        await pilot.press("enter", "1", "1")
        await pilot.pause()
        dark = app.theme
        await pilot.press("f3")
        await pilot.pause()
        assert app.theme != dark and app.theme == "textual-light"
        banner = app.screen.query_one("#emergency")
        # readable: WCAG's 3:1 for bold text (light theme measured 4.47 against AA's 4.5 for body text)
        assert contrast(banner.styles.background, banner.styles.color) >= 3
        await pilot.press("f3")
        await pilot.pause()
        assert app.theme == dark
        banner = app.screen.query_one("#emergency")
        assert contrast(banner.styles.background, banner.styles.color) >= 3


async def test_leaves_when_its_terminal_is_gone(monkeypatch):
    """Under make, a closed terminal window sends no hang-up to the app, which then spun at 100% CPU."""
    import os

    def gone(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "tcgetpgrp", gone)
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app._exit_if_terminal_closed()
        await pilot.pause()
        assert app.return_code == 0


async def test_stays_where_there_is_no_process_group_to_ask(monkeypatch):
    """Windows has no os.tcgetpgrp: the check must not end the app a second after it starts."""
    import os

    monkeypatch.delattr(os, "tcgetpgrp", raising=False)
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app._exit_if_terminal_closed()
        await pilot.pause()
        assert app.return_code is None and isinstance(app.screen, IntakeScreen)


async def test_fallback_is_said_plainly_on_the_card():
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "叩かれている")
        await pilot.press("enter", "0", "0")  # who and danger unanswered: no rule fits
        await pilot.pause()
        card = detail(app)
        assert len(rows(app)) == 1 and "1．総合相談" in card
        assert "※ 虐待について、計画には具体的な窓口の記載がありません（計画が示す最も一般的な窓口です）" in card


async def test_live_reload_updates_the_concern_list_and_keeps_ticks(mini):
    app = NavigatorApp(mini / "rules", mini / "contacts", "town", watch_interval=None)
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "借金")
        app.screen.accept_suggestions()
        await pilot.pause()
        common = mini / "rules" / "common.yaml"
        common.write_text(common.read_text(encoding="utf-8").replace(
            "  - id: unsure\n", "  - id: isolation\n    label: 孤立\n  - id: unsure\n"), encoding="utf-8")
        app.reload_if_changed()
        await pilot.pause()
        concerns = app.screen.query_one(ConcernGrid)
        assert "孤立" in [i.label for i in concerns.items] and "☐ 孤立" in str(concerns.render())
        assert concerns.ticked == ["poverty"] and app.consultation.ticked == ["poverty"]


def visible(app, widget) -> bool:
    """Wholly inside the terminal, not scrolled away."""
    region = widget.region
    return region.height > 0 and region.bottom <= app.size.height


async def test_asaka_dv_now_shows_110_and_the_dv_window_on_the_first_screen():
    app = NavigatorApp(ROOT / "rules", ROOT / "contacts", "asaka", watch_interval=None)
    async with app.run_test(size=SIZE) as pilot:
        await put_text(pilot, app, "夫に毎晩殴られてて、今夜も帰ったら何されるか分からない。今すぐ助けてほしい")
        await pilot.press("enter")
        await answer_as_offered(pilot, app)
        assert isinstance(app.screen, ResultScreen)
        banner = app.screen.query_one("#emergency")
        assert visible(app, banner) and "110" in shown(banner)
        dv = [i for i, r in enumerate(app.screen.result.referrals) if "DV" in r.contact.window]
        assert dv and dv[0] < 3, windows(app)
        listing = app.screen.query_one("#referrals", OptionList)
        assert visible(app, listing) and listing.region.height >= min(3, listing.option_count)
        assert "DV相談" in rows(app)[dv[0]]


async def test_three_referrals_and_emergency_fit_80x24():
    app = NavigatorApp(ROOT / "rules", ROOT / "contacts", "asaka", watch_interval=None)
    async with app.run_test(size=SIZE) as pilot:
        await put_text(pilot, app, CARER)
        await pilot.press("enter")
        await answer_all_unknown(pilot, app)
        listing = app.screen.query_one("#referrals", OptionList)
        assert listing.option_count >= 3 and listing.region.height >= 3 and visible(app, listing)
        detail_pane = app.screen.query_one("#detail-pane")
        assert detail_pane.region.y >= listing.region.bottom and detail_pane.region.height >= 5


async def test_mouse_click_selects_a_referral_and_shows_its_details():
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "家賃が払えない")
        await pilot.press("enter")
        await pilot.pause()
        listing = app.screen.query_one("#referrals", OptionList)
        await pilot.click("#referrals", offset=(5, 1))
        await pilot.pause()
        assert listing.highlighted == 1 and detail(app).startswith("2．")


async def test_quit_with_a_case_in_progress_asks_first():
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "借金")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and app.is_running
        await pilot.press("enter")  # いいえ has the focus: a stray Enter keeps the case
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen) and app.consultation.text == "借金"
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert app.return_code == 0


async def test_quit_with_nothing_typed_leaves_at_once():
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_footer_names_keys_as_written_on_the_keyboard():
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        from textual.binding import Binding
        assert app.get_key_display(Binding("ctrl+q", "quit")) == "Ctrl+Q"
        assert app.get_key_display(Binding("escape", "back")) == "Esc"
        assert app.get_key_display(Binding("f1", "help")) == "F1"


async def test_notices_use_the_status_line_not_a_toast():
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "天気")
        await pilot.press("enter")
        await pilot.pause()
        from navigator.tui.app import StatusLine
        line = app.screen.query_one(StatusLine)
        assert "相談の種類が見つかりません" in shown(line) and visible(app, line)
        concerns = app.screen.query_one("#concerns")
        assert line.region.y >= concerns.region.bottom  # below the list, not over it


async def test_candidates_line_names_the_words_and_why_shows_how_they_matched():
    app = NavigatorApp(ROOT / "rules", ROOT / "contacts", "asaka", watch_interval=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.matcher.deepen()   # normally done by the worker after the first screen
        await type_text(pilot, "借金はないけど家賃が払えず")
        line = shown(app.screen.query_one("#suggest"))
        assert "生活困窮「家賃" in line and "借金" not in line
        await pilot.press("enter")
        await answer_all_unknown(pilot, app)
        await pilot.press("w")
        await pilot.pause()
        text = shown(app.screen.query_one(Static))
        assert "相談内容から見つかったこと" in text and "払えな（活用）" in text and "否定" in text


async def test_an_example_only_suggests_and_says_so():
    app = NavigatorApp(ROOT / "rules", ROOT / "contacts", "asaka", watch_interval=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.matcher.deepen()
        await type_text(pilot, "冷蔵庫がからっぽ")
        line = shown(app.screen.query_one("#suggest"))
        assert line.startswith("候補（要確認・Enterで決定）：生活困窮←例文「")


async def test_dictionary_loads_after_the_first_screen():
    app = NavigatorApp(ROOT / "rules", ROOT / "contacts", "asaka", watch_interval=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen)
        await app.workers.wait_for_complete()
        assert app.matcher.deep
# ---- intake that shows its state ------------------------------------------------------------

CARER = "80歳の母が認知症で、お金の管理もできなくなってきて、私も仕事を辞めて介護してるんですけど、もう限界で"


def shipped_app(municipality: str = "asaka") -> NavigatorApp:
    return NavigatorApp(ROOT / "rules", ROOT / "contacts", municipality, watch_interval=None)


async def test_ticks_read_without_colour_and_every_concern_fits_80x24():
    app = shipped_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "お金がない")   # 借金 alone is weak for 生活困窮 (法律・借金の整理 has it)
        app.screen.accept_suggestions()
        await pilot.pause()
        grid = app.screen.query_one(ConcernGrid)
        drawn = str(grid.render())
        assert "☑ 生活困窮" in drawn and "☐ 住まい" in drawn
        labels = [c.label for c in app.ruleset.common.concerns]
        assert all(label[:6] in drawn for label in labels)  # every concern is drawn, none scrolled away
        assert visible(app, grid)


async def test_a_click_ticks_and_arrows_move_in_two_columns():
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        grid = app.screen.query_one(ConcernGrid)
        assert app.focused is grid
        await pilot.press("right", "space")
        await pilot.pause()
        second_column = grid.items[grid.rows].id
        assert app.consultation.ticked == [second_column]
        await pilot.click(ConcernGrid, offset=(3, 0))
        await pilot.pause()
        assert app.consultation.ticked == [second_column, grid.items[0].id]


async def test_candidates_line_names_the_words_that_matched():
    app = shipped_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "夫に殴られた")
        line = shown(app.screen.query_one("#suggest"))
        assert line.startswith("候補（Enterで決定）：DV") and "殴" in line


async def test_nothing_found_says_so_at_once():
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "今日はいい天気ですね")
        assert "相談の種類が見つかりません" in shown(app.screen.query_one("#suggest"))
        assert isinstance(app.screen, IntakeScreen)


@pytest.mark.parametrize("pasted, kept", [
    ("母は80歳で認知症です。\rお金の管理ができません。\r\r息子は50歳で、\rずっと家から出ません。\r",
     "母は80歳で認知症です。お金の管理ができません。息子は50歳で、ずっと家から出ません。"),
    ("家賃が払えない\r\n仕事もない\n　", "家賃が払えない。仕事もない。"),
])
async def test_pasted_line_breaks_become_sentence_breaks(pasted, kept):
    from textual import events

    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        text = app.screen.query_one("#text")
        app.post_message(events.Paste(pasted))  # a terminal sends a paste's newlines as CR
        await pilot.pause()
        assert text.text == kept and app.consultation.text == kept
        assert text.document.line_count == 1  # one paragraph, seen whole (no line scrolled away)


async def test_a_new_line_key_ends_the_sentence_once():
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "借金")
        await pilot.press("ctrl+j", "ctrl+j")
        await pilot.pause()
        assert app.consultation.text == "借金。"


async def test_a_long_sentence_is_shown_whole():
    app = shipped_app()
    async with app.run_test(size=SIZE) as pilot:
        await put_text(pilot, app, CARER)
        text = app.screen.query_one("#text")
        assert text.wrapped_document.height >= 2 and text.region.height >= text.wrapped_document.height
        assert text.scroll_offset.x == 0  # nothing of the start hidden to the left


async def test_household_questions_are_asked_per_person_and_inferred_answers_are_labelled():
    app = shipped_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()  # the dictionary, loaded after the first screen
        await put_text(pilot, app, CARER)
        assert "母（80歳）" in shown(app.screen.query_one("#household"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert "母（80歳）について" in shown(app.screen.query_one("#question-head"))
        assert app.screen.question.id == "capacity"  # 朝霞's rules for her concerns read capacity, not who
        await answer_as_offered(pilot, app)
        assert isinstance(app.screen, ResultScreen)
        result = app.screen.result
        assert {p.relation for p in result.persons} == {"母", "本人"}
        assert "asaka-silver" not in [r.contact.id for r in result.referrals]
        assert "世帯" in shown(app.screen.query_one("#summary"))


async def test_an_inferred_answer_is_labelled():
    app = shipped_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await put_text(pilot, app, "高齢の父が仕事を探している")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen) and app.screen.question.id == "who"
        assert "相談内容から推定：2．高齢者" in shown(app.screen.query_one("#inferred"))


async def test_enter_without_a_guess_records_nothing_and_asks_for_a_number():
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "叩かれている")  # says nothing of who
        await pilot.press("enter")
        await pilot.pause()
        question = app.screen
        assert isinstance(question, QuestionScreen) and question.question.id == "who"
        assert question.query_one(OptionList).highlighted is None  # no 「1. 子ども」 waiting for Enter
        await pilot.press("enter")  # the fast keyboard user's habit
        await pilot.pause()
        assert app.screen is question and app.consultation.answers == {}
        assert "番号を押して" in shown(question.query_one("#keys"))
        await pilot.press("2")
        await pilot.pause()
        assert app.consultation.answers == {"who": "elder"}


async def test_enter_keeps_accepting_what_the_words_suggest():
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "母に叩かれている")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.question.id == "who" and "相談内容から推定：2．高齢者" in shown(app.screen.query_one("#inferred"))
        await pilot.press("enter")
        await pilot.pause()
        assert app.consultation.answers == {"who": "elder"}


async def test_digits_typed_on_a_question_screen_are_not_taken_as_answers():
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "叩かれている")
        await pilot.press("enter")
        await pilot.pause()
        question = app.screen
        assert isinstance(question, QuestionScreen)
        await pilot.press("8", "0")  # the 「80」 of a sentence typed into the wrong screen
        await pilot.pause()
        assert app.screen is question and app.consultation.answers == {}
        assert "数字だけで答えます" in shown(question.query_one("#keys"))
        question.typed_at = 0  # a moment later, the screen's own keys count again
        await pilot.press("2")
        await pilot.pause()
        assert app.consultation.answers == {"who": "elder"}


async def test_guided_path_reaches_a_result_without_typing():
    app = shipped_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        from navigator.tui.screens.guided import TroubleScreen, WhoScreen
        assert isinstance(app.screen, WhoScreen)
        assert "どなたのこと" in shown(app.screen.query_one("#prompt"))
        await pilot.press("3")  # 高齢の家族
        await pilot.pause()
        assert isinstance(app.screen, TroubleScreen)
        troubles = app.screen.query_one("#troubles", OptionList)
        care = [i for i in range(troubles.option_count) if troubles.get_option_at_index(i).id == "care"][0]
        assert "例:「" in str(troubles.get_option_at_index(care).prompt)
        troubles.highlighted = care
        await pilot.press("enter")
        await pilot.pause()
        assert app.consultation.ticked == ["care"]
        assert str(troubles.get_option_at_index(care).prompt).startswith("☑")
        await pilot.press("f2")
        await answer_as_offered(pilot, app)
        assert isinstance(app.screen, ResultScreen) and app.screen.result.concerns == ("care",)
        await pilot.press("escape")  # back through the questions to the typed path: both mix
        for _ in range(6):
            if isinstance(app.screen, IntakeScreen):
                break
            await pilot.press("escape")
            await pilot.pause()
        assert isinstance(app.screen, IntakeScreen)
        assert "☑ 介護" in str(app.screen.query_one(ConcernGrid).render())


async def test_help_fits_80x24_and_its_columns_align():
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        dialog = app.screen.query_one(".dialog")
        assert dialog.region.height <= SIZE[1] and dialog.region.bottom <= SIZE[1]
        assert dialog.max_scroll_y == 0  # nothing to scroll: all of it is on screen
        import re
        from rich.cells import cell_len
        text = shown(app.screen.query_one(Static)).splitlines()
        rows = [line for line in text if "／" in line]
        offsets = {cell_len(re.match(r"^(\S*)(\s+)", line).group(0)) for line in rows}
        assert len(rows) >= 6 and len(offsets) == 1, rows  # every key list starts in the same column
        assert all(cell_len(line) <= 72 for line in text), max(text, key=cell_len)
        assert "マウス" in "\n".join(text)


# ---- live reload, 地域でできること, export -----------------------------------------------------


async def test_live_reload_reroutes_the_open_result_and_says_what_changed(mini):
    app = NavigatorApp(mini / "rules", mini / "contacts", "town", watch_interval=None)
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "借金")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen) and windows(app)[0] == "自立相談"
        contacts = mini / "contacts" / "town.yaml"
        contacts.write_text(contacts.read_text(encoding="utf-8").replace("window: 自立相談", "window: 自立相談センター"),
                            encoding="utf-8")
        app.reload_if_changed()
        await pilot.pause()
        assert windows(app)[0] == "自立相談センター" and "自立相談センター" in rows(app)[0]
        assert detail(app).startswith("1．自立相談センター")
        from navigator.tui.app import StatusLine
        said = shown(app.screen.query_one(StatusLine))
        assert "相談先を選び直しました" in said and "自立相談 → 自立相談センター" in said
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.result.referrals[0].contact.window == "自立相談センター"  # the slip matches the screen


async def test_community_shows_the_plans_words_on_request():
    app = shipped_app()
    async with app.run_test(size=SIZE) as pilot:
        await put_text(pilot, app, "夫に殴られた")
        await pilot.press("enter")
        await answer_all_unknown(pilot, app)
        assert "地域でできること" not in detail(app)
        await pilot.press("c")
        await pilot.pause()
        assert "「虐待や人権侵害に気づいたら、ためらわずに相談機関に知らせましょう。」" in detail(app)
        assert "出典：基本目標2" in detail(app)
        await pilot.press("c")
        await pilot.pause()
        assert "地域でできること" not in detail(app)


async def test_export_defaults_to_a_new_html_name_outside_the_checkout(tmp_path, monkeypatch):
    monkeypatch.setenv("NAVIGATOR_SLIPS", str(tmp_path / "slips"))
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "借金")
        await pilot.press("enter", "e")
        await pilot.pause()
        path = Path(app.screen.query_one("#path", Input).value)
        assert path.parent == tmp_path / "slips" and path.name.startswith("つなぎシート_") and path.suffix == ".html"
        assert "☐" in str(app.screen.query_one("#consent").render())
        await pilot.press("tab", "space")  # 情報共有に同意あり
        assert "☑" in str(app.screen.query_one("#consent").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
    page = path.read_text(encoding="utf-8")
    assert "情報共有に同意あり" in page and "window.print()" in page and "自立相談" in page
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


async def test_a_concern_can_be_moved_to_another_person_of_the_household():
    """F6: the 就労 read as the daughter's is moved to the mother by keyboard; the line under the
    text says so, and the questions and the result follow the person it now belongs to."""
    from navigator.tui.screens.household import HouseholdScreen

    app = shipped_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await put_text(pilot, app, CARER)
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdScreen)
        rows_shown = [str(o.prompt) for o in app.screen.query_one(OptionList)._options]
        work = next(i for i, r in enumerate(rows_shown) if r.startswith("就労"))
        assert "［本人］" in rows_shown[work]
        app.screen.query_one(OptionList).highlighted = work
        await pilot.press("right")  # to the next person: the mother
        await pilot.pause()
        assert "［母（80歳）］" in str(app.screen.query_one(OptionList).get_option_at_index(work).prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen)
        line = shown(app.screen.query_one("#household"))
        assert "世帯（直したもの）" in line and "就労" in line.split("母（80歳）：")[1].split("／")[0]
        await pilot.press("enter")
        await answer_as_offered(pilot, app)
        assert isinstance(app.screen, ResultScreen)
        persons = {p.relation: p.concerns for p in app.screen.result.persons}
        assert "employment" in persons["母"] and "employment" not in persons.get("本人", ())


async def test_household_correction_escape_changes_nothing():
    from navigator.tui.screens.household import HouseholdScreen

    app = shipped_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await put_text(pilot, app, CARER)
        await pilot.press("f6", "right", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, HouseholdScreen) and app.consultation.moved == {}


async def test_the_new_consultation_notice_covers_nothing_staff_read():
    from textual.widgets import Footer
    from textual.widgets._toast import Toast

    from navigator.tui.app import StatusLine

    app = shipped_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "借金")
        await pilot.press("ctrl+n", "y")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen)
        line = app.screen.query_one(StatusLine)
        assert "新しい相談を始めます" in shown(line) and visible(app, line)
        for other in [app.screen.query_one(Footer), *app.screen.query("#concerns, #describe, #text, #where")]:
            assert not line.region.overlaps(other.region), other
        assert all(not t.display or t.region.area == 0 for t in app.screen.query(Toast))
        line.clear()  # transient: gone after its few seconds
        assert not line.display
