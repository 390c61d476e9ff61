"""New-user test at 80×24 (F12–F14): what a user sees and what their keys do, through Pilot."""

from __future__ import annotations

from textual import events
from textual.geometry import Region
from textual.widgets import Checkbox, Input

from conftest import ROOT
from navigator.tui.app import NavigatorApp

from navigator.tui.screens.export import ExportScreen
from navigator.tui.screens.result import ResultScreen
from test_tui import SIZE, answer_all_unknown, mini_app, type_text


HOUSEHOLD = ("50歳の息子が20年ひきこもっていて、80歳の母は認知症でお金の管理ができない。"
             "私は仕事を失って家賃を3か月滞納している。夫が子どもを叩いている。")


def seen(app, selector: str) -> str:
    """What the widget shows on the screen: its lines as drawn, cut to its height and width."""
    widget = app.screen.query_one(selector)
    return "\n".join(strip.text.strip() for strip in widget.render_lines(Region(0, 0, *widget.size))).strip()


async def asaka(pilot, app, text: str) -> None:
    await pilot.pause()
    app.matcher.deepen()
    app.screen.query_one("#text").text = text
    await pilot.pause()


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


async def test_what_enter_does_with_a_guess_is_said_first():
    """A guess from an example is not ticked by Enter when the words show danger: the line says
    so before anything that a narrow screen could cut; without danger Enter takes it."""
    app = NavigatorApp(ROOT / "rules", ROOT / "contacts", "asaka", watch_interval=None)
    async with app.run_test(size=SIZE) as pilot:
        await asaka(pilot, app, "母が倒れて息をしていない")
        assert seen(app, "#suggest").startswith("候補（要確認・Enterでは選ばない）：介護する家族の負担")
        assert seen(app, "#danger-cue").startswith("危険の手がかり（119）：")
        await pilot.press("enter")
        await pilot.pause()
        assert app.consultation.ticked == []
        await pilot.press("ctrl+n", "y")
        await asaka(pilot, app, "冷蔵庫がからっぽ")
        assert seen(app, "#suggest").startswith("候補（要確認・Enterで決定）：生活困窮←例文「")
        await pilot.press("enter")
        await pilot.pause()
        assert app.consultation.ticked == ["poverty"]


async def test_danger_numbers_and_every_person_of_the_household_show_at_80_columns():
    app = NavigatorApp(ROOT / "rules", ROOT / "contacts", "asaka", watch_interval=None)
    async with app.run_test(size=SIZE) as pilot:
        await asaka(pilot, app, HOUSEHOLD)
        numbers = seen(app, "#danger-cue").split("：")[0]   # the numbers first, before any cut
        assert numbers.startswith("危険の手がかり（") and "189" in numbers and "#8008" in numbers
        household = seen(app, "#household")
        for person in ("息子（50歳）：", "母（80歳）：", "本人：", "子ども："):
            assert person in household.replace("\n", ""), person
        assert household.endswith("（F6で直す）")
        assert seen(app, "#suggest").startswith("候補（Enterで決定）：成年後見・権利擁護「お金」")
        assert not app.screen.show_vertical_scrollbar   # the list gives up rows; the screen never scrolls
        grid = seen(app, "#concerns")
        assert "生活困窮" in grid and "介護する家族の負担" not in grid   # fewer rows, from the top
        await pilot.press("tab", *["down"] * 11)
        grid = seen(app, "#concerns")
        assert "▶☐ 更生保護・再犯防止" in grid and "介護する家族の負担" in grid and "生活困窮" not in grid
        assert seen(app, "#describe")   # the line under the list is still on the screen


def footer(app) -> list[str]:
    """The footer's keys that are wholly on the screen (a key cut at the edge is not)."""
    width = app.size.width
    return [f"{k.key_display} {k.description}" for k in app.screen.query("FooterKey") if k.region.right <= width]


def footer_fits(app) -> bool:
    return all(k.region.right <= app.size.width for k in app.screen.query("FooterKey"))


