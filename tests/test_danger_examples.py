"""Danger by example (navigator/danger_examples.py): words no cue knows, found by the nearest
example of a kind, with that example shown as the reason; counter-examples, denial and the past
raise nothing."""

from __future__ import annotations

import pytest

from navigator import analysis
from navigator.danger import detect
from navigator.model import DangerKind, DangerRules

pytestmark = pytest.mark.skipif(not analysis.available(), reason="needs the sudachipy dictionary")

EXAMPLE = "夫に毎晩スマホを取り上げられて、実家にも帰らせてもらえない"
ORDINARY = "夫にスマホの使い方を聞いても教えてもらえない"
RULES = DangerRules(now=("今",), past=("昔",), kinds=(
    DangerKind("dv", "DV", ("dv-navi",), cues=("xyzzy",), examples=(EXAMPLE, "彼氏に殴られて顔にあざがある")),
), ordinary=(ORDINARY, "市役所の窓口は何時まで開いていますか"))


def test_an_unseen_paraphrase_is_found_by_its_nearest_example_shown_as_the_reason():
    found = detect(RULES, "スマホを夫に取り上げられるし、実家に帰らせてもらえないんです")
    assert found.kinds == ("dv",)
    assert found.matched == (f"例「{EXAMPLE}」",)


def test_an_ordinary_counter_example_near_it_raises_nothing():
    assert not detect(RULES, "夫にスマホの使い方を何度聞いても教えてもらえない").detected


def test_a_denied_example_raises_nothing():
    assert not detect(RULES, "夫にスマホを取り上げられたりはしていません").detected


def test_an_example_told_as_past_raises_nothing_for_a_kind_without_history():
    assert not detect(RULES, "昔、夫にスマホを取り上げられて、実家にも帰らせてもらえなかった").detected


def test_without_examples_or_the_dictionary_only_cues_count(monkeypatch):
    monkeypatch.setattr(analysis, "ready", lambda: False)
    assert not detect(RULES, "スマホを夫に取り上げられるし、実家に帰らせてもらえないんです").detected
    assert detect(RULES, "xyzzy").kinds == ("dv",)


def test_shipped_examples_name_only_known_kinds_and_are_read(shipped):
    danger = shipped.common.danger
    assert sum(len(k.examples) for k in danger.kinds) > 100 and len(danger.ordinary) > 100


@pytest.mark.parametrize("text", ["ﾔﾁﾝｶﾞﾊﾗｴﾅｲ ｼｺﾞﾄﾓﾅｸﾅｯﾀ", "しごと なくなった。おかね ない。",
                                  "シゴト ナクナッタ。オカネ ナイ。", "家賃が払えない。仕事もなくなった"])
def test_sharing_only_ordinary_words_with_an_example_raises_nothing(shipped, text):
    # the nearest example is 「しごと なくなった。おかね ない。もう しんだほうが いい」: its danger is in
    # words this text does not have; a pair such as 仕事・なくなる is no lean however rare it is
    assert not detect(shipped.common.danger, text).detected


@pytest.mark.parametrize("text", ["もう しにたい", "つうちょう と いんかん の ばしょ てがみ に かいた。わたし いなくても だいじょうぶ"])
def test_a_kana_suicide_sentence_still_raises(shipped, text):
    assert detect(shipped.common.danger, text).kinds == ("suicide",)
