"""Understanding what residents say: inflections, kana, spellings, word edges, denials, past."""

from __future__ import annotations

import pytest

from navigator.model import Concern
from navigator.persons import people, who_value
from navigator.search import AS_WRITTEN, INFLECTED, READING, SPELLING, ConcernMatcher

CONCERNS = [
    Concern("rights", "人権", "", ("パワハラ",)),
    Concern("crime_victim", "犯罪被害", "", ("痴漢",)),
    Concern("poverty", "生活困窮", "", ("払えな", "借金", "家賃")),
    Concern("care", "介護", "", ("介護", "認知症")),
    Concern("disability", "障害", "", ("障害",)),
    Concern("childcare", "子育て", "", ("子供",)),
    Concern("dv", "DV", "", ("DV", "夫+殴", "暴力")),
    Concern("abuse", "虐待", "", ("虐待", "殴られ", "暴力")),
    Concern("hikikomori", "ひきこもり", "", ("ニート", "何年も+外に出")),
    Concern("employment", "就労", "", ("パート", "働け", "パートを探")),
    Concern("isolation", "孤立", "", ("話し相手",)),
    Concern("unsure", "複合", "", ("どこに相談",), weak=("全部", "悩み")),
]


@pytest.fixture(scope="module")
def matcher():
    m = ConcernMatcher(CONCERNS)
    if not m.deep:
        pytest.skip("sudachipy is not installed")
    return m


def found(matcher, text):
    return [m.concern for m in matcher.match(text)]


def how(matcher, text, concern):
    m = next(m for m in matcher.match(text) if m.concern == concern)
    return {h.how for h in m.hits}


@pytest.mark.parametrize("text", ["家賃が払えず困っています", "払えなくて", "もう払えねえ", "払えません"])
def test_one_keyword_matches_its_conjugations(matcher, text):
    assert "poverty" in found(matcher, text)


def test_conjugation_is_explained_as_such(matcher):
    assert INFLECTED in how(matcher, "今月は払えず", "poverty")


@pytest.mark.parametrize("text,concern", [("やちんがたまってる", "poverty"), ("はらえないんです", "poverty"),
                                          ("ははのかいごがたいへん", "care"), ("にんちしょうかも", "care")])
def test_kana_typed_by_the_resident_matches_by_reading(matcher, text, concern):
    assert concern in found(matcher, text)


def test_reading_only_for_kana_typed(matcher):
    assert READING in how(matcher, "にんちしょうかも", "care")
    assert found(matcher, "自信がない") == []   # 地震/自信: a kanji word is never matched by its reading


@pytest.mark.parametrize("text,concern", [("障がいがあって", "disability"), ("障碍者", "disability"),
                                          ("子どものことで", "childcare"), ("ＤＶです", "dv")])
def test_spelling_variants(matcher, text, concern):
    assert concern in found(matcher, text)


def test_spelling_variant_is_explained(matcher):
    assert SPELLING in how(matcher, "障碍があります", "disability")
    assert AS_WRITTEN in how(matcher, "障害があります", "disability")


@pytest.mark.parametrize("text,concern", [("私にとって一番の心配は家賃です", "hikikomori"),
                                          ("子どもと一緒にトイレに隠れてる", "hikikomori"),
                                          ("子どもがDVDばかり見ている", "dv"),
                                          ("アパートの更新を断られた", "employment"),
                                          ("アパートを探している", "employment")])
def test_word_edges_are_respected(matcher, text, concern):
    assert concern not in found(matcher, text)


def test_whole_loanwords_still_match(matcher):
    assert "hikikomori" in found(matcher, "息子がニートで")
    assert "employment" in found(matcher, "パートを探しています")
    assert "dv" in found(matcher, "DVを受けています")


@pytest.mark.parametrize("text", ["暴力とかはないんですけど、借金が", "暴力はないんです", "虐待ではないと思う",
                                  "殴られたりはしないけど", "暴力はありません", "暴力なし",
                                  "暴力とかそういうのはないです", "暴力とかそんなのはありません"])
def test_denied_in_its_clause_does_not_count(matcher, text):
    got = found(matcher, text)
    assert "dv" not in got and "abuse" not in got


@pytest.mark.parametrize("text", ["借金とかは一切ないんですけど、夫に殴られる", "借金も何もないです。夫に殴られる",
                                  "借金は一度もしたことがない。夫に殴られる"])
