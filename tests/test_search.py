"""Free text → concerns: exact keywords, careful near misses, and only plainly stated answers."""

from __future__ import annotations

from navigator.model import Concern, Option, Question
from navigator.search import ConcernMatcher, infer_answers, normalize

CONCERNS = [
    Concern("poverty", "生活困窮", "", ("家賃が払えない", "借金", "お金がない")),
    Concern("hikikomori", "ひきこもり", "", ("部屋から出てこない", "ひきこもり")),
    Concern("dv", "DV", "", ("離婚したい", "夫に殴られ")),
]


def found(text: str) -> list[str]:
    return [m.concern for m in ConcernMatcher(CONCERNS).match(text)]


def test_normalize_folds_width_kana_and_punctuation():
    assert normalize("ＤＶ　ヒキコモリ、です。") == "dvひきこもりです"


def test_exact_keyword_scores_100_and_names_what_matched():
    [m] = ConcernMatcher(CONCERNS).match("最近、借金がかさんで")
    assert (m.concern, m.score, m.matched) == ("poverty", 100, ("借金",))


def test_near_miss_of_a_long_phrase_is_found():
    assert found("息子が部屋から出てこなくて") == ["hikikomori"]
    assert found("家賃が払えなくて困っています") == ["poverty"]  # 払えない ~ 払えなく


def test_near_miss_must_start_like_the_keyword():
    assert found("転職したい") == []          # not 離婚したい
    assert found("職員に殴られている") == []  # not 夫に殴られ


def test_short_keywords_must_be_exact():
    assert found("借りた") == []


def test_katakana_and_hiragana_match_each_other():
    assert found("ヒキコモリの相談") == ["hikikomori"]


def test_too_short_text_finds_nothing():
    assert found("借") == []


def test_several_concerns_at_once():
    assert set(found("夫に殴られて、お金がない")) == {"poverty", "dv"}


WHO = Question("who", "誰", (Option("child", "子ども", ("子ども",)), Option("elder", "高齢者", ("高齢",))), ("abuse",))


def test_infer_answers_only_when_one_option_is_plainly_stated():
    assert infer_answers("子どもが叩かれている", [WHO]) == {"who": "child"}
    assert infer_answers("高齢の親が子どもを叩く", [WHO]) == {}  # both named: ask, do not guess
    assert infer_answers("叩かれている", [WHO]) == {}


def test_shipped_keywords_do_not_guess_the_victim_from_family_words(shipped):
    who = shipped.common.question("who")
    assert "who" not in infer_answers("母に叩かれている", [who])
    assert "who" not in infer_answers("父に怒鳴られる", [who])


def test_words_apart_in_the_sentence_match_together():
    concerns = [Concern("dv", "DV", "", ("夫+殴",)), Concern("poverty", "生活困窮", "", ("お金+ない",))]
    matcher = ConcernMatcher(concerns)
    [m] = matcher.match("夫がお酒を飲むと殴ってくる")
    assert (m.concern, m.score, m.matched) == ("dv", 90, ("夫+殴",))
    assert matcher.match("殴られた") == []           # one part alone is not enough
    assert [m.concern for m in matcher.match("お金がほんとうにない")] == ["poverty"]


def test_neet_is_not_found_in_nito():
    """Issue 10: ニート normalised to 「にと」 matched 「子どもと一緒にトイレ」."""
    matcher = ConcernMatcher([Concern("hikikomori", "ひきこもり", "", ("ニート",))])
    assert matcher.match("子どもと一緒にトイレに隠れてる") == []
    assert matcher.match("机の上にトマトがある") == [] and matcher.match("ニトリで買った") == []
    assert [m.concern for m in matcher.match("息子がニートで")] == ["hikikomori"]


def test_ascii_keyword_does_not_match_inside_a_longer_ascii_word():
    """Issue 10: DV matched inside DVD."""
    matcher = ConcernMatcher([Concern("dv", "DV", "", ("DV",))])
    assert matcher.match("子どもがDVDばかり見ていて") == []
    assert [m.concern for m in matcher.match("夫からのＤＶで悩んで")] == ["dv"]
    assert [m.concern for m in matcher.match("DVかもしれない")] == ["dv"]