async def test_every_footer_fits_80_columns_with_the_keys_that_matter():
    app = NavigatorApp(ROOT / "rules", ROOT / "contacts", "asaka", watch_interval=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert footer_fits(app) and {"Enter 決定して次へ", "F5 質問で探す", "F6 世帯", "F1 ヘルプ", "Ctrl+Q 終了"} <= set(footer(app))
        await pilot.press("tab")
        assert footer_fits(app) and {"Enter 次へ", "Esc 市町村", "F1 ヘルプ"} <= set(footer(app))
        await pilot.press("shift+tab")
        await asaka(pilot, app, "借金があって困っている")
        await pilot.press("enter")
        await pilot.pause()
        assert footer_fits(app) and {"Esc 戻る", "F1 ヘルプ", "Ctrl+N 新規"} <= set(footer(app))
        await answer_all_unknown(pilot, app)
        assert isinstance(app.screen, ResultScreen)
        assert footer_fits(app) and {"Esc 戻る", "W 理由", "E つなぎシート", "C 地域", "F1 ヘルプ", "Ctrl+N 新規",
                                     "Ctrl+Q 終了"} <= set(footer(app))


async def referral_rows(app) -> list[str]:
    from textual.widgets import OptionList
    options = app.screen.query_one("#referrals", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def cell(lines: list[str], start: int, end: int) -> str:
    """One column's text over a row's lines: the characters from cell `start` to `end`."""
    from rich.cells import cell_len
    out = []
    for line in lines:
        used = 0
        for ch in line:
            if start <= used < end:
                out.append(ch)
            used += cell_len(ch)
    return "".join(out).replace(" ", "")


async def test_result_rows_at_80_columns_show_long_names_whole_over_two_lines():
    from navigator.present import UNKNOWN
    from navigator.tui.kinsoku import NO_LINE_START
    from navigator.tui.widgets.referrals import columns, header_line

    app = NavigatorApp(ROOT / "rules", ROOT / "contacts", "asaka", watch_interval=None)
    async with app.run_test(size=SIZE) as pilot:
        await asaka(pilot, app, HOUSEHOLD)
        await pilot.press("enter")
        await answer_all_unknown(pilot, app)
        assert isinstance(app.screen, ResultScreen)
        assert seen(app, "#list-head").split() == ["#", "窓口", "電話", "相談"]   # 担当課 is in the details
        rows = await referral_rows(app)
        window, _, _ = columns(app.screen._width())   # 3 rank, window, 1, 13 phone, 1, concerns
        joined = [cell(r.split("\n"), 3, 3 + window) for r in rows]
        assert "成年後見制度の利用促進（市長申立て・報酬助成）" in joined
        assert "福祉サービス利用援助事業（あんしんサポートねつと）" in joined
        assert all(len(r.split("\n")) <= 2 for r in rows)
        for r in rows:   # no second line starts with 、。）」 …
            for line in r.split("\n")[1:]:
                assert not {cell([line], 3, 5), cell([line], window + 18, window + 20)} & NO_LINE_START, line
        assert UNKNOWN in rows[0].split("\n")[0]   # the phone on the row's first line
        assert "担当課：福祉相談課" in seen(app, "#detail")
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert "担当課" in header_line(app.screen._width())
        assert all("\n" not in r for r in await referral_rows(app))


async def test_a_word_one_character_off_is_shown_as_the_resident_wrote_it():
    """同じことを何回 found in 「…なって同じことを何度も…」 is 「同じことを何度」 (in the 候補 line
    and W 理由), not the window one character to the left (「て同じことを何」)."""
    app = NavigatorApp(ROOT / "rules", ROOT / "contacts", "asaka", watch_interval=None)
    async with app.run_test(size=SIZE) as pilot:
        await asaka(pilot, app, "母が認知症になって同じことを何度も聞いてくる")
        line = seen(app, "#suggest").replace("\n", "")
        assert "て同じことを何" not in line, line
        words = [w for m in app.consultation.suggest(app.matcher) for h in m.hits if h.how == "近い綴り" for w in h.words]
        assert words and all(w.startswith("同じことを何") for w in words), words


def test_a_window_at_the_end_of_the_text_stays_as_found():
    from navigator.search import _closest_window
    assert _closest_window("同じことを何回", "母が同じこと", 2, 6) == (2, 6)   # shorter than the key: nothing near
    assert _closest_window("同じことを何回", "なって同じことを何度も", 2, 9) == (3, 10)


async def test_no_wrapped_line_starts_with_a_comma_or_full_stop():
    """Kinsoku where Textual wraps: the resident's words as typed, and the lines under them."""
    from navigator.tui.kinsoku import NO_LINE_START

    app = NavigatorApp(ROOT / "rules", ROOT / "contacts", "asaka", watch_interval=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = app.screen.query_one("#text")
        text.insert(HOUSEHOLD)   # as typed or pasted: an edit
        await pilot.pause()
        sections = text.wrapped_document.get_sections(0)
        assert len(sections) == 2 and sections[1][0] not in NO_LINE_START, sections
        assert "".join(sections) == HOUSEHOLD
        shown = [seen(app, "#text").splitlines()[i] for i in (0, 1)]
        assert [s.strip() for s in shown] == [s.strip() for s in sections]   # drawn as wrapped
        for selector in ("#suggest", "#household"):
            assert all(line[:1] not in NO_LINE_START for line in seen(app, selector).splitlines()), selector


async def test_a_danger_cue_is_folded_whole_not_cut_on_one_line():
    app = NavigatorApp(ROOT / "rules", ROOT / "contacts", "asaka", watch_interval=None)
    async with app.run_test(size=SIZE) as pilot:
        await asaka(pilot, app, "子どもが朝からご飯を食べさせてもらえてないみたい")
        cue = seen(app, "#danger-cue")
        assert len(cue.splitlines()) == 2 and "…" not in cue
        assert cue.replace("\n", "").startswith("危険の手がかり（189）：子どもの危険（虐待のおそれ）「子ども+食べさせて")
