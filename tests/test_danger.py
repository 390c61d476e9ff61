"""Danger found in any words, before and regardless of concerns; the right national line first."""

from __future__ import annotations

import json

import pytest

from navigator.cli import main
from navigator.danger import detect
from navigator.danger_lines import why_line
from navigator.engine import Case, questions_for, route
from navigator.intake import take
from navigator.loading import load
from navigator.search import ConcernMatcher
from conftest import ROOT
from test_loading import replace

# Every danger sentence quoted in issue 10 (and the new-user test it cites), typed with nothing
# ticked, and the line group that must come first.
ISSUE_SENTENCES = [
    ("shimotsuke", "今すぐ助けてください、夫が包丁を持って暴れてて、子どもと一緒にトイレに隠れてるんです", "police"),
    ("asaka", "今すぐ助けて、あの人に殺される", "police"),
    ("asaka", "夫に『死ね』って言われて首をつかまれて…。今、子どもを連れて車の中に逃げてきてるんです", "police"),
    ("asaka", "もう消えてしまいたい", "crisis"),
    ("asaka", "死にたい", "crisis"),
    ("asaka", "今、夫が包丁を持って暴れている。助けて", "police"),
    ("asaka", "夫に毎晩殴られてて、今夜も帰ったら何されるか分からない。今すぐ助けてほしい", "police"),
    ("isesaki", "隣の家から今、子どもが叩かれてるみたいな音と、泣き叫ぶ声がずっと聞こえるんです", "police"),
    ("asaka", "自殺を考えている", "crisis"),
    ("asaka", "いじめで死にたい", "crisis"),
    ("asaka", "性被害にあった", "sexual"),
]


def route_json(capsys, municipality: str, text: str) -> tuple[int, dict | None]:
    code = main(["route", "-m", municipality, "--text", text, "--format", "json"])
    out, _ = capsys.readouterr()
    return code, json.loads(out) if code == 0 else None


@pytest.mark.parametrize("municipality, text, first", ISSUE_SENTENCES)
def test_issue_sentences_show_the_right_line_first_in_route_json(capsys, municipality, text, first):
    code, data = route_json(capsys, municipality, text)
    assert code == 0, "danger with no concern must still route"
    assert data["danger"]["detected"] and data["danger"]["matched"]
    assert data["emergency"][0]["kind"] == first
    # 相談内容から推定: the first はい (今まさに) for a danger happening now, else the second
    suggested = "now" if first in ("police", "ambulance") else "yes"
    assert data["answers"].get("danger") == data["danger"]["answer"] == suggested
    assert data["referrals"], "after the lines, at least the most general window"
    for line in data["emergency"]:
        assert line["hours"] and line["citation"]["url"].startswith("http") and line["why"]


@pytest.mark.parametrize("text", [
    "さっき息子を名乗る電話があって、今から会社の人が家に300万円取りに来るって",
    "母が今、還付金の手続きでATMに行けって言われてコンビニに向かってる。電話つないだままらしい",
    "今、銀行員を名乗る男がキャッシュカードを受け取りに来ているらしいんです",   # 来 is written conjugated: 来て → きて
    "銀行協会の人が今からカードを預かりに家に来るそうで、待ってるところです",    # dictionary forms, 家に in between
    "今ATMにいます。市役所の人に電話で言われて振り込みの途中です",
    "銀行の人がカード取りに今から来るって言われたどうしよう",
    "さっきから「息子さんが事故を起こした、示談金を今日中に」って電話が何度も来てて",   # the accident is the swindler's story: no 119
])
def test_a_fraud_under_way_puts_110_first_and_188_next(capsys, text):
    _, data = route_json(capsys, "asaka", text)
    assert data["danger"]["kinds"] == ["fraud_now"]
    assert [e["phone"] for e in data["emergency"]][:2] == ["110", "188"]


@pytest.mark.parametrize("text", ["ATMの使い方を教えてほしいと言われました", "母にATMに行くように言われて、お金をおろしてきました"])
def test_an_atm_errand_is_no_fraud(capsys, text):
    _, data = route_json(capsys, "asaka", text)
    assert not data["danger"]["detected"]


def test_a_fraud_that_is_over_is_a_consultation_for_188(capsys):
    _, data = route_json(capsys, "asaka", "去年、還付金詐欺でATMに行かされたことがあって、今も悔しい")
    assert not data["danger"]["detected"]
    assert data["emergency"][0]["phone"] == "188"


def test_knife_case_lists_police_then_ambulance_then_dv(capsys):
    _, data = route_json(capsys, *ISSUE_SENTENCES[0][:2])
    assert [e["phone"] for e in data["emergency"]][:4] == ["110", "119", "#8008", "0120-279-889"]
    assert set(data["danger"]["kinds"]) == {"violence_now", "dv"}


def test_suicide_brings_every_crisis_line(capsys):
    _, data = route_json(capsys, "asaka", "死にたい")
    phones = [e["phone"] for e in data["emergency"]]
    assert phones[:4] == ["0120-279-338", "0570-064-556", "0120-783-556", "0570-783-556"]  # 24 hours first
    assert phones[4:] == ["110", "119"]   # the danger question answered はい from the words
    assert data["danger"]["kinds"] == ["suicide"]


def test_route_text_shows_the_lines_and_the_words(capsys):
    assert main(["route", "-m", "asaka", "--text", "今すぐ助けて、あの人に殺される"]) == 0
    out = capsys.readouterr().out
    assert "110　警察" in out and "「殺され」" in out and "1. " in out
    assert out.index("110") < out.index("1. ")


@pytest.fixture(scope="module")
def shipped_danger(shipped):
    return shipped.common.danger


@pytest.mark.parametrize("text", [
    "死にたいとかではないんですけど、最近眠れなくて",   # a denial of the whole predicate
    "昔は殴られていたけど、今は離れて暮らしています",  # history, not danger now
    "子どもがDVDばかり見ていて不登校気味",              # DV is not in DVD
    "今の職場で陰口を叩かれて、仕事を辞めたい",          # 今の = current; 陰口を叩く
    "首が痛くて、今、整形外科に通っています",
    "肩たたきをしてあげたら母が喜んでいました",
    "夫婦仲は悪くないし暴力もありません。義母の介護のことで相談です",
    "自殺予防のゲートキーパー講座に参加したい",
    "仕事が忙しくて死ぬほど疲れています",
    "殺されるかと思うくらい怒られたけど、大丈夫です",
])
def test_ordinary_words_raise_no_danger(shipped_danger, text):
    assert detect(shipped_danger, text).kinds == ()


def test_past_violence_is_not_danger_now_but_still_dv(shipped):
    text = "昔は夫に殴られていた"
    intake = take(shipped, ConcernMatcher(shipped.common.concerns), "asaka", text)
    assert not intake.danger.detected
    assert "dv" in intake.case.concerns
    result = route(shipped, intake.case)
    assert result.emergency[0].group == "dv" and "110" not in [e.phone for e in result.emergency]


def test_time_word_nearest_before_decides(shipped_danger):
    assert detect(shipped_danger, "昔は殴られていたけど、今また夫が暴れて殴ってくる").kinds[0] == "violence_now"
    assert "violence_now" not in detect(shipped_danger, "夫に殴られることがある").kinds
    assert detect(shipped_danger, "兄に殴られて血が出ている。今すぐ助けて").kinds[:2] == ("violence_now", "medical")


def test_hiragana_and_katakana_cues(shipped_danger):
    assert detect(shipped_danger, "しにたい").kinds == ("suicide",)
    assert detect(shipped_danger, "いま おっとが ほうちょうを もって あばれてる").kinds[0] == "violence_now"


