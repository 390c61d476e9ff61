"""How one keyword reaches what residents type: other particles, IME slips, half-width kana,
passing mentions, questions that are not denials, and who the violence was told about."""

from __future__ import annotations

import pytest

from navigator.model import Concern
from navigator.search import PARTICLE, SLIP, ConcernMatcher

CONCERNS = [
    Concern("employment", "就労", "", ("仕事がない",)),
    Concern("poverty", "生活困窮", "", ("滞納", "お金がない")),
    Concern("care", "介護", "", ("認知症", "介護")),
    Concern("childcare", "子育て", "", ("一人親", "保育所", "妊娠")),
    Concern("rights", "人権", "", ("差別",)),
    Concern("dv", "DV", "", ("夫+殴",)),
    Concern("abuse", "虐待", "", ("殴られ",)),
]


@pytest.fixture(scope="module")
def matcher():
    pytest.importorskip("sudachipy")
    return ConcernMatcher(CONCERNS)


def found(matcher, text) -> list[str]:
    """The concerns found, best first."""
    return [found.concern for found in matcher.match(text)]


def hows(matcher, text, concern):
    return {h.how for m in matcher.match(text) if m.concern == concern for h in m.hits}


@pytest.mark.parametrize("text", ["住む所も仕事もない", "仕事もありません", "しごと ない"])
def test_another_particle_or_ありません_is_the_same_keyword(matcher, text):
    assert "employment" in found(matcher, text) and PARTICLE in hows(matcher, text, "employment")


@pytest.mark.parametrize("text, concern", [("認知賞の母", "care"), ("妊振中です", "childcare"),
                                           ("家賃を滞能してて", "poverty")])
def test_a_kanji_slip_with_the_same_reading_or_one_kanji_off_is_found(matcher, text, concern):
    assert concern in found(matcher, text) and SLIP in hows(matcher, text, concern)


@pytest.mark.parametrize("text", ["一人暮らしの母", "保育園に通う子", "生涯学習に参加したい", "うつで休職中です"])
def test_real_words_are_no_slips(matcher, text):
    assert SLIP not in {h.how for m in matcher.match(text) for h in m.hits}
    assert "childcare" not in found(matcher, text) or "保育園" in text


def test_half_width_katakana_is_read_like_hiragana(matcher):
    assert "care" in found(matcher, "ﾊﾊﾉｶｲｺﾞﾃﾞﾂｶﾚﾀ")


@pytest.mark.parametrize("text", ["ははがにんちしょうでしんぱい", "ﾊﾊｶﾞﾆﾝﾁｼｮｳﾃﾞｼﾝﾊﾟｲ"])
def test_a_long_reading_counts_inside_a_kana_word_cut_wrongly(matcher, text):
    # the dictionary reads が|にんち… as がに|ん|ち: the five-kana reading is found all the same
    [m] = [m for m in matcher.match(text) if m.concern == "care"]
    assert m.hits[0].words in (("にんちしょう",), ("ﾆﾝﾁｼｮｳ",), ("ｶﾞﾆﾝﾁｼｮｳ",))


def test_a_short_reading_does_not_count_inside_a_kana_word(matcher):
    assert "care" not in found(matcher, "なかいごとに")   # かいご inside a word: too short to trust


@pytest.mark.parametrize("text", ["お金がないわけじゃないけど、認知症の母が", "介護は今のところ問題ないが、仕事がない",
                                  "介護はまだ必要ないんですが、仕事がない"])
def test_passing_mentions_do_not_count(matcher, text):
    got = found(matcher, text)
    assert "care" not in got or "認知症" in text
    assert "poverty" not in got


def test_a_question_is_not_a_denial(matcher):
    assert found(matcher, "差別じゃないでしょうか") == ["rights"]
    assert found(matcher, "差別じゃないです") == []


def test_a_child_in_another_sentence_does_not_make_dv_abuse(matcher):
    assert found(matcher, "夫に殴られて実家に逃げてきました。子どもも一緒です。") == ["dv"]
    assert "abuse" in found(matcher, "夫が子どもを殴られるまで叱る")


@pytest.mark.parametrize("text, value", [("本人は自分で決めたいと言っているが、お金の管理が心配", "can_decide"),
                                         ("父はもう自分では判断できないと思う。財産の管理を", "cannot_decide"),
                                         ("お金の管理が心配", None)])
def test_capacity_is_read_from_the_words_when_plain(text, value):
    from navigator.loading import load
    from navigator.search import infer_answers
    from navigator.shipped import shipped

    common = load(shipped("rules"), shipped("contacts"), only=[]).ruleset.common
    assert infer_answers(text, [common.question("capacity")]).get("capacity") == value


def test_a_weak_word_is_not_backed_by_an_example_through_itself():
    from navigator.loading import load
    from navigator.search import ConcernMatcher
    from navigator.shipped import shipped

    m = ConcernMatcher(load(shipped("rules"), shipped("contacts"), only=[]).ruleset.common.concerns)
    got = [x.concern for x in m.match("もう全部終わりにしたい")]
    assert "unsure" not in got and "kokoro" in got
    assert "foreign" not in [x.concern for x in m.match("誰とも話さずに一日が終わります")]   # 一日 is no slip of 来日
