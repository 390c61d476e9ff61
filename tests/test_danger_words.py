"""Danger by the words that lean to it (navigator/danger_words.py): many weak words together show
danger no cue and no single example matched; words that ordinary consultations use as much raise
nothing; the words that weighed most are the reason shown."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from navigator import analysis, danger_words
from navigator.danger import detect
from navigator.engine import route
from navigator.intake import take
from navigator.loading import load
from navigator.model import DangerKind, DangerRules
from navigator.search import ConcernMatcher

pytestmark = pytest.mark.skipif(not analysis.available(), reason="needs the sudachipy dictionary")

COLLAPSE = ["祖母が風呂で倒れて動かない", "父が台所で倒れていて呼んでも動かない", "母が床に倒れたまま動かない",
            "夫が玄関で倒れて息が苦しそう", "隣の人が庭で倒れて動かない"]
ORDINARY = ["祖母の風呂の介助をお願いしたい", "台所の改修の補助はありますか", "母の通院の送迎を頼みたい",
            "玄関に手すりをつけたい", "庭の草むしりを手伝ってほしい"]
RULES = DangerRules(kinds=(DangerKind("medical", "急病", ("ambulance",), cues=("xyzzy",), examples=tuple(COLLAPSE)),),
                    ordinary=tuple(ORDINARY))


def test_weak_words_together_show_the_kind_and_are_the_reason():
    # 倒れる and 動く+ない are in most collapse examples and in no ordinary one
    found = danger_words.weights(RULES).weigh(analysis.analyse("おばあちゃんが廊下で倒れたまま動かない", deep=True))
    assert found and found[0] == "medical"
    assert found[1].startswith("言葉「") and "倒れる" in found[1] and "動く+ない" in found[1]


def test_words_ordinary_consultations_use_as_much_raise_nothing():
    assert danger_words.weights(RULES).weigh(analysis.analyse("祖母の風呂と台所のことで相談です", deep=True)) is None


def test_a_word_denied_is_another_word():
    # 動かない leans to danger; 動く alone (動くのがつらい) is not the same word
    assert danger_words.weights(RULES).weigh(analysis.analyse("母が動くのがつらいと言う", deep=True)) is None


def test_without_ordinary_consultations_there_is_nothing_to_weigh_against():
    assert danger_words.weights(DangerRules(kinds=RULES.kinds)) is None


@pytest.mark.parametrize("text, first", [
    ("知らない男に家までついてこられて、玄関の前でずっと待たれてる", "police"),   # no cue, no near example
])
def test_shipped_words_show_danger_no_cue_catches(shipped, text, first):
    analysis.analyse("準備", deep=True)
    intake = take(shipped, ConcernMatcher(shipped.common.concerns), "asaka", text)
    assert any(h.cue.startswith("言葉「") for h in intake.danger.hits), intake.danger.hits
    result = route(shipped, intake.case)
    assert result.emergency[0].group == first
    from navigator.present import danger_text

    assert "（手がかり: （言葉「" in danger_text(shipped, result)   # bracketed once, not 「言葉「…」」


@pytest.mark.parametrize("text", [
    "隣の家の娘さんが大学に受かったみたいで、何かお祝いを渡したいんですが",   # 隣・娘・みたい: reports use them
    "民生委員です。担当の地区で一人暮らしの方が増えて、見守りの仕方を相談したい",
])
def test_shipped_words_of_ordinary_consultations_raise_nothing(shipped, text):
    analysis.analyse("準備", deep=True)
    assert not detect(shipped.common.danger, text).detected


def test_the_shipped_background_is_the_other_concerns_examples(shipped):
    danger = shipped.common.danger
    named = {"dv", "abuse", "kokoro", "crime_victim"}
    assert set(danger.background) == {e for c in shipped.common.concerns if c.id not in named for e in c.examples}
    assert len(danger.background) > 300


def _danger_copy(tmp_path) -> tuple[Path, str]:
    """The shipped rules and contacts copied to tmp_path: the danger file's path and its text."""
    for folder in ("rules", "contacts"):
        shutil.copytree(Path(__file__).resolve().parent.parent / folder, tmp_path / folder)
    path = tmp_path / "rules" / "danger.yaml"
    return path, path.read_text(encoding="utf-8")


def test_a_misspelt_danger_concern_is_named_at_its_line_and_column(tmp_path):
    path, text = _danger_copy(tmp_path)
    line = text[: text.index("danger_concerns: [dv, abuse")].count("\n") + 1
    path.write_text(text.replace("danger_concerns: [dv, abuse", "danger_concerns: [dv, abuze"), encoding="utf-8")
    loaded = load(tmp_path / "rules", tmp_path / "contacts")
    found = [p for p in loaded.problems if p.code == "NAV-E304"]
    assert [(p.line, p.column) for p in found] == [(line, 23)] and "abuse" in str(found[0])


def test_check_names_a_compound_verb_the_dictionary_splits(tmp_path):
    # ~締め出す is read 締める|出す in every sentence: the cue would never match, and nothing said so
    from navigator.checks.lint import lint

    path, text = _danger_copy(tmp_path)
    assert not [p for p in lint(load(tmp_path / "rules", tmp_path / "contacts").ruleset) if p.code == "NAV-W414"]
    path.write_text(text.replace('"@child+~締める~出す"', '"@child+~締め出す"'), encoding="utf-8")
    found = [p for p in lint(load(tmp_path / "rules", tmp_path / "contacts").ruleset) if p.code == "NAV-W414"]
    line = text[: text.index("  - id: child")].count("\n") + 1
    assert [(p.line, p.column) for p in found] == [(line, 5)]
    assert "締める|出す" in found[0].message and "~締める~出す" in found[0].hint
