"""A household, not a ticket: each person's concerns are routed by that person's answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from navigator.cli import main
from navigator.engine import Case, Person, route
from navigator.intake import take
from navigator.checks.scenarios import run
from navigator.files.scenarios import load_scenarios
from navigator.search import ConcernMatcher

CARER = "80歳の母が認知症で、お金の管理もできなくなってきて、私も仕事を辞めて介護してるんですけど、もう限界で"


@pytest.fixture(scope="module")
def matcher(shipped):
    return ConcernMatcher(shipped.common.concerns)


def contacts(result) -> list[str]:
    return [r.contact.id for r in result.referrals]


def test_each_person_is_routed_by_their_own_answers(shipped):
    mother = Person("p1", "母", ("care",), {"who": "elder"})
    daughter = Person("p2", "本人", ("employment",), {"who": "adult"}, client=True)
    household = route(shipped, Case("asaka", persons=(mother, daughter)))
    assert "asaka-silver" not in contacts(household)
    one_person = route(shipped, Case("asaka", ("care", "employment"), {"who": "elder"}))
    assert "asaka-silver" in contacts(one_person)  # the shared answer is what sent 就労 there
    by_contact = {r.contact.id: r.persons for r in household.referrals}
    assert by_contact["asaka-jiritsu-shien"] == ("p2",)
    assert contacts(household)[0] == "asaka-fukushi-sodan"  # several problems: the one-stop window first


def test_a_persons_answers_never_leak_into_anothers_emergency_lines(shipped):
    child = Person("p1", "息子", ("abuse",), {"who": "child"})
    adult = Person("p2", "本人", ("abuse",), {"who": "adult"})
    assert "189" in [e.phone for e in route(shipped, Case("asaka", persons=(child, adult))).emergency]
    assert "189" not in [e.phone for e in route(shipped, Case("asaka", persons=(adult,))).emergency]


def test_the_text_is_read_as_a_household_with_each_persons_age(shipped, matcher):
    case = take(shipped, matcher, "asaka", CARER).case
    by_relation = {p.relation: p for p in case.persons}
    assert set(by_relation) == {"母", "本人"}
    assert by_relation["母"].answers.get("who") == "elder" and by_relation["母"].age == 80
    assert "who" not in by_relation["本人"].answers and by_relation["本人"].client
    assert "employment" in by_relation["本人"].concerns and "employment" not in by_relation["母"].concerns
    assert all(p.inferred for p in case.persons)


@pytest.mark.parametrize("text, harmed, doer", [
    ("80歳の母は認知症でお金の管理ができない。夫が子どもを叩いている。", "子ども", "夫"),
    ("80歳の母は認知症でお金の管理ができない。夫に殴られている。", "本人", "夫"),
    ("母が認知症です。夫から暴力を受けています。", "本人", "夫"),
    ("父が母を殴っている。私は仕事がない。", "母", "父"),
])
def test_violence_is_the_concern_of_the_one_harmed_not_of_the_one_who_harms(shipped, matcher, text, harmed, doer):
    """New-user test F3: the slip said 「DV相談（夫のこと）」 of a husband who hits."""
    by_relation = {p.relation: p.concerns for p in take(shipped, matcher, "asaka", text).case.persons}
    assert {"abuse", "dv"} & set(by_relation.get(harmed, ())), by_relation
    assert not {"abuse", "dv"} & set(by_relation.get(doer, ())), by_relation


def test_dv_told_without_particles_is_never_the_partners_nor_the_childs(shipped, matcher):
    """In a learner's Japanese (夫 たたく。こども と にげたい) no particle says who does it: DV is
    the speaker's, as is the language support, and no household of 夫 and こども is read."""
    case = take(shipped, matcher, "asaka", "夫 たたく。こわい。こども と にげたい。どこ いく?").case
    owners = {p.relation: p.concerns for p in case.persons}
    assert not {"dv", "foreign"} & (set(owners.get("夫", ())) | set(owners.get("こども", ()))), owners
    assert {"dv", "foreign"} <= set(case.all_concerns())


def test_a_household_question_is_asked_once_and_its_answer_holds_for_everyone(shipped, matcher):
    """New-user test F3: the danger question came again 「夫について」 after staff answered いいえ."""
    from navigator.intake import Intake

    intake = Intake("asaka", "80歳の母は認知症でお金の管理ができない。私は夫に殴られている。")
    intake.read(shipped, matcher, accept=True)
    steps = intake.steps(shipped)
    assert [s.question.id for s in steps].count("danger") == 1
    assert len(intake.case.persons) == 2 and any(s.person for s in steps)    # still a household
    intake.answer(next(s for s in steps if s.question.id == "danger"), "no")
    assert all(p.answers.get("danger") == "no" for p in intake.case.persons if "dv" in p.concerns)


def test_one_person_and_given_answers_stay_as_before(shipped, matcher):
    assert take(shipped, matcher, "asaka", "家賃が払えなくて、仕事もなくなった").case.persons == ()
    given = take(shipped, matcher, "asaka", CARER, answers={"who": "adult"}).case
    assert given.persons == () and given.answers["who"] == "adult"


def test_cli_takes_persons_and_json_carries_them(capsys):
    code = main(["route", "-m", "asaka", "-p", "母:care,guardianship:who=elder,capacity=cannot_decide",
                 "-p", "本人:employment:who=adult", "--main", "care", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["main"] == "care"
    assert [(p["relation"], p["client"], p["concerns"]) for p in data["persons"]] == [
        ("母", False, ["care", "guardianship"]), ("本人", True, ["employment"])]
    # 朝霞's guardianship rules read capacity only (the 3 課 are joint), so "who" is dropped for 母
    assert data["persons"][0]["answers"] == {"capacity": "cannot_decide"}
    assert "asaka-silver" not in [r["contact"] for r in data["referrals"]]
    assert {"p2"} == {p for r in data["referrals"] if r["contact"] == "asaka-jiritsu-shien" for p in r["persons"]}


@pytest.mark.parametrize("bad", ["母", "母:", "母:nosuch", "母:care:who=kid"])
def test_cli_refuses_a_malformed_person(capsys, bad):
    assert main(["route", "-m", "asaka", "-p", bad]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_scenario_expectations_on_households_can_fail(shipped, matcher, tmp_path: Path):
    path = tmp_path / "h.yaml"
    path.write_text(f"""municipality: asaka
scenarios:
  - name: 一人にまとめた答え
    concerns: [care, employment]
    answers: {{who: elder}}
    expect: {{top: 9, absent: [asaka-silver]}}
  - name: 世帯の読み違い
    text: {CARER}
    expect: {{household: {{母: [employment]}}}}
  - name: 人ごと
    persons:
      - {{relation: 母, concerns: [care], answers: {{who: elder}}}}
      - {{relation: 本人, client: true, concerns: [employment]}}
    expect: {{top: 9, absent: [asaka-silver], contacts: [asaka-jiritsu-shien]}}
""", encoding="utf-8")
    scenarios, problems = load_scenarios([path])
    assert not problems
    outcomes = [run(shipped, matcher, s) for s in scenarios]
    assert [o.passed for o in outcomes] == [False, False, True]
    assert "asaka-silver" in outcomes[0].failures[0]
    assert scenarios[2].persons[1].client and scenarios[2].persons[0].answers == {"who": "elder"}