def test_a_child_at_risk_brings_189_even_when_not_now(shipped_danger):
    assert detect(shipped_danger, "近所の小学生がいつも同じ服で、ご飯も食べさせてもらってないようです").kinds == ("child",)


def test_matched_words_name_the_residents_word_not_the_group(shipped_danger):
    assert detect(shipped_danger, "夫が暴れて困っている").matched == ("夫が暴れ",)
    assert detect(shipped_danger, "夫のことで相談です。毎晩暴れて").matched == ("夫+暴れ",)   # apart: both named


# ---- engine: the question, the lines that stay, the why ---------------------------------


def test_danger_question_is_asked_whatever_the_concerns(shipped):
    danger = detect(shipped.common.danger, "死にたい")
    assert [q.id for q in questions_for(shipped.common, ["care"], danger)][0] == "danger"
    assert "danger" not in [q.id for q in questions_for(shipped.common, ["care"])]


def test_staff_answer_no_keeps_the_lines(shipped):
    danger = detect(shipped.common.danger, "今すぐ助けて、あの人に殺される")
    result = route(shipped, Case("asaka", (), {"danger": "no"}, danger=danger))
    assert [e.phone for e in result.emergency][:2] == ["110", "119"]
    assert result.answers == {"danger": "no"}


def test_why_names_the_words_or_the_condition_of_each_line(shipped):
    """D5: each emergency line says why it is shown, not one sentence for all."""
    common = shipped.common
    danger = detect(common.danger, "今、夫が包丁を持って暴れている")
    result = route(shipped, Case("asaka", ("dv",), {}, danger=danger))
    police = why_line(common, danger, result.emergency[0])
    assert "「包丁を持」" in police and "今まさに暴力" in police
    only_dv = route(shipped, Case("asaka", ("dv",)))
    assert [e.phone for e in only_dv.emergency] == ["#8008"]
    assert why_line(common, only_dv.danger, only_dv.emergency[0]) == "相談の種類「DV（配偶者などからの暴力）」のため"


# ---- the file: loaded and checked like the others -----------------------------------