def test_an_adverb_of_totality_between_keeps_the_denial(matcher, text):
    # 一切 / 何も / 一度も strengthen the denial; they do not end it
    got = found(matcher, text)
    assert "dv" in got and "legal" not in got and "poverty" not in got, got


def test_denial_is_explained(matcher):
    u = matcher.understand("暴力はないんですけど、借金が")
    assert [m.concern for m in u.matches] == ["poverty"]
    assert {(i.keyword, i.why) for i in u.ignored} >= {("暴力", "否定")}


def test_denial_stays_in_its_clause(matcher):
    assert "dv" in found(matcher, "借金はないけど、夫に殴られる")
    assert "poverty" not in found(matcher, "借金はないけど、夫に殴られる")


@pytest.mark.parametrize("text,concern", [("息子が何年も外に出ていない", "hikikomori"), ("もう働けない", "employment"),
                                          ("話し相手がいない", "isolation"), ("家賃が払えない", "poverty")])
def test_nai_that_completes_the_keyword_is_no_denial(matcher, text, concern):
    assert concern in found(matcher, text)


def test_past_is_history(matcher):
    u = matcher.understand("昔は父に殴られていました")
    assert u.matches == ()
    assert {i.why for i in u.ignored} == {"過去"}
    assert "abuse" in found(matcher, "以前から父に殴られています")   # ongoing since before
    assert found(matcher, "小さい頃、父によく殴られていた") == []
    assert found(matcher, "弟が昔少年院にいたのはもう20年も前の話で") == []
    assert "abuse" in found(matcher, "この前の話ですが、父に殴られました")   # recent, not history


def test_weak_words_need_support(matcher):
    u = matcher.understand("全部で三つ、借金が")
    assert [m.concern for m in u.matches] == ["poverty"] and {i.why for i in u.ignored} == {"単独では弱い"}
    [alone] = matcher.match("全部で三つ")   # nothing else said: kept, but only as a candidate
    assert alone.concern == "unsure" and alone.candidate
    assert not matcher.match("悩みはどこに相談すれば")[0].candidate


def test_violence_with_no_victim_named_is_dv(matcher):
    assert found(matcher, "夫に殴られて") == ["dv"]
    assert set(found(matcher, "夫が子供を殴って、私も暴力を")) >= {"abuse", "dv"}


def test_violence_by_a_stranger_is_a_crime(matcher):
    assert found(matcher, "駅の裏で知らない男に殴られました") == ["crime_victim"]
    assert "abuse" in found(matcher, "知らない人が、隣の子どもが殴られていると言う")   # a child named: abuse


def test_the_callers_introduction_is_no_concern(matcher):
    u = matcher.understand("障害者施設の職員です。利用者さんが家賃を払えないと")
    assert found(matcher, "障害者施設の職員です。利用者さんが家賃を払えないと") == ["poverty"]
    assert "相談者の名乗り（保育園です 等）" in {i.why for i in u.ignored}


def test_violence_at_work_is_harassment(matcher):
    u = matcher.understand("職場で上司に毎日殴られています")
    assert [m.concern for m in u.matches] == ["rights"] and {i.why for i in u.ignored} == {"職場のことなので、ハラスメントとして扱う"}
    assert "abuse" in found(matcher, "職場の人が、障害のある弟が殴られていると言う")   # a victim named: abuse


def test_what_comes_before_the_focus_is_background(matcher):
    u = matcher.understand("母は認知症です。相談したいのは私の借金のことです。")
    assert found(matcher, "母は認知症です。相談したいのは私の借金のことです。") == ["poverty"]
    assert {i.why for i in u.ignored} == {"前置き（相談の中心は後の話）"}
    assert set(found(matcher, "母は認知症です。借金もあります。")) == {"care", "poverty"}   # no focus said
    assert set(found(matcher, "夫に殴られています。相談したいのは借金のことです。")) == {"dv", "poverty"}   # harm stays


@pytest.mark.parametrize("text", ["母は認知症ですが施設にいます。相談は、借金のことです。",
                                  "母の介護は一段落しました。それとは別で、借金があります。",
                                  "母は認知症でしたが、今は借金のことで困っています。"])
def test_other_words_for_the_focus(matcher, text):
    assert found(matcher, text) == ["poverty"]


