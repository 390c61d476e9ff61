"""Danger in the TUI, driven with Pilot at 80×24 with nothing ticked: the cue shows as it is
typed, the danger question is asked pre-selected 「相談内容から推定」 with the words, and the
result opens with the compact emergency block, the right line first."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList, Static

from navigator.tui.app import NavigatorApp
from navigator.tui.screens.why import WhyScreen
from navigator.tui.screens.question import QuestionScreen
from navigator.tui.screens.result import ResultScreen
from conftest import ROOT

SIZE = (80, 24)
KNIFE = "今すぐ助けてください、夫が包丁を持って暴れてて、子どもと一緒にトイレに隠れてるんです"
SUICIDE = "もう消えてしまいたい"
# issue 10's question with two yeses: each case, each answer → the first line
KNIFE_NOW = "今、夫が包丁を持って暴れている。助けて"
WISH = "もう死にたい"
DV_HISTORY = "夫から何年も暴力を受けていて、逃げたい"
HALFWIDTH_DV = "ｶﾚｼﾆ ｽﾏﾎ ﾄﾗﾚﾃ ﾄﾓﾀﾞﾁﾄ ｱｳﾅｯﾃ ｲﾜﾚﾙ"   # no cue, example or dictionary form: the runs of letters


def shipped_app(municipality: str) -> NavigatorApp:
    return NavigatorApp(ROOT / "rules", ROOT / "contacts", municipality, watch_interval=None)


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def consult(pilot, app, text: str, *cue: str) -> list[str]:
    """Type the words, Enter, then take every pre-selected answer with Enter (0 where none is
    suggested) until the result; returns the inferred notes the danger question showed. The
    danger cue line must say each of `cue` as typed."""
    app.screen.query_one("#text").value = text
    await pilot.pause()
    line = shown(app, "#danger-cue")
    assert "危険の手がかり" in line and all(c in line for c in cue), line
    await pilot.press("enter")
    notes = []
    for _ in range(8):
        await pilot.pause()
        if not isinstance(app.screen, QuestionScreen):
            break
        note = shown(app, "#inferred")
        notes.append(note)
        await pilot.press("enter" if note else "0")
    await pilot.pause()
    assert isinstance(app.screen, ResultScreen)
    return notes


def block(app) -> list[str]:
    return shown(app, "#emergency").splitlines()


async def test_knife_case_nothing_ticked_puts_110_first_with_the_words():
    app = shipped_app("shimotsuke")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.consultation.ticked == []
        notes = await consult(pilot, app, KNIFE)
        assert notes[0].startswith("相談内容から推定：1．はい：今まさに") and "「包丁を持」" in notes[0]
        assert app.consultation.answers["danger"] == "now"
        lines = block(app)
        assert lines[0].startswith("緊急：まずこちらへ") and "今まさに暴力" in lines[0]
        assert lines[1].startswith("110　警察") and lines[2].startswith("119")
        assert all("\n" not in line for line in lines) and len(lines) <= 6   # one line per number
        first = app.screen.query_one("#referrals", OptionList)
        assert first.option_count >= 1 and first.region.bottom <= SIZE[1]  # first referral on screen


async def test_danger_only_the_letters_catch_shows_them_and_puts_the_dv_line_first():
    app = shipped_app("asaka")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await consult(pilot, app, HALFWIDTH_DV, "（文字「", "#8008")
        lines = block(app)
        assert "DV" in lines[0] and lines[1].startswith("#8008")
        assert any(line.startswith("110") for line in lines)   # 110 stays on the screen


async def test_suicide_case_nothing_ticked_puts_the_crisis_line_first():
    app = shipped_app("asaka")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await consult(pilot, app, SUICIDE)
        lines = block(app)
        assert "死にたい気持ち" in lines[0] and "「消えてしまいたい」" in lines[0]
        assert lines[1].startswith("0120-279-338　よりそいホットライン　24時間365日")  # it answers at night too
        assert any(line.startswith("0570-064-556　こころの健康相談統一ダイヤル") for line in lines)
        referrals = app.screen.query_one("#referrals", OptionList)
        assert referrals.option_count >= 1 and referrals.region.y < SIZE[1] - 3


async def test_staff_answer_no_and_the_crisis_lines_stay():
    app = shipped_app("asaka")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#text").value = "死にたい"
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen) and app.screen.question.id == "danger"
        assert app.screen.query_one(OptionList).highlighted == 1     # the second はい, pre-selected
        await pilot.press("3")                                      # staff: いいえ
        for _ in range(6):
            await pilot.pause()
            if not isinstance(app.screen, QuestionScreen):
                break
            await pilot.press("0")
        assert isinstance(app.screen, ResultScreen)
        assert block(app)[1].startswith("0120-279-338")
        assert not any(line.startswith("110") for line in block(app))   # no 110 once staff say いいえ


async def test_why_dialog_gives_each_emergency_line_its_own_reason():
    app = shipped_app("shimotsuke")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await consult(pilot, app, KNIFE)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WhyScreen)
        text = str(app.screen.query_one(Static).render())
        assert "110 警察（緊急通報）: 相談内容の「包丁を持」" in text
        assert "危険がある、または子どもへの虐待が疑われる回答のため" not in text


async def answer_danger(pilot, app, text: str, number: str) -> tuple[str, list[str]]:
    """Type the words, Enter, press `number` on the danger question (the rest as offered);
    returns (the danger question's inferred note, the emergency block)."""
    app.screen.query_one("#text").value = text
    await pilot.pause()
    await pilot.press("enter")
    note = ""
    for _ in range(8):
        await pilot.pause()
        if not isinstance(app.screen, QuestionScreen):
            break
        if app.screen.question.id == "danger":
            note = shown(app, "#inferred")
            await pilot.press(number)
        else:
            await pilot.press("enter" if shown(app, "#inferred") else "0")
    await pilot.pause()
    assert isinstance(app.screen, ResultScreen)
    return note, block(app)


@pytest.mark.parametrize("text, suggested, number, first, value", [
    (KNIFE_NOW, "1．はい：今まさに", "1", "110　警察", "now"),
    (KNIFE_NOW, "1．はい：今まさに", "2", "110　警察", "yes"),
    (KNIFE_NOW, "1．はい：今まさに", "3", "110　警察", "no"),      # the words' own lines stay first
    (WISH, "2．はい：命の危険", "1", "119　救急・消防", "now"),      # staff: a suicide act now
    (WISH, "2．はい：命の危険", "2", "0120-279-338　よりそいホットライン", "yes"),
    (WISH, "2．はい：命の危険", "3", "0120-279-338　よりそいホットライン", "no"),
    (DV_HISTORY, "2．はい：命の危険", "1", "110　警察", "now"),
    (DV_HISTORY, "2．はい：命の危険", "2", "#8008　DV相談ナビ", "yes"),
    (DV_HISTORY, "2．はい：命の危険", "3", "#8008　DV相談ナビ", "no"),
])
async def test_each_answer_to_the_danger_question_puts_its_line_first(text, suggested, number, first, value):
    app = shipped_app("asaka")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        note, lines = await answer_danger(pilot, app, text, number)
        assert note.startswith(f"相談内容から推定：{suggested}")
        assert app.consultation.answers["danger"] == value
        assert lines[1].startswith(first), lines
        shown_110 = any(line.startswith("110") for line in lines)
        assert shown_110 == (value != "no" or text == KNIFE_NOW)   # いいえ: 110 only where the words showed it


async def test_a_fraud_under_way_puts_110_then_188_first():
    """特殊詐欺 happening now: the police first (not the 119 of 「今まさに」), the consumer line next."""
    app = shipped_app("asaka")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        notes = await consult(pilot, app, "母が今、還付金の手続きでATMに行けって言われてコンビニに向かってる", "（110）", "詐欺")
        assert notes[0].startswith("相談内容から推定：2．はい") and "「還付金+ATM」" in notes[0]
        lines = block(app)
        assert "今まさに詐欺" in lines[0]
        assert lines[1].startswith("110　警察") and lines[2].startswith("188")