def shipped_copy(tmp_path):
    import shutil

    for folder in ("rules", "contacts"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def problems(folder) -> list:
    return load(folder / "rules", folder / "contacts").problems


def test_an_unknown_not_by_group_is_named_at_its_line(tmp_path):
    folder = shipped_copy(tmp_path)
    path = folder / "rules" / "danger.yaml"
    line = next(i for i, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "not_by: [kin]" in t)
    replace(path, "not_by: [kin]", "not_by: [kinn]")
    found = [p for p in problems(folder) if p.code == "NAV-E332"]
    assert [(p.line, p.column) for p in found] == [(line, 13)] and "not_by" in str(found[0]) and "kinn" in str(found[0])


def test_danger_file_is_not_a_municipality(shipped):
    assert "danger" not in shipped.plans and shipped.common.danger.kinds


@pytest.mark.parametrize("old, new, code, column", [
    ("lines: [police, ambulance]", "lines: [polise, ambulance]", "NAV-E320", len("    lines: ") + 1),
    ("urgent: [ambulance, police]", "urgent: [ambulanse, police]", "NAV-E320", len("    urgent: ") + 1),
    ("    answer: now ", "    answer: nowe ", "NAV-E325", len("    answer: ") + 1),
    ('"@child+叩かれ"', '"@kid+叩かれ"', "NAV-E321", None),
    ("question: danger", "question: dangr", "NAV-E325", len("question: ") + 1),
    ("  - id: medical\n", "  - id: medical\n    colour: red\n", None, None),
])
def test_mistakes_in_the_danger_file_are_reported_with_positions(tmp_path, old, new, code, column):
    folder = shipped_copy(tmp_path)
    path = folder / "rules" / "danger.yaml"
    text = path.read_text(encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1 + (1 if code is None else 0)
    replace(path, old, new)
    found = [p for p in problems(folder) if p.path.endswith("rules/danger.yaml")]
    assert found and found[0].line == line, [str(p) for p in found]
    if code:
        assert found[0].code == code
    if column:
        assert found[0].column == column


def test_the_examples_file_adds_to_the_kinds_and_names_an_unknown_kind_with_its_line(tmp_path):
    folder = shipped_copy(tmp_path)
    path = folder / "rules" / "danger_examples.yaml"
    shipped = load(folder / "rules", folder / "contacts")
    assert shipped.ok and "danger_examples" not in shipped.ruleset.plans
    counts = {k.id: len(k.examples) for k in shipped.ruleset.common.danger.kinds}
    assert counts["suicide"] > 20 and len(shipped.ruleset.common.danger.ordinary) > 100
    text = path.read_text(encoding="utf-8")
    line = text[: text.index("  suicide:\n")].count("\n") + 1
    replace(path, "  suicide:\n", "  sucide:\n")
    loaded = load(folder / "rules", folder / "contacts")
    found = [p for p in loaded.problems if p.code == "NAV-E329"]
    assert [(p.path.endswith("rules/danger_examples.yaml"), p.line, p.column) for p in found] == [(True, line, 3)]
    after = {k.id: len(k.examples) for k in loaded.ruleset.common.danger.kinds}
    assert after["suicide"] < counts["suicide"] and after["dv"] == counts["dv"]  # only that kind's list is left out


def test_a_misspelt_yields_value_is_named_at_its_line_and_the_kind_keeps_the_others(tmp_path):
    folder = shipped_copy(tmp_path)
    path = folder / "rules" / "danger.yaml"
    text = path.read_text(encoding="utf-8")
    line = text[: text.index("    yields: [recent, over, habitual]")].count("\n") + 1
    replace(path, "    yields: [recent, over, habitual]", "    yields: [recnt, over, habitual]")
    loaded = load(folder / "rules", folder / "contacts")
    found = [p for p in loaded.problems if p.code == "NAV-E330"]
    assert [(p.line, p.column) for p in found] == [(line, 14)] and "recnt" in found[0].message
    assert loaded.ruleset.common.danger.kind("strangled").yields == ("over", "habitual")


def test_an_answer_that_puts_an_unknown_line_first_is_reported_where_it_is(tmp_path):
    folder = shipped_copy(tmp_path)
    path = folder / "rules" / "common.yaml"
    text = path.read_text(encoding="utf-8")
    line = text[: text.index("first: [police, ambulance]")].count("\n") + 1
    replace(path, "first: [police, ambulance]", "first: [polise, ambulance]")
    found = [p for p in problems(folder) if p.code == "NAV-E331"]
    assert [(p.path.endswith("rules/common.yaml"), p.line) for p in found] == [(True, line)]
    assert "polise" in found[0].message


def test_unknown_line_group_is_reported(tmp_path):
    folder = shipped_copy(tmp_path)
    replace(folder / "rules" / "common.yaml", "group: crisis\n", "group: crises\n")
    found = [p for p in problems(folder) if p.code == "NAV-E323"]
    assert found and found[0].path.endswith("rules/common.yaml") and "crises" in found[0].message


def test_the_slip_lists_the_lines_first_with_their_hours(shipped):
    from navigator.render.slip import render

    intake = take(shipped, ConcernMatcher(shipped.common.concerns), "asaka", "もう生きていてもしょうがない")
    text = render(shipped, route(shipped, intake.case), markdown=False, consent=True, version="test")
    assert text.index("0120-279-338 よりそいホットライン（") < text.index("相談先（上から順に）")
    assert "時点の掲載" in text and "しょうがない" not in text   # the resident's words only when asked for


# ---- the tuning sets: every danger found, the right line first, few false alarms ------------

TUNING_SETS = [ROOT / "bench" / "dev" / "danger_dev.yaml", ROOT / "bench" / "dev" / "danger_dev2.yaml"]
# danger_dev3.yaml is measured by bench/danger.py, not pinned here: half of it is the held-out check.


@pytest.mark.parametrize("path", TUNING_SETS, ids=lambda p: p.name)
def test_tuning_set_recall_first_line_and_false_alarms(shipped, path):
    import yaml

    matcher = ConcernMatcher(shipped.common.concerns)
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    missed, wrong_first, alarms = [], [], []
    for case in cases:
        intake = take(shipped, matcher, "asaka", case["text"])
        if case["danger"]:
            emergency = route(shipped, intake.case).emergency
            if not intake.danger.detected:
                missed.append(case["id"])
            elif not emergency or emergency[0].group != case["first"]:
                wrong_first.append(case["id"])
        elif intake.danger.detected:
            alarms.append(case["id"])
    positives = sum(c["danger"] for c in cases)
    assert not missed, f"danger missed: {missed}"                      # a miss is the worst failure
    assert len(wrong_first) <= 0.05 * positives, f"wrong line first: {wrong_first}"
    assert len(alarms) <= 0.10 * (len(cases) - positives), f"false alarms: {alarms}"


@pytest.mark.parametrize("text", ["刃物を振り回している男がいる", "駅前で男が包丁を振り回しています"])
def test_a_weapon_before_wo_is_still_a_weapon(shipped_danger, text):
    # 物を was folded to ものを everywhere, so 刃物を never matched @weapon.
    assert detect(shipped_danger, text).kinds[0] == "violence_now"


def test_fiction_words_do_not_swallow_ordinary_kana(shipped_danger):
    # シーン reads しん, which stands inside じんましん: such a fiction word would hide the danger.
    assert detect(shipped_danger, "ﾊﾁﾆｻｻﾚﾀ ｲｷｸﾙｼｲ ｼﾞﾝﾏｼﾝ ﾃﾞﾃﾙ").kinds[0] == "medical"


@pytest.mark.parametrize("text,kind", [
    ("ドラマみたいな話で信じてもらえないかもしれないけど、彼氏に逆らうと殴られてるんです", "dv"),   # a likeness, not a story
    ("いつも冗談で言ってたんですけど、最近は冗談じゃなくて、本当に終わりにしたいって思ってます", "suicide"),
    ("昨日のドラマで主人公が夫に殴られるシーンがあって、見ててつらかった", None),          # a story still
    ("刑事ドラマで犯人が包丁持って立てこもる回、ばあちゃん毎回本気で心配してる", None),   # 本気で says nothing
    ("実話をもとにした映画で、夫が妻を殴り殺すシーンがあった", None),                      # a film, however true
    ("ニュースの様子だと、男が刺したらしい", None),                                         # 様子 is no likeness
])
def test_a_fiction_word_is_no_story_when_it_says_a_likeness_or_the_text_says_it_is_real(shipped_danger, text, kind):
    kinds = detect(shipped_danger, text).kinds
    assert (kinds[0] if kinds else None) == kind


@pytest.mark.parametrize("text,kind", [
    ("おとうさんに きのう ぶたれた。いえに かえりたくない。", "child"),
    ("ままの かれしが こわい。きのう けられた。", "child"),                 # the mother's boyfriend: the child's danger first
    ("夫が昨日、3歳の息子を壁に投げつけました。今は仕事に出ています。", "child"),
    ("親はもう一週間くらい帰ってきていないようで、小6の子が弟の世話をしています", "child"),
    ("夜は小1と2歳の子を二人だけで置いて働きに出てます", "child"),
    ("さっき母の薬をまとめて自分で飲んじゃいました", "medical"),
    ("今までありがとうってメッセージのあと、空になった薬のシートの写真が来て、電話に出ません", "medical"),
    ("彼の言う通りにしないと、次の日は外に出られない顔になるんで", "dv"),
    ("あの夜のことを思い出すと眠れない。断ったのに、相手はやめてくれなくて", "sexual"),
    ("考えると、橋の上で立ち止まることが増えました", "suicide"),
    # a thought is not an act now, nor a threat said: the crisis or DV lines first
    ("最近は高い所に行くと、そこから飛び降りることばかり考えてしまいます", "suicide"),
    ("駅のホームに立つと、このまま一歩前に出たら楽になるのかなって考えてしまうんです", "suicide"),
    ("いま屋上にいる。飛び降りることばかり考えてる", "suicide_now"),                       # told as now: 119 first
    ("交際相手から行動監視、別れ話をすると『殺す』と脅迫あり", "dv"),
    ("ｶﾚｼﾆ ｹｲﾀｲ ﾐﾗﾚﾃ ﾜｶﾚﾀﾗ ｺﾛｽｯﾃ", "dv"),
])
def test_danger_told_by_its_signs_a_thought_or_a_threat_puts_the_right_kind_first(shipped_danger, text, kind):
    assert detect(shipped_danger, text).kinds[0] == kind


@pytest.mark.parametrize("text,kind", [
    ("去年の台風で傷んだ家はもう直して落ち着いたんですが、最近夫がお酒を飲むと私を突き飛ばすようになって", "dv"),  # 最近: not the past
    ("隣の家の障害のあるお子さんが、夜遅くに一人で外にいるのを何度も見かけます", "child"),
    ("向かいの家の奥さん、顔にあざを作っていることが多くて、夜中に悲鳴も聞こえます", "dv"),
])
def test_danger_told_by_a_neighbour_or_after_a_past_that_is_over(shipped_danger, text, kind):
    assert kind in detect(shipped_danger, text).kinds


@pytest.mark.parametrize("text,detected", [
    ("10年前に一度自殺未遂をして、それからは落ち着いていたんです。でも最近、あの時と同じ気持ちが戻ってきてて", True),
    ("昔、自殺未遂をしたことがあって、もう大丈夫だと思ってた。でも最近また同じ気持ちが戻ってきて", True),
    ("昔、自殺未遂をしたことがありますが、今は落ち着いていて、仕事探しの相談です", False),
    ("昔、自殺未遂をしたことがあります。今は落ち着いています。腰痛がぶり返して", False),   # 腰痛 came back, not the wish
])
def test_a_past_danger_told_as_come_back_counts_again(shipped_danger, text, detected):
    assert detect(shipped_danger, text).detected == detected


@pytest.mark.parametrize("concern,answers,group", [
    ("dv", {}, "dv"),
    ("abuse", {"who": "child"}, "child"),
])
def test_dv_and_child_abuse_concerns_bring_their_lines_without_any_cue(shipped, concern, answers, group):
    # Safety net: the concern alone (ticked by staff, or found from other words) brings the lines.
    case = Case("asaka", (concern,), answers)
    assert route(shipped, case).emergency[0].group == group


def test_crisis_lines_follow_the_kokoro_concern_without_any_cue(shipped):
    # Safety net: the concern alone (ticked by staff, or found from other words) brings the lines.
    case = Case("asaka", ("kokoro",), {})
    assert not case.danger.detected
    groups = [e.group for e in route(shipped, case).emergency]
    assert groups and set(groups) == {"crisis"}


# ---- dictionary-form cues (~殴る): families the written cues missed, paraphrased --------------

@pytest.fixture(scope="module")
def lemma_danger(shipped_danger):
    from navigator import analysis

    if not analysis.available():
        pytest.skip("sudachipy is not installed")
    return shipped_danger


@pytest.mark.parametrize("text, kind", [
    ("どうすれば楽に死ねるか、そればかり調べてしまう", "suicide"),           # 楽 + 死ねる
    ("生きる意味がもう見つからない", "suicide"),                            # 生きる + 意味
    ("ロープを買っておきました。あとは日を決めるだけ", "suicide"),          # preparation
    ("祖母の部屋で呼びかけても中から出てこない", "medical"),                # 呼ぶ + 出てこない
    ("知り合いの男におそわれて、ずっと震えている", "sexual"),               # kana 襲われる
    ("妻に通帳もお金も全部管理されていて自由がない", "dv"),                # economic DV
    ("身の回りの物をもう処分し始めている", "suicide"),                      # putting affairs in order
    ("飲み物に何か入れられていた気がする", "sexual"),                       # a drink spiked
    ("送迎の人に二人だけのときにさわられるらしい", "sexual"),               # touched, in kana
])
def test_dictionary_forms_find_what_written_cues_missed(lemma_danger, text, kind):
    assert kind in detect(lemma_danger, text).kinds


@pytest.mark.parametrize("text", [
    "彼に、よけいなことを言ったら帰ってから殴るって言われてる",
    "30代女性 元夫 付きまとい 「殺す」メール多数",
    "もとの おっとが まいばん でんわで ころすと いいます",
])
def test_a_threat_said_or_sent_and_not_told_as_now_puts_dv_first_and_110_next(shipped, lemma_danger, text):
    # yields: [habitual]. Sets written blind by four people label such threats DV first 6 times to 2:
    # the partner is not at the door this minute. 110 stays right after the DV lines.
    intake = take(shipped, ConcernMatcher(shipped.common.concerns), "asaka", text)
    assert intake.danger.kinds[:2] == ("dv", "violence_now"), intake.danger
    groups = [e.group for e in route(shipped, intake.case).emergency]
    assert groups[0] == "dv" and groups[groups.index("police") - 1] == "dv"


@pytest.mark.parametrize("text", ["今、夫に「殺すぞ」と言われて包丁を向けられてる", "さっきから元夫が毎晩のように家の前で「殺す」と叫んでる"])
def test_a_threat_told_as_now_keeps_110_first(shipped, lemma_danger, text):
    intake = take(shipped, ConcernMatcher(shipped.common.concerns), "asaka", text)
    assert route(shipped, intake.case).emergency[0].group == "police", intake.danger


def test_a_time_word_inside_a_longer_one_says_nothing_of_its_own(lemma_danger):
    # 前は (past) inside この前は (recent): DV told as recent still counts
    assert "dv" in detect(lemma_danger, "夫は家にお金を入れないし、この前は髪をつかまれて床を引きずられて").kinds


def test_now_after_a_past_time_word_is_the_present(lemma_danger):
    # 今は after 昔は says what is happening now: nothing is cancelled as history (and no other kind
    # takes DV's place: the weighing once said 性暴力 from the one word 体)
    assert detect(lemma_danger, "昔は優しい人でした。今は夫の機嫌が悪いと物が飛んできて体中あざだらけです").kinds == ("dv",)


@pytest.mark.parametrize("text", [
    "夫が包丁を持って暴れてる。怖くて電話できない",          # 電話で(きない) in another sentence: not how it was said
    "いつものことだけど今回は夫が包丁を持ってる",            # いつも, but 持ってる is going on
    "元夫が押し入ってきた、前から手紙で脅されてた",          # 手紙 in another clause than 押し入
])
def test_violence_going_on_beside_a_habitual_word_keeps_110_first(shipped, lemma_danger, text):
    intake = take(shipped, ConcernMatcher(shipped.common.concerns), "asaka", text)
    assert route(shipped, intake.case).emergency[0].group == "police", intake.danger


def test_a_story_raises_nothing_by_example_either(lemma_danger):
    assert not detect(lemma_danger, "映画で主人公が屋上から飛び降りようとするところ、泣いちゃった").detected
    assert "dv" in detect(lemma_danger, "映画を見た。そのあと夫が殴ってきて腕にあざができた").kinds


@pytest.mark.parametrize("text", [
    "息子に叩かれてはいないです。学校のことで相談です",   # denied over helper words: 叩く|れる|て|は|居る|ない
    "子どもと太鼓のゲームでバチを叩いて遊んでいます",        # harmless バチを叩 covers the lemma 叩く
    "映画で主人公が夫に殴られる場面が怖かった",              # fiction holds for lemma cues too
])
def test_dictionary_form_cues_respect_denial_harmless_and_fiction(lemma_danger, text):
    assert detect(lemma_danger, text).kinds == ()


def test_dictionary_form_hits_name_the_words_as_written_in_the_rules(lemma_danger):
    # 〜せるか is no written cue: only the lemma cue shows it, by its parts
    assert detect(lemma_danger, "楽に死ねる方法を探している").matched == ("楽+死ねる",)


@pytest.mark.parametrize("text, first", [
    ("夫が子どもの前でも私を叩きます", "child"),                 # 面前DV: 心理的虐待, 189 before the DV lines
    ("妻の暴力を小学生の息子がいつも見ている", "child"),
    ("今、子どもの前で夫が暴れています", "police"),              # happening now: 110 first all the same
])
def test_violence_a_child_witnesses_is_child_abuse_with_189_first(shipped, lemma_danger, text, first):
    intake = take(shipped, ConcernMatcher(shipped.common.concerns), "asaka", text)
    assert "child" in intake.danger.kinds and "dv" in intake.danger.kinds
    lines = route(shipped, intake.case).emergency
    groups = [line.group for line in lines]
    assert groups[0] == first and "dv" in groups[groups.index("child"):]


# ---- suicide with a place or a means now: 110 first, the crisis lines after ---------------

def _groups(shipped, text):
    intake = take(shipped, ConcernMatcher(shipped.common.concerns), "asaka", text)
    return intake.danger.kinds, [line.group for line in route(shipped, intake.case).emergency]


@pytest.mark.parametrize("text", [
    "今、駅の近くの踏切のところに立っています。もう終わりにしたい",     # a place, now
    "マンションの屋上まで来た。ここから飛べば全部終わる",               # a place, then the act in words
    "さっき練炭を買ってきた。今晩で最後にする",                         # a means prepared, now
    "これから飛び降りるので、今までありがとう",                         # the act announced
])
def test_suicide_with_a_place_or_means_now_puts_119_then_110_first(shipped, lemma_danger, text):
    """The labelling rule of the blind sets: a suicide act or means now puts the ambulance first."""
    kinds, groups = _groups(shipped, text)
    assert "suicide_now" in kinds
    assert groups[:2] == ["ambulance", "police"] and "crisis" in groups


@pytest.mark.parametrize("text, kind", [
    ("屋上で洗濯物を干すのが好きです", "suicide_now"),                  # a place, no intent
    ("ロープを買っておきました。あとは日を決めるだけ", "suicide_now"),  # prepared, but not now: crisis lines
])
def test_a_place_or_means_alone_or_not_now_is_not_suicide_now(lemma_danger, text, kind):
    assert kind not in detect(lemma_danger, text).kinds


def test_overdose_announced_then_no_answer_puts_the_ambulance_first(shipped, lemma_danger):
    kinds, groups = _groups(shipped, "弟が睡眠薬を飲むと言ってきた。そのあと電話に出ない")
    assert "medical" in kinds and groups[0] == "ambulance"


# ---- spaced kana the dictionary cannot read as typed ------------------------------------

@pytest.mark.parametrize("text, kind", [
    ("そふが たおれてる いき してるか わからない", "medical"),     # 息 + する + 分からない, spaced
    ("ははが ちを はいて とまらない", "medical"),                   # 血を吐く in spaced kana
    ("ﾎﾞｸ ﾓｳ ｲｷﾙﾉ ｲﾔ", "suicide"),                                 # half-width, spaced
])
def test_spaced_or_half_width_kana_is_read_as_words(lemma_danger, text, kind):
    assert kind in detect(lemma_danger, text).kinds


# ---- DV not happening now: words, control, an ex who follows -> the DV lines first --------

@pytest.mark.parametrize("text", [
    "主人に毎晩のように「出ていけ」と怒鳴られて眠れません",
    "夫に生活費を渡してもらえないので食費が足りません",
    "別れた彼がいまだに家の前で待っていることがあります",
])
def test_dv_not_now_puts_the_dv_lines_first(shipped, lemma_danger, text):
    kinds, groups = _groups(shipped, text)
    assert "dv" in kinds and "violence_now" not in kinds
    assert groups[0] == "dv"


@pytest.mark.parametrize("text", [
    "元夫とは子どもの面会のことで話し合いを続けています",   # an ex, no stalking
    "夫が給料を渡してくれるので家計は安定しています",       # money handed over: no control
])
def test_an_ex_or_money_alone_is_no_dv(lemma_danger, text):
    assert "dv" not in detect(lemma_danger, text).kinds


@pytest.mark.parametrize("text", [
    "昨夜、夫に包丁を突きつけられて眠れなかった",             # recent: over for now
    "彼氏に刃物を向けられたことがあって別れたい",                   # an experience told
])
def test_recent_violence_by_a_partner_is_dv_not_110(shipped, lemma_danger, text):
    kinds, groups = _groups(shipped, text)
    assert "violence_now" not in kinds and "dv" in kinds and groups[0] == "dv"


@pytest.mark.parametrize("text", [
    "昨日から夫が暴れていて、今も物を投げている",     # 昨日から: ongoing, and now
    "今、夫に首を絞められそうになっている",
])
def test_violence_still_going_on_keeps_110_first(shipped, lemma_danger, text):
    kinds, groups = _groups(shipped, text)
    assert kinds[0] == "violence_now" and groups[0] == "police"


def test_strangling_told_as_yesterday_puts_dv_first_and_110_next(shipped, lemma_danger):
    # Four sets written blind by different people label recent strangling as DV first: the danger
    # is real (110 stays right after) but the call to make first is the DV line, not a patrol car.
    kinds, groups = _groups(shipped, "昨日、交際相手に首を絞められて声が出にくい")
    assert kinds[:2] == ("dv", "strangled") and groups[0] == "dv"
    assert groups[groups.index("police") - 1] == "dv"   # 110 right after the DV lines


@pytest.mark.parametrize("text", [
    "ケアマネです。担当している80代の女性が、息子さんに首を絞められたことが何度かあると話してくれました。",
    "昨日、兄に首を絞められました",
])
def test_strangling_by_a_son_or_brother_is_not_dv(shipped, lemma_danger, text):
    # the DV lines are for partners (dv's not_by: kin): 110 first, as for strangling now
    kinds, groups = _groups(shipped, text)
    assert "dv" not in kinds and groups[0] == "police", (kinds, groups)


def test_a_sisters_husband_is_dv_though_the_brother_word_is_inside_it(shipped, lemma_danger):
    kinds, groups = _groups(shipped, "姉が義兄から毎日なぐられてる見たいで、電話で泣いてました")
    assert groups[0] == "dv", (kinds, groups)


def test_strangling_with_no_time_word_keeps_110_first(shipped, lemma_danger):
    kinds, groups = _groups(shipped, "ヘルパーです。奥さんが旦那さんに首を絞められたと話していて、首に赤い跡があります")
    assert kinds[0] == "strangled" and groups[0] == "police"


@pytest.mark.parametrize("text, first", [
    ("彼氏に殴られて口が切れて血が止まらない。彼はもう出ていった", "ambulance"),   # over: the one who hit has gone
    ("夫から身体的暴力。現在は実家に避難中", "dv"),
    ("さっき夫に殴られた。まだ家の前にいる", "police"),                            # no over word: 110 first
])
def test_an_over_word_puts_the_violence_after_the_other_kinds(shipped, lemma_danger, text, first):
    kinds, groups = _groups(shipped, text)
    assert groups[0] == first, (kinds, groups)


@pytest.mark.parametrize("text, first", [
    ("担任です。生徒のノートに『消えたい』『飛び降りる日を決めた』と書いてありました", "crisis"),   # reported words
    ("本人から電話、「今から飛び降りる」と話しています。屋上にいるようです", "ambulance"),   # reported, but now
])
def test_reported_words_not_told_as_now_put_the_crisis_lines_first(shipped, lemma_danger, text, first):
    kinds, groups = _groups(shipped, text)
    assert groups[0] == first and "ambulance" in groups, (kinds, groups)


@pytest.mark.parametrize("text, first", [
    ("夫から毎日のように殴られていて、子どもを連れて家を出たいです", "dv"),    # the child is taken along, not hit
    ("うちの子、夫が叩くんです。あざがあります", "child"),                      # the child is the topic: hit
])
def test_a_child_word_in_another_clause_is_not_the_one_harmed(shipped, lemma_danger, text, first):
    kinds, groups = _groups(shipped, text)
    assert groups[0] == first, (kinds, groups)


@pytest.mark.parametrize("text", ["夫が酔って、また手をあげるんじゃないかと、今もずっと怖いんです", "夫に殴られてないか心配"])
def test_fearing_it_will_happen_is_no_denial(shipped_danger, text):
    # 〜んじゃないか / 〜てないか: the resident fears it, not denies it
    assert detect(shipped_danger, text).detected


def test_a_plain_denial_still_denies(shipped_danger):
    assert not detect(shipped_danger, "夫に殴られたりはしてないです").detected


# ---- word classes on dictionary forms (@hit: ~殴る, ~突く~飛ばす): words no single cue named ------

def test_a_group_of_dictionary_forms_makes_a_dictionary_form_cue(lemma_danger):
    from navigator.danger_cues import Compiled
    from navigator.model import DangerKind, DangerRules

    rules = DangerRules(words=(("hit", ("~殴る", "~突く~飛ばす")),),
                        kinds=(DangerKind("v", "v", ("police",), cues=("@hit",)),))
    assert Compiled(rules, lemma=True).kinds[0][1] and not Compiled(rules).kinds[0][1]
    assert detect(rules, "兄に突き飛ばされました").kinds == ("v",)    # 突く|飛ばす|れる|た|
    assert detect(rules, "兄に突き飛ばされてはいない").kinds == ()


def test_cue_words_looked_up_by_first_character_are_the_words_in_the_text(lemma_danger):
    from navigator.danger_cues import compiled_with

    compiled = compiled_with(lemma_danger, True, 5)
    for text in ("夫に殴られた", "いま かれし に つきとばされた", "", "DVDを見た"):
        assert compiled.present(text) == frozenset(k for k in compiled.keys if k in text)


# Sentences in words the cues were not written from (not from the benchmark sets): each must show
# its kind, and the ordinary ones beside them, sharing their words, must show none.
NEW_WORDS = [
    ("父が台所で倒れていて、声をかけても目を開けません", "medical"),
    ("祖母がトイレの床で動かないんです", "medical"),
    ("兄がさっきから呼吸が弱くて、顔色も悪い", "medical"),
    ("母が玄関で転んで起き上がれないと電話してきた", "medical"),
    ("利用者さん、呼びかけにほとんど反応がありません", "medical"),
    ("祖父の口元が急にゆがんで、しゃべり方がおかしい", "medical"),
    ("2歳の子が洗剤を飲んだかもしれない", "medical"),
    ("息子が除草剤を飲んだみたいで吐いている", "medical"),
    ("父が浴槽で動かなくなっている", "medical"),
    ("パパが おきない。おくすり たくさん あった", "medical"),
    ("隣の家で男の人が奥さんを押し倒して殴ってる、今です", "violence_now"),
    ("今、兄が父に椅子を振り上げてる", "violence_now"),
    ("いま元彼に髪をつかまれて引きずられた。まだ外にいる", "violence_now"),
    ("息子が母を蹴り飛ばして、まだ部屋で暴れています", "violence_now"),
    ("元夫が玄関のガラスを割って入ってこようとしてる", "violence_now"),
    ("旦那に灰皿を投げつけられるのが毎日で、もう限界です", "dv"),
    ("女房に毎晩どなりつけられて、物を投げられます", "dv"),
    ("うちのやつが酔うと殴ってくるんです", "dv"),
    ("保育園の子、いつも同じおむつで替えてもらえていないみたい", "child"),
    ("3歳の子を家に置いて、母親が夜遊びに行っているようです", "child"),
    ("赤ちゃんの体重が全然増えない、親が病院に連れて行かない", "child"),
    ("夫に腕をつかまれて、毎晩正座させられて罵られる", "dv"),
    ("先輩に服を脱がされた", "sexual"),
    ("児童が欠席続きで、家に電話しても電話に出ない", "child"),
    ("罰だと言って娘の夕飯を抜いています。もう三日です", "child"),
    ("子どもが汚れたおむつのまま一日放っておかれている", "child"),
    ("欠席が続いている児童、家を訪ねても不在で親と連絡がつかない", "child"),
    ("心残りはもうないし、いつ終わってもいいと思ってる", "suicide"),
    ("大事なものを友達に配って回ってる娘が心配で", "suicide"),
    ("彼と一緒に死のうって話しています", "suicide"),
    ("もう人生終わりにしたいです", "suicide"),
    ("これ以上長生きしたくないねえ、と母が毎日言う", "suicide"),
    ("樹海への行き方を調べてしまった", "suicide"),
    ("俺がいなくなれば保険金で家族は助かる", "suicide"),
    ("もう いきるのに つかれました", "suicide"),
    ("断ったのに性的な関係を強要された", "sexual"),
    ("部屋に鍵をかけられて嫌なことをされた", "sexual"),
]

NEW_WORDS_ORDINARY = [
    "お風呂の給湯器が動かないので修理の補助はありますか",
    "父は呼びかけにはちゃんと反応するけど、物忘れがひどい",
    "膝が悪くて床から起き上がるのが大変です",
    "赤ちゃんの体重が順調に増えていて安心しました",
    "子どもが朝ご飯を抜いて学校に行くので心配です",
    "子どもを保育園に預けて仕事に行きたい",
    "息子が野球でボールを投げすぎて肘を痛めた",
    "終活で身の回りの整理をしたいと父が言っています",
    "農薬の散布で近所から苦情がきて困っています",
    "夫は仕事を辞めたいと言っていますが、生活が心配です",
    "屋上の防水工事の費用は大家が払うべきですか",
    "昔、父に殴られたことがまだ忘れられないけど、今は離れて暮らしています",
    "窓ガラスを割ってしまったので弁償したい",
    "腕をつかんで歩くと母が安心するみたいです",
    "保険金の請求の仕方がわかりません。夫が亡くなって",
    "一緒に住む約束をしていた彼と別れて、家がありません",
    "夫がいびきがうるさくて眠れない",
    "出血が少しあったけどもう止まって、病院で診てもらいました",
    "祖父が自分の葬儀の段取りを業者と相談しています",
    "孫の体重が増えて、健診で褒められました",
    "小学生の子ども二人を連れて引っ越して、今は友達の家に置いてもらってます",
    "子どもの体重が増えなくて、小児科で相談したら様子見と言われました",
    "検索しても屋上のある公共施設が見つからない",
    "屋上の鍵を管理人に借りたい",
    "子どもを家に置いて買い物に行くのは何歳からいいですか",
    "父が足を引きずって歩いてる、今日も",
    "卵を割って、料理しようとしてる",
    "家の鍵をなくして嫌なことが続く",
    "大切なお知らせを配っています",
    "夫に助けられてばかりです",
    "子どもに水をかけられて遊んでいたら風邪をひいた",
    "保険金が入ったので、生活保護はどうなりますか",
    "長生きしたいので、健康教室に通いたいです",
    "心残りがないように、母を施設に入れる前に旅行に行きたい",
    "夫の腕をつかんで散歩しています",
]


@pytest.mark.parametrize("text, kind", NEW_WORDS)
def test_word_classes_find_danger_in_words_no_cue_named(lemma_danger, text, kind):
    assert kind in detect(lemma_danger, text).kinds


@pytest.mark.parametrize("text", NEW_WORDS_ORDINARY)
def test_word_classes_leave_ordinary_sentences_with_the_same_words_alone(lemma_danger, text):
    assert detect(lemma_danger, text).kinds == ()


@pytest.mark.parametrize("text, kind", [
    ("昨日もママの彼氏に投げ飛ばされた", "child"),              # a parent's partner + @hit
    ("子どもをお風呂で沈めたらって考えてしまう", "child"),
    ("近所の子がいつもご飯をもらいにうちへ来るんです", "child"),
    ("息子が用水路に落ちた", "medical"),
    ("元夫が車で轢こうとしている", "violence_now"),
    ("今度来たらぶっ飛ばすぞと怒鳴られた", "violence_now"),
    ("祖母が畑で転んで動けないと電話が", "medical"),
    ("いき が よわい", "medical"),                           # kana: the written cue read in kana
    ("のうやく のんだ", "medical"),
    ("ながいき したくない", "suicide"),
    ("お母さんに死ねって言われた", "child"),
    ("夫に逆らえなくて、言われた通りにしてます", "dv"),
    ("先生ごめん しばらく家帰れない ママの新しい人がこわい 昨日も投げ飛ばされた", "child"),
    ("孫が台所の漂白剤をなめたみたいで、泣き止まない", "medical"),
    ("近所の家の2歳くらいの子が、おむつ一枚で夜中に外を歩いてた", "child"),
    ("今までの人生、全部無駄だった。もう終わりにしようと思う", "suicide"),
    ("夫婦で心中しようかと考えるほど追い詰められています", "suicide"),
    ("死ぬなら迷惑かけない方法がいいなって、ネットで調べてる", "suicide"),
    ("最近よく、明日が来なければいいのにって思う", "suicide"),
    ("じいちゃんが畑で農薬かぶって、気持ち悪いって吐いてる", "medical"),
    ("わし一人おらんようになっても誰も困らんじゃろ", "suicide"),
])
def test_more_word_classes(lemma_danger, text, kind):
    assert kind in detect(lemma_danger, text).kinds


@pytest.mark.parametrize("text", [
    "転んで動けなかったけど、もう治りました",
    "前に転んで動けなくなったことがあるので、緊急通報装置がほしい",
    "膝が痛くて動けない",
    "明日が来るのが楽しみで、旅行の準備をしています",
    "終活の本を調べて、エンディングノートを書いています",
    "弟がけんかで友達をつきとばしたと学校から電話がありました",
])
def test_ordinary_sentences_beside_the_new_classes_are_no_danger(lemma_danger, text):
    assert detect(lemma_danger, text).kinds == ()


# Special fraud under way (a call, then money to hand over or an ATM), thoughts in casual or
# mistyped words, a breath or a fall told in kana, a baby not fed: each class in words of its own.
@pytest.mark.parametrize("text, kind", [
    ("さっき電話で「還付金の払い戻しがある、今すぐATMへ行って」と言われました", "fraud_now"),
    ("息子を名乗る電話があって、これから受け取りの人が家に来るそうです", "fraud_now"),
    ("警察の人という電話で、今 キャッシュカード わたしてと言われた", "fraud_now"),
    ("80代男性 電話中 相手「金融庁」 通帳受け渡し予定", "fraud_now"),
    ("仕事なくなったら死ねばいいだけだし", "suicide"),
    ("氏にたい、つらい", "suicide"),
    ("毎晩いなくなっちゃいてえって思うんだ", "suicide"),
    ("生きてるのもしんどいし、何のためにいるんだろう", "suicide"),
    ("部屋でロープをかけました", "suicide_now"),
    ("ちちが こきゅうが へんです", "medical"),
    ("母が庭で転んで、立てないと言ってます", "medical"),
    ("新生児 体重減少 授乳放棄の疑いあり", "child"),
    # a past word in the next sentence tells of that sentence only
    ("職場の前で元夫に待ち伏せされています。以前殴られたこともあるそうです。", "dv"),
    # a resident who writes some English; words stay apart (hit me is one phrase, not letters)
    ("My boyfriend hits me. にげたい", "dv"),
    ("Sorry, I want to die. にほんご すこし", "suicide"),
    ("せんしゅう、夫 kicked me. こわい", "dv"),
    ("お金ない、くにかえれない、死ぬのほうがいい", "suicide"),
    ("私がいなくなった後、猫をお願いできる人を探しています", "suicide"),
    ("母の再婚相手が弟にだけご飯を与えず、弟はいつもお腹をすかせています", "child"),
    ("中学の妹が、親に殴られてるって夜中に連絡してきた", "child"),
    ("ゲームで知り合った人に、息子が裸の写真を送らされていたみたい", "child"),
    ("父が酒を飲むと母を殴るので、家に帰りたくない", "dv"),          # a child tells of the parents (父, 母 as whole words)
])
def test_the_classes_of_the_dev12_misses(lemma_danger, text, kind):
    assert kind in detect(lemma_danger, text).kinds


@pytest.mark.parametrize("text", [
    "電話で頼まれて、孫に現金を渡してしまった",          # done: the consumer line, not 110
    "ATMの使い方を教えてほしい",
    "交通事故の示談金について相談したい",
    "夫から暴力を振るわれたことは一度もないです。困ってるのは職場のことで",
    "父が祖母を叩いているのを見た",   # 祖母 is not 母: a son and his mother, elder abuse (the abuse concern), not DV
])
def test_those_classes_leave_their_ordinary_neighbours_alone(lemma_danger, text):
    assert "fraud_now" not in detect(lemma_danger, text).kinds
    assert "dv" not in detect(lemma_danger, text).kinds


@pytest.mark.parametrize("text", ["I want to know about the school lunch fee", "My husband is a white hitter in baseball",
                                  "Please help me fill in this form"])
def test_english_cues_match_whole_words_only(lemma_danger, text):
    assert detect(lemma_danger, text).kinds == ()


@pytest.mark.parametrize("text, first", [
    ("さっきから胸が締めつけられて苦しい", "medical"),               # 締めつけられ is not being followed
    ("元夫が職場の前で待ち伏せしています", "dv"),                     # a stalker's wait: 110 when told as now
    ("今、元夫が職場の前で待ち伏せしてる", "violence_now"),
    ("母が薬ぎょうさん飲んでもうた", "medical"),                     # dialect: a lot, has drunk
    ("はしのうえに います", "suicide_now"),
    ("祖母の家の前に新聞がたまっていて、いま覗いたら廊下で倒れて動かない", "medical"),
])
def test_the_first_kind_of_the_dev12_classes(lemma_danger, text, first):
    assert detect(lemma_danger, text).kinds[0] == first


# The dev13 classes, in words of their own: a card collected after a call; a partner's violence
# told as habitual, over, or with the partner asleep now (the DV lines first, 110 right after);
# 今は in the next sentence is what is so now, not when the danger was.
@pytest.mark.parametrize("text, first", [
    ("市役所の者という電話があり、通帳を1時間後に回収に来るそうです", "fraud_now"),
    ("警察を名乗る人から電話、カードを預かるので玄関で待つように言われた", "fraud_now"),
    ("でんわで あんしょうばんごうを きかれました。いまから ひとが くるそうです", "fraud_now"),
    ("夫が死ねと毎晩言います。いまは寝ています", "dv"),
    ("彼に首を絞められた。もう帰ったけど首が痛い", "dv"),
    ("妹が義弟から殴られているらしく、泣いて電話してきました", "dv"),
    ("夫に通帳も保険証も取り上げられています", "dv"),
    ("50代女性 夫より頸部圧迫 5日前", "dv"),
    ("夫が包丁を持って暴れてる。いまは台所にいます", "violence_now"),   # no time word told: 110 first still
    ("今、弟が父に手を上げてる。父は倒れて動かない", "violence_now"),     # the blows go on: 110 before 119
    ("元彼が家の前にいる。警察呼んだほうがいいかな", "violence_now"),      # asking whether to call 110 is asking for it
    ("ﾀﾞﾝﾅｶﾞ ｹｰﾀｲﾓ ﾄﾘｱｹﾞﾀ ｵｶﾈﾓ ﾜﾀｻﾅｲ", "dv"),
    ("娘が母の再婚相手と二人きりになるのを嫌がっています", "child"),
    ("更衣室でカメラを向けられていたことに気づきました", "sexual"),
    ("去年逃げたけど、元夫が私の実家の周りを探し回ってる", "dv"),       # going on now, after a contrast
    ("おととし離婚しました。その元夫が来月出所して、また来ると言っています", "dv"),
    ("姉が昔みたいに義兄に殴られるんじゃないかと心配です", "dv"),       # a fear, not a denial (ないか)
])
def test_the_first_kind_of_the_dev13_classes(lemma_danger, text, first):
    assert detect(lemma_danger, text).kinds[0] == first


@pytest.mark.parametrize("text", [
    "社協の方に通帳を預かってもらっています",             # a service, no call
    "カードの回収に来る日を銀行の窓口で聞きたい",
    "昔、父が母を殴っていたけど、今は同じ家で静かに暮らしています",
    "うちの子は人に手を上げるような子じゃないんです",
    "ホラゲで包丁持った敵に追いかけられた",
    "天ぷら油から煙が出て、あやうく火事になるところでした",
    "手首を切ったら楽になるのかなと考えてしまう",          # thoughts (the crisis lines), not 119
    "子どもの頃、父に殴られてる母を見ていました。今日は奨学金のことで",   # the clause before tells it is past
])
def test_the_dev13_classes_leave_their_ordinary_neighbours_alone(lemma_danger, text):
    assert not {"fraud_now", "violence_now", "medical", "child"} & set(detect(lemma_danger, text).kinds)


# The dev16 classes (sets written to find what the cues miss, tuned on from the start), in words
# of their own; and their look-alikes.
@pytest.mark.parametrize("text, first", [
    ("元彼が、いまマンションの前で車を停めてこっちを見てる", "violence_now"),
    ("母が、ストーブの火がカーテンに燃え移ったって電話してきた", "medical"),
    ("姉は酒を飲んだ夫に皿を投げられて、頭から血ぃ止まらへんて", "medical"),
    ("本人談：睡眠薬を溜めてあり『今夜使う』と", "suicide_now"),
    ("祖父から電話、会社のお金を落とした孫のために銀行で下ろして、駅で渡すそうです", "fraud_now"),
    ("弁護士事務所を名乗る電話で、電子マネーを買って番号を送るよう言われた", "fraud_now"),
    ("ケンカのたびに彼女に首を押さえつけられます", "dv"),            # strangling told as habitual: DV first, 110 next
    ("昨日の夜、のどを両手で押さえられて息ができなかった", "dv"),
    ("夫が四歳の娘の首をつかんで持ち上げていた", "child"),
    ("子の腕に新旧のあざが多数あり", "child"),
    ("もう身辺整理は済ませました", "suicide"),
    ("机に『ごめんなさい、先に行きます』と書いた手紙がありました", "suicide"),
    ("おととい夫に殴られて鼻血が出ました。今は向こうで寝てます", "dv"),   # おととい read 一昨日 on dictionary forms
])
def test_the_first_kind_of_the_dev16_classes(lemma_danger, text, first):
    assert detect(lemma_danger, text).kinds[:1] == (first,)


@pytest.mark.parametrize("text", [
    "刺身包丁で毎晩魚をさばいています",
    "包丁で指を少し切りましたが、もう血は止まっています",
    "妊娠中で、おなかの子がよく蹴ります",
    "ボタン電池を飲み込んだら怖いので、ふたをテープで止めました",
    "DV相談のポスターを公民館に貼りたいです",
    "子どもを性被害から守る講座を開きたい",
    "夫とはけんかもしますけど、手をあげられたことはないです。今日は家計の相談に来ました",   # 今日は: a topic
    "救命講習で心臓マッサージの練習をしました。人形が倒れている想定でした",   # the services' own words
    "救急医療情報キットを冷蔵庫に入れると聞きました",
    "夢の中で誰かに追いかけられて刺される夢を見ます",
])
def test_the_dev16_look_alikes_raise_nothing(lemma_danger, text):
    assert detect(lemma_danger, text).kinds == ()


def test_harmless_words_of_the_examples_file_mask_cues_as_danger_yamls_do(tmp_path):
    # danger.yaml neared the file size limit: the shipped harmless list lives in danger_examples.yaml
    folder = shipped_copy(tmp_path)
    rules = load(folder / "rules", folder / "contacts").ruleset.common.danger
    assert "刺身包丁" in rules.harmless and detect(rules, "刺身包丁で魚をさばいています").kinds == ()
    replace(folder / "rules" / "danger_examples.yaml", " 刺身包丁,", "")
    rules = load(folder / "rules", folder / "contacts").ruleset.common.danger
    assert "刺身包丁" not in rules.harmless and detect(rules, "刺身包丁で魚をさばいています").kinds != ()


# The dev17 classes (tuning sets of hard wordings and of long talks with danger in passing).
@pytest.mark.parametrize("text, first", [
    ("息子が母を部屋に閉じ込めて、外から鍵をかけています", "violence_now"),
    ("兄が今ベルトで弟を叩いてる", "violence_now"),
    ("処方薬をずっと貯めてて、今日帰ったら全部飲もうかなって", "suicide_now"),
    ("来月払えなかったら、それで終わりにするって決めてます", "suicide"),
    ("スーパーの駐車場で、車の中に赤ちゃんが置き去りにされてます", "medical"),
    ("母が油をかぶって、やけどで皮がむけてる", "medical"),
    ("孫が会社のお金をなくしたそうで、300万を家に受け取りに来るそうです", "fraud_now"),
    ("警察を名乗る人とビデオ通話していて、保証金を振り込むよう言われてる", "fraud_now"),
    ("娘が『おじさんがパンツの中をさわる』と言いました", "child"),
    ("訪問時、5歳の子の頬に古いアザと新しいアザがありました", "child"),
    ("夫は酒が入ると首を絞めてくるんです", "dv"),                  # strangling told as habitual
    ("同居男性が隣室で聞いていて、本人の頬に新しい腫れがありました", "dv"),
])
def test_the_first_kind_of_the_dev17_classes(lemma_danger, text, first):
    assert detect(lemma_danger, text).kinds[:1] == (first,)


@pytest.mark.parametrize("text", [
    "訪問時、隣家の煙は庭でのバーベキューでした",
    "公民館の護身術の教室で、首に腕を回されたときの外し方を習いました",
    "ばあちゃんの包丁研ぎに出してきます",
    "ケアマネさんに『死にたいと思うことはありますか』と聞かれたけど、全然ないです",
])
def test_the_dev17_look_alikes_raise_nothing(lemma_danger, text):
    assert detect(lemma_danger, text).kinds == ()


# The dev18 classes (voices the sets had least of: elders, children, men, carers, staff jargon,
# minimising, questions that hide the danger).
@pytest.mark.parametrize("text, first", [
    ("息子から電話で、今日中に三百万いるって。これから銀行に行くところです", "fraud_now"),
    ("ためてあったお薬をね、今夜ぜんぶ飲もうかと思って", "suicide_now"),
    ("市販の薬を30錠くらい飲んだ。吐き気がする", "medical"),
    ("隣の人がベランダの手すりに足をかけてる", "suicide_now"),
    ("きのう おにいちゃんに くびしめられた", "child"),                  # a child writes: 189, not the DV lines
    ("3歳女児、背部に新旧混在の皮下出血", "child"),
    ("たぶん私が悪いんです。叩かれても仕方ないのかなって", "dv"),
    ("DV被害申告あり。過去に頸部圧迫。現在別居中", "dv"),
    ("ストーカー規制法の警告を受けた元交際相手が、現在職場の近くにいる", "violence_now"),
])
def test_the_first_kind_of_the_dev18_classes(lemma_danger, text, first):
    assert detect(lemma_danger, text).kinds[:1] == (first,)


def test_a_husband_living_apart_is_not_gone_when_he_is_at_the_door_now(lemma_danger):
    # 別居中の夫 names him; 現在別居中 says she is safe from him now
    assert detect(lemma_danger, "別居中の夫が今、家の前で怒鳴ってドアを叩いてる").kinds[0] == "violence_now"


# The dev18b classes: hurried short messages, and a resident writing half in another language.
@pytest.mark.parametrize("text, first", [
    ("たすけ", "violence_now"),
    ("血とまらん", "medical"),
    ("ホームのはしにいる", "suicide_now"),                     # katakana ホーム keeps its long vowel when folded
    ("ロープよういした", "suicide_now"),
    ("My ex is at my door, banging. こわい", "violence_now"),
    ("かれしが こどもを たたく", "child"),
    ("くすり ぜんぶ のみました", "medical"),
    ("だいどころ けむり いっぱい", "medical"),
    ("我不想活了", "suicide"),
    ("夫に知られずに子どもと夜逃げしたい", "dv"),
])
def test_the_first_kind_of_the_dev18b_classes(lemma_danger, text, first):
    assert detect(lemma_danger, text).kinds[:1] == (first,)


def test_help_wanted_with_a_form_is_no_danger(lemma_danger):
    assert detect(lemma_danger, "助けてほしいのは書類のことで、申請書の書き方がわかりません").kinds == ()


# The dev19 classes: care, school, hospital, money and disaster settings.
@pytest.mark.parametrize("text, first", [
    ("利用者さんが、息子が会社のお金を落としたと言って銀行に行こうとしています", "fraud_now"),
    ("練炭を買って車に積んであります。今夜やります", "suicide_now"),
    ("業者が来て息子を殴って帰りました。頭から血が出て止まりません", "medical"),   # the one who harmed has gone: 119 first
    ("祖母は階段から落ちて、足がひどく腫れて立てません", "medical"),
    ("大雨で一階が浸水して、水が腰まで来ています", "medical"),
])
def test_the_first_kind_of_the_dev19_classes(lemma_danger, text, first):
    assert detect(lemma_danger, text).kinds[:1] == (first,)


@pytest.mark.parametrize("text", ["子どもが朝起きられず学校を休みがちです", "夜中に熱を出したけど、もう熱は下がりました"])
def test_the_dev19_look_alikes_raise_nothing(lemma_danger, text):
    assert detect(lemma_danger, text).kinds == ()