def test_a_cause_told_before_今は_without_a_contrast_still_counts(matcher):
    assert set(found(matcher, "認知症の母を見ていて、今は借金もあります。")) == {"care", "poverty"}


def test_the_caller_who_volunteers_is_no_concern():
    m = ConcernMatcher([*CONCERNS, Concern("join", "参加", "", ("ボランティア",))])
    assert [x.concern for x in m.match("日本語教室のボランティアです。生徒さんが家賃を払えないと")] == ["poverty"]


def test_without_the_dictionary_matching_is_by_written_form():
    m = ConcernMatcher(CONCERNS, deep=False)
    assert [x.concern for x in m.match("家賃が払えない")] == ["poverty"]
    assert "hikikomori" not in [x.concern for x in m.match("私にとって")]     # edges hold without it
    assert [x.concern for x in m.match("暴力はないんですけど")] == []       # plain denials too


def test_examples_propose_candidates_only_when_nothing_matched():
    concerns = [Concern("poverty", "生活困窮", "", ("借金",), examples=("財布にもう小銭しか残っていない",)),
                Concern("school", "不登校", "", ("不登校",), examples=("朝になると学校へ行くのを嫌がる",))]
    m = ConcernMatcher(concerns)
    if not m.deep:
        pytest.skip("sudachipy is not installed")
    [c] = m.match("財布に小銭しか残ってない")
    assert c.candidate and c.concern == "poverty" and c.hits[0].how == "例文"
    assert not m.match("借金が")[0].candidate


def test_persons_with_ages_per_person():
    found = people("母が80になって物忘れがひどくて、50歳の兄は部屋から出てこない")
    assert [(p.relation, p.age, p.group) for p in found] == [("母", 80, "elder"), ("兄", 50, "middle")]
    assert people("おばあちゃんが")[0].group == "elder"
    assert people("中学生の子が")[0].words == "中学生の子"
    assert who_value(people("80代の母")[0].group) == "elder"
    assert people("80代女性 独居")[0].relation == "女性"


def test_persons_carry_the_concerns_of_their_clause(matcher):
    text = "80代の母が認知症で、私はもう働けない"
    hits = [h for m in ConcernMatcher(CONCERNS).match(text) for h in m.hits]
    mother, me = people(text, hits)
    assert mother.concerns == ("care",) and me.concerns == ("employment",)


def test_understand_report_on_the_shipped_scenarios(capsys):
    from navigator.cli import main

    assert main(["understand", "--min-f1", "0.85"]) == 0
    out = capsys.readouterr().out
    assert "件の相談文" in out and "F1" in out and "poverty" in out


