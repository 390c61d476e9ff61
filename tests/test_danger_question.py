"""The danger question's two yeses, through `navigator route --format json` (what the CLI, the
scenarios and the TUI share): 「今まさに」 (now) puts 110 or 119 before everything, the other はい
(yes, the value saved cases already use) keeps the danger kinds' own lines first, いいえ (no) as
before. Without -a the words pre-select: now for a danger happening now, yes for the others."""

from __future__ import annotations

import json

import pytest

from navigator.cli import main

KNIFE = "今、夫が包丁を持って暴れている。助けて"
SUICIDE = "もう死にたい"
DV_HISTORY = "夫から何年も暴力を受けていて、逃げたい"
COLLAPSE = "母が倒れて意識がない"
STRANGLED_YESTERDAY = "昨日夫に首を絞められました"   # strangled yields to DV (told as recent)


def route(capsys, *args: str) -> dict:
    assert main(["route", "-m", "asaka", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def phones(data: dict) -> list[str]:
    return [e["phone"] for e in data["emergency"]]


@pytest.mark.parametrize("text, answer, first, suggested", [
    (KNIFE, None, ["110", "119"], "now"),
    (KNIFE, "now", ["110", "119"], "now"),
    (KNIFE, "yes", ["110", "119"], "yes"),
    (KNIFE, "no", ["110", "119"], "no"),            # what the words showed stays first
    (COLLAPSE, None, ["119", "110"], "now"),
    (COLLAPSE, "now", ["119", "110"], "now"),
    (SUICIDE, None, ["0120-279-338"], "yes"),
    (SUICIDE, "now", ["119", "110", "0120-279-338"], "now"),   # a suicide act: the ambulance first
    (SUICIDE, "yes", ["0120-279-338"], "yes"),
    (SUICIDE, "no", ["0120-279-338"], "no"),
    (DV_HISTORY, None, ["#8008"], "yes"),
    (DV_HISTORY, "now", ["110", "119", "#8008"], "now"),
    (DV_HISTORY, "yes", ["#8008"], "yes"),
    (DV_HISTORY, "no", ["#8008"], "no"),
    (STRANGLED_YESTERDAY, None, ["#8008", "0120-279-889", "110"], "yes"),   # the first kind found decides
    (STRANGLED_YESTERDAY, "now", ["110", "119", "#8008"], "now"),
])
def test_each_answer_puts_its_line_first(capsys, text, answer, first, suggested):
    data = route(capsys, "--text", text, *(["-a", f"danger={answer}"] if answer else []))
    assert phones(data)[:len(first)] == first
    assert data["danger"]["answer"] == data["answers"]["danger"] == suggested


@pytest.mark.parametrize("text", [SUICIDE, DV_HISTORY])
def test_the_second_yes_adds_110_and_119_after_the_kinds_lines_and_no_leaves_them_out(capsys, text):
    yes = phones(route(capsys, "--text", text, "-a", "danger=yes"))
    no = phones(route(capsys, "--text", text, "-a", "danger=no"))
    assert yes[-2:] == ["110", "119"] and yes[:-2] == no
    assert "110" not in no and "119" not in no


def test_now_with_no_danger_in_the_words_puts_110_then_119_first(capsys):
    data = route(capsys, "-c", "dv", "-a", "danger=now")
    assert phones(data) == ["110", "119", "#8008"] and not data["danger"]["detected"]
    assert data["danger"]["answer"] == "now"
    assert data["emergency"][0]["why"].startswith("回答「はい：今まさに")


def test_the_old_yes_routes_as_before(capsys):
    """Saved cases and scenarios say danger=yes: today's meaning, 110 (file order) with no danger words."""
    data = route(capsys, "-c", "dv", "-a", "danger=yes")
    assert phones(data) == ["110", "119", "#8008"]
    assert data["emergency"][0]["why"] == "回答「はい：命の危険・自殺の考え、DVや子どもの危険が続いている」のため"


def test_why_names_the_answer_when_it_put_the_line_first(capsys):
    data = route(capsys, "--text", SUICIDE, "-a", "danger=now")
    why = {e["phone"]: e["why"] for e in data["emergency"]}
    assert why["119"].startswith("回答「はい：今まさに") and "「死にた」" in why["0120-279-338"]


def test_not_asked_means_no_answer(capsys):
    data = route(capsys, "-c", "poverty", "-a", "danger=now")   # poverty alone: the question is not asked
    assert data["danger"]["answer"] is None and phones(data) == []


def test_an_unknown_answer_names_the_three(capsys):
    assert main(["route", "-m", "asaka", "-c", "dv", "-a", "danger=maybe"]) == 2
    assert "now, yes, no" in capsys.readouterr().err


def test_text_and_slip_say_the_answer(capsys, shipped):
    from navigator.engine import route as routed
    from navigator.intake import take
    from navigator.render.slip import render
    from navigator.search import ConcernMatcher

    assert main(["route", "-m", "asaka", "--text", SUICIDE, "-a", "danger=now"]) == 0
    out = capsys.readouterr().out
    assert "今、身の危険: はい：今まさに" in out and out.index("119　救急") < out.index("0120-279-338")
    intake = take(shipped, ConcernMatcher(shipped.common.concerns), "asaka", SUICIDE, answers={"danger": "now"})
    slip = render(shipped, routed(shipped, intake.case), markdown=False, consent=False, version="test")
    assert "今、身の危険: はい：今まさに" in slip and slip.index("119 救急") < slip.index("0120-279-338")
    assert "119（救急・消防）へ" in slip   # 次にすること names the first line