def test_understand_report_as_json_names_misses_with_file_and_line(tmp_path, capsys):
    import json

    from navigator.cli import main

    labelled = tmp_path / "said.yaml"
    labelled.write_text("- {text: 生活費が足りない, concerns: [poverty]}\n"
                        "- {text: 夫に殴られた, concerns: [school]}\n", encoding="utf-8")
    assert main(["understand", str(labelled), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["texts"] == 2 and report["concerns"]["poverty"]["recall"] == 1.0
    [miss] = report["misses"]
    assert miss["where"].endswith("said.yaml:2") and miss["missing"] == ["school"] and "dv" in miss["extra"]
    assert main(["understand", str(labelled), "--min-f1", "0.99"]) == 1


def test_a_labelled_file_splits_by_id_parity(tmp_path):
    from navigator import quality

    labelled = tmp_path / "said.yaml"
    labelled.write_text("cases:\n- {id: u4-001, text: 借金, concerns: [poverty]}\n"
                        "- {id: u4-002, text: 介護, concerns: [care]}\n- {text: 障害, concerns: [disability]}\n",
                        encoding="utf-8")
    items = quality.read_labelled(labelled, {"poverty", "care", "disability"})
    assert [i.id for i in quality.half(items, "odd")] == ["u4-001"]
    assert [i.id for i in quality.half(items, "even")] == ["u4-002"]


def test_shipped_examples_are_never_applied_silently(shipped):
    m = ConcernMatcher(shipped.common.concerns)
    if not m.deep:
        pytest.skip("sudachipy is not installed")
    [*found] = m.match("冷蔵庫の中がからっぽで")
    assert found and all(x.candidate and x.hits[0].how == "例文" for x in found)


@pytest.fixture(scope="module")
def shipped_matcher(shipped):
    m = ConcernMatcher(shipped.common.concerns)
    if not m.deep:
        pytest.skip("sudachipy is not installed")
    return m


@pytest.mark.parametrize("text", [
    "夫は認知症で要介護、私も腰を痛めています",
    "両親とも介護が必要になって、有休ももう残っていません",
    "認知症の父が夜中に出て行っちゃうし、私ももうくたくたで",
])
def test_the_carers_own_burden_beside_the_care_is_the_carer_too(shipped_matcher, text):
    found = [m.concern for m in shipped_matcher.match(text)]
    assert "care" in found and "carer" in found


@pytest.mark.parametrize("text", [
    "私も腰を痛めています。整形外科はどこがいいですか",       # a burden with no one cared for
    "祖母の介護で、高校生の私が腰を痛めています",             # a child's burden: the young carer
])
def test_a_burden_without_care_or_of_a_child_is_no_carer(shipped_matcher, text):
    carer = [h.keyword for m in shipped_matcher.match(text) if m.concern == "carer" and not m.candidate for h in m.hits]
    assert not any("腰を痛" in k for k in carer), carer


@pytest.mark.parametrize("text", [
    "夫の暴力から子どもを連れて逃げてきました",             # the child is with her
    "彼氏に殴られて家を出てきたんだけど、お腹に赤ちゃんがいて",
    "姉のことなんですけど、旦那さんに殴られてるみたいで",     # a sister, hit by her husband
])
def test_a_partners_violence_with_a_child_alongside_is_dv_not_abuse(shipped_matcher, text):
    found = [m.concern for m in shipped_matcher.match(text)]
    assert "dv" in found and "abuse" not in found


@pytest.mark.parametrize("text", ["夫からモラハラ受けてて、子どもも夫に怒鳴られておびえてる",
                                  "夫は私を殴るし、最近は中2の息子にも手を上げるようになりました"])
def test_a_child_the_partner_also_harms_keeps_abuse(shipped_matcher, text):
    assert "abuse" in [m.concern for m in shipped_matcher.match(text)]


def test_an_elder_who_no_longer_goes_out_is_no_hikikomori(shipped_matcher):
    u = shipped_matcher.understand("一人暮らしの父が最近外に出なくなって、近所にも知り合いがいないみたい")
    assert "hikikomori" not in [m.concern for m in u.matches]
    assert any(i.concern == "hikikomori" and "高齢の人" in i.why for i in u.ignored)   # said why


def test_a_son_who_does_not_go_out_beside_his_parent_is_still_hikikomori(shipped_matcher):
    assert "hikikomori" in [m.concern for m in shipped_matcher.match("80代の母と暮らす兄が、何年も家から出ない")]


def test_a_list_denied_together_denies_each_item(shipped_matcher):
    """物忘れとか介護とかの話じゃない: both denied, not only the last."""
    found = shipped_matcher.match("物忘れとか介護とかの話じゃないの、元気なのよ")
    assert "care" not in [m.concern for m in found if not m.candidate]   # an example may still propose it
    assert "care" in [m.concern for m in shipped_matcher.match("物忘れとか、介護のことで相談したい")]


def test_husband_inside_another_word_is_no_husband(shipped_matcher):
    """夫 in 夫婦 or 大丈夫 names no partner: a son's violence to his old parents is no DV."""
    found = [m.concern for m in shipped_matcher.match("長男が家で暴れることがあって、七十代の私たち夫婦は怖くて") if not m.candidate]
    assert "dv" not in found
    assert "dv" in [m.concern for m in shipped_matcher.match("夫が家で暴れることがあって怖くて")]


@pytest.mark.parametrize("text, concern", [
    ("夫から暴力を受けたことはありません", "dv"),              # を + a verb of suffering it
    ("夫から暴力を振るわれたことは一度もないです", "dv"),
    ("死にたいとか、そういうのは全くないです", "kokoro"),     # the next clause takes it up
    ("殴られたりとか、そういうことはされてないんです", "abuse"),
])
def test_a_harm_denied_with_words_between_is_denied(shipped_matcher, text, concern):
    assert concern not in [m.concern for m in shipped_matcher.match(text) if not m.candidate]


@pytest.mark.parametrize("text, concern", [
    ("暴力を受けない日はない", "abuse"),                      # denied twice: it happens every day
    ("死にたいと思わない日はない", "kokoro"),
    ("死にたいとか、そういう気持ちがずっとある", "kokoro"),   # taken up, not denied
    ("夫から暴力を受けて眠れない", "dv"),
])
def test_what_is_not_denied_still_counts(shipped_matcher, text, concern):
    assert concern in [m.concern for m in shipped_matcher.match(text)]


@pytest.mark.parametrize("text,gone,kept", [
    ("体は元気で、介護はまだ必要ありません。でも話す人がいなくなりました", "care", "isolation"),   # 必要|あり|ませ|ん
    ("去年まで母の介護をしていましたが、今は施設に入りました。また働きたいと思っています", "care", "employment"),
    ("日本語の書類がわかりません。仕事を探しています", "guardianship", "employment"),             # weak without support
])
def test_care_no_longer_needed_or_over_and_paperwork_alone_are_not_concerns(shipped_matcher, text, gone, kept):
    got = [m.concern for m in shipped_matcher.match(text)]
    assert gone not in got and kept in got, got


@pytest.mark.parametrize("text", [
    "娘が、学校から帰ってくると、寝たきりの祖母の体を拭いて、洗濯をして…友だちと遊んだことがないみたいで",
    "中3女子。母精神疾患、弟妹2人の世話・家事を担う。欠席増加。",
    "学校から帰ったら、まずお母さんの薬を確認して、妹をお風呂に入れて、夕飯を作ります。宿題はいつも夜中です。",
    "学校から帰ったら、おばあちゃんのおむつを替えて、夕飯を作ります。宿題は夜中です。",   # おむつ+学校: its own keyword
])
def test_a_childs_school_day_beside_the_familys_care_is_a_young_carer(shipped_matcher, text):
    u = shipped_matcher.understand(text)
    assert [m.concern for m in u.matches if not m.candidate] == ["youngcarer"]
    assert all(i.why for i in u.ignored if i.concern in ("care", "disability", "school"))


@pytest.mark.parametrize("text,kept", [
    ("息子が不登校で、私は母の介護もあって疲れています", "school"),     # a parent's own care: no young carer
    ("母の介護で仕事を休みがちです。授業参観にも行けません", "care"),
])
def test_a_parents_care_beside_school_words_is_no_young_carer(shipped_matcher, text, kept):
    found = [m.concern for m in shipped_matcher.match(text)]
    assert "youngcarer" not in found and kept in found, found


@pytest.mark.parametrize("text", [
    "夫 たたく。こわい。こども と にげたい。どこ いく?",
    "コロナから仕事少ない。家賃払うできない。国にかえるお金もない。",
    "夫が毎日 たたきます。わたし 日本語 すこし。どこ にげる いいですか。",
])
def test_a_learners_japanese_brings_language_support(shipped_matcher, text):
    m = next(m for m in shipped_matcher.match(text) if m.concern == "foreign")
    assert not m.candidate and m.hits[0].spans


@pytest.mark.parametrize("text", [
    "ままが まいにち おさけのんで ねてる ごはん ない",                 # a child typing: one weak sign only
    "じいさんが ゆうがたに なると でていって しまう。わたし ひとりでは もう みきれない",
    "母が財布どこ？って毎日聞いてきます",                               # どこ? quoted is no learner's
    "職場で、どこの国の人間だとか、国に帰れとか毎日言われて",
])
def test_kana_typing_or_quoted_words_are_no_learners_japanese(shipped_matcher, text):
    assert "foreign" not in [m.concern for m in shipped_matcher.match(text)]


@pytest.mark.parametrize("text, words", [
    ("I lost my job and cannot pay rent", ("I", "lost", "my")),
    ("Tôi không có tiền. 家賃 はらえない", ("Tôi", "không", "có")),
    ("Eu não entendo a carta da prefeitura", ("Eu", "não", "entendo")),
])
def test_a_text_in_another_language_brings_language_support(shipped_matcher, text, words):
    m = next(m for m in shipped_matcher.match(text) if m.concern == "foreign")
    assert not m.candidate and m.hits[0].words == words


@pytest.mark.parametrize("text", ["DVがひどくて逃げたい", "LINEで毎日連絡が来て困る", "NPOの方にATMの使い方を教わりました"])
def test_a_few_latin_letters_in_japanese_are_no_other_language(shipped_matcher, text):
    assert "foreign" not in [m.concern for m in shipped_matcher.match(text)]


def test_another_language_is_the_speakers_own_in_a_household(shipped):
    from navigator.intake import household_from_text
    from navigator.search import ConcernMatcher
    matcher = ConcernMatcher(shipped.common.concerns)
    text = "母が認知症です。息子は学校に行っていません。Sorry, I cannot read these letters, please help"
    persons = household_from_text(shipped, text, matcher.match(text))
    assert [p.relation for p in persons if "foreign" in p.concerns] == ["本人"], persons


def test_asking_where_about_one_named_trouble_is_that_troubles_window(shipped_matcher):
    u = shipped_matcher.understand("兄がゲームばっかりで何年も部屋から出ない。親はもう70代。どこに相談すれば")
    assert [m.concern for m in u.matches] == ["hikikomori"]
    assert any(i.concern == "unsure" and i.why for i in u.ignored)
    # several troubles at once: the one-stop desk stays
    many = [m.concern for m in shipped_matcher.match("家賃も払えないし、母の介護もあって、息子は働かないし、どこに相談すれば")]
    assert "unsure" in many, many


@pytest.mark.parametrize("text,concern", [
    ("娘が同級生から、ネットで裸の写真をばらまくと脅されていて、学校にも行けなくなりました", "crime_victim"),
    ("小3男児 あざ複数 母の交際相手 担任より連絡", "abuse"),
])
def test_a_threat_or_a_partner_word_alone_is_no_dv(shipped_matcher, text, concern):
    found = [m.concern for m in shipped_matcher.match(text) if not m.candidate]
    assert "dv" not in found and concern in found, found
    assert "dv" in [m.concern for m in shipped_matcher.match("交際相手に脅されて、怖くて家に帰れない")]


def _with_examples_file(tmp_path, text: str):
    """The shipped rules loaded with rules/examples/ holding only one file of this text."""
    from navigator.loading import load
    import shutil
    from tests.conftest import ROOT
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    shutil.rmtree(rules / "examples")
    (rules / "examples").mkdir()
    (rules / "examples" / "more.yaml").write_text(text, encoding="utf-8")
    return load(rules, ROOT / "contacts")


def test_examples_of_the_examples_folder_propose_candidates_but_back_no_weak_word(tmp_path):
    loaded = _with_examples_file(
        tmp_path, "examples:\n  hikikomori:\n    - \"窓のカーテンはいつも閉めきったまま\"\n  nosuch:\n    - \"x\"\nend: true\n")
    assert [(p.line, p.code) for p in loaded.problems if p.code == "NAV-E304"] == [(4, "NAV-E304")]
    concern = next(c for c in loaded.ruleset.common.concerns if c.id == "hikikomori")
    assert concern.more_examples == ("窓のカーテンはいつも閉めきったまま",)
    m = ConcernMatcher(loaded.ruleset.common.concerns)
    found = m.understand("カーテンをいつも閉めきったままなんです")
    assert [(x.concern, x.candidate) for x in found.matches][:1] == [("hikikomori", True)]
    assert all(e.text != "窓のカーテンはいつも閉めきったまま" for e in m.examples.examples)   # not for weak words


def test_an_examples_file_adds_keywords_matched_as_common_yamls_are(tmp_path):
    # common.yaml is near the file size limit: new wordings go to rules/examples/*.yaml's keywords:
    loaded = _with_examples_file(tmp_path, "keywords:\n  mobility: [バス停まで歩けな]\n  mobilty: [x]\nend: true\n")
    assert [(p.line, p.column, p.code) for p in loaded.problems if p.code == "NAV-E304"] == [(3, 3, "NAV-E304")]
    m = ConcernMatcher(loaded.ruleset.common.concerns)
    found = m.understand("足が弱って、バス停まで歩けなくなりました")
    assert [(x.concern, x.candidate) for x in found.matches][:1] == [("mobility", False)]


@pytest.mark.parametrize("text, concern", [
    ("My husband hit me last night. I am scared to go home", "dv"),
    ("I lost my job and I cannot pay the rent", "employment"),
    ("I want to die", "kokoro"),
])
def test_an_english_text_finds_its_concern_beside_language_support(shipped_matcher, text, concern):
    found = [m.concern for m in shipped_matcher.match(text) if not m.candidate]
    assert concern in found and "foreign" in found, found


@pytest.mark.parametrize("text", ["我妈妈 一个人 住。さいきん わすれる こと おおい。", "我没有钱，房租付不起"])
def test_chinese_in_simplified_letters_brings_language_support(shipped_matcher, text):
    assert "foreign" in [m.concern for m in shipped_matcher.match(text)]


def test_a_sentence_in_another_language_beside_japanese_brings_language_support(shipped_matcher):
    assert "foreign" in [m.concern for m in shipped_matcher.match("I lost my job. 家賃が払えなくて困っています。どうすればいいですか")]
    assert "foreign" not in [m.concern for m in shipped_matcher.match("LINE の ID を教えて。家賃が払えなくて困っています")]


@pytest.mark.parametrize("text", ["会社の国民健康保険の手続きを学びたい", "電車で東京に行く時間がない"])
def test_japanese_kanji_are_no_chinese(shipped_matcher, text):
    assert "foreign" not in [m.concern for m in shipped_matcher.match(text)]


def test_english_keywords_match_whole_words(shipped_matcher):
    assert "dv" not in [m.concern for m in shipped_matcher.match("My husband is a white hitter in baseball")]


def test_the_shipped_keyword_file_finds_what_common_yaml_did_not(shipped_matcher):
    assert "legal" in [m.concern for m in shipped_matcher.match("ヤミ金に手を出してしまって")]
    assert "mobility" in [m.concern for m in shipped_matcher.match("ﾀｸｼｰ券ってありますか")]


@pytest.mark.parametrize("text", [
    "友達と仲良くできない", "上手くできない", "母の介護の相談ってどこ？", "兄が出ない。どこ？", "もう いい。しにたい",
    "ビザは大丈夫です。仕事をクビになって",
])
def test_native_japanese_with_a_learners_shape_brings_no_language_support(shipped_matcher, text):
    # review: adverbs before できない, a casual どこ？ and a denied ビザ were read as a learner's Japanese
    assert "foreign" not in [m.concern for m in shipped_matcher.match(text)]


@pytest.mark.parametrize("text", ["夫　たたく。どこ　いく？", "ﾄﾞｺ ｲｸ? ｵｶﾈ ﾅｲ", "家賃払う　できない"])
def test_a_learners_japanese_typed_with_wide_spaces_or_half_width_kana(shipped_matcher, text):
    assert "foreign" in [m.concern for m in shipped_matcher.match(text)]


@pytest.mark.parametrize("text", [
    "担任の先生にはいつもお世話になっています。息子が不登校で",   # お世話になって is thanks, not care
    "母の世話をしながら、息子の宿題を見ています",               # a parent helping with homework
])
def test_thanks_or_a_parents_help_with_homework_is_no_young_carer(shipped_matcher, text):
    assert "youngcarer" not in [m.concern for m in shipped_matcher.match(text)]


def test_a_question_is_no_denial(shipped_matcher):
    assert "care" in [m.concern for m in shipped_matcher.match("母の介護は必要ありませんか？")]


@pytest.mark.parametrize("text, concern", [
    ("夫の暴力から逃げてきて、今は友人の家にいます。お金もほとんどなく", "poverty"),
    ("母の介護で仕事を辞めました。ただ、貯金があと半年分くらいでして", "poverty"),
    ("休職中の手当もそろそろ切れる", "poverty"),
    ("障害のある弟の状態が重くなってきて、親もいないので世話は私一人なんです", "carer"),
    ("夫が脳梗塞で半身まひになって、私がつきっきりです", "carer"),
])
def test_paraphrases_from_the_tuning_sets_are_found(shipped_matcher, text, concern):
    # rules/examples/keywords.yaml: a wording of money running out or of caring alone, as residents put it
    assert concern in [m.concern for m in shipped_matcher.match(text) if not m.candidate]


def test_a_money_word_with_a_later_denial_is_no_poverty_keyword(shipped_matcher):
    # お金も+なく was tried and dropped: in dictionary forms it found お金の管理もできなくなって (54 false)
    found = [m.concern for m in shipped_matcher.match("母の物忘れがひどくて、お金の管理もできないし") if not m.candidate]
    assert "poverty" not in found
