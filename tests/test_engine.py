"""Routing on the mini rule set: order, duplicates, several concerns, one-stop first, fallback."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT
from navigator.engine import Case, questions_for, route
from navigator.explain import referral_why as explain


def ids(result):
    return [r.contact.id for r in result.referrals]


def test_single_concern_in_priority_and_refer_order(mini_rules):
    result = route(mini_rules, Case("town", ("poverty",)))
    assert ids(result) == ["town-jiritsu", "town-shakyo"]
    assert [r.rank for r in result.referrals] == [1, 2]
    assert result.emergency == ()


def test_two_concerns_put_the_one_stop_window_first_and_merge_duplicates(mini_rules):
    result = route(mini_rules, Case("town", ("housing", "poverty")))
    # town-jiritsu is referred by both rules: listed once, at its best priority, with both grounds
    assert ids(result) == ["town-general", "town-jiritsu", "town-shakyo"]
    jiritsu = result.referrals[1]
    assert jiritsu.concerns == ("poverty", "housing")
    assert [g.rule.id for g in jiritsu.grounds] == ["town-poverty", "town-housing"]


def test_unsure_alone_gets_the_one_stop_window(mini_rules):
    result = route(mini_rules, Case("town", ("unsure",)))
    assert ids(result) == ["town-general"]


def test_answers_choose_between_rules(mini_rules):
    child = route(mini_rules, Case("town", ("abuse",), {"who": "child"}))
    elder = route(mini_rules, Case("town", ("abuse",), {"who": "elder"}))
    assert ids(child) == ["town-kodomo"] and ids(elder) == ["town-choju"]
    assert [e.phone for e in child.emergency] == ["189"]
    assert elder.emergency == ()


def test_danger_brings_emergency_lines(mini_rules):
    result = route(mini_rules, Case("town", ("abuse",), {"who": "child", "danger": "yes"}))
    assert [e.phone for e in result.emergency] == ["110", "189"]


def test_unanswered_question_falls_back_honestly(mini_rules):
    result = route(mini_rules, Case("town", ("abuse",)))
    [only] = result.referrals
    assert only.contact.id == "town-general" and only.fallback
    assert "具体的な窓口の記載がありません" in only.main.reason


def test_fallback_without_general_window(mini_rules):
    result = route(mini_rules, Case("village", ("poverty", "abuse")))
    assert ids(result) == ["village-office"]
    assert result.referrals[0].fallback is False  # the poverty rule names it too


def test_answers_to_questions_not_asked_are_ignored(mini_rules):
    result = route(mini_rules, Case("town", ("poverty",), {"danger": "yes"}))
    assert result.emergency == () and result.answers == {}


def test_the_order_does_not_depend_on_the_hash_seed():
    """Referral order must come from priorities and ids, never from set or dict iteration:
    two interpreters with different hash seeds route a many-concern case alike."""
    code = ("from navigator.loading import load; from navigator.engine import Case, route; "
            "rs = load('rules', 'contacts', ['asaka']).ruleset; "
            "r = route(rs, Case('asaka', tuple(c.id for c in rs.common.concerns), {'who': 'elder'})); "
            "print([x.contact.id for x in r.referrals], [e.id for e in r.emergency])")
    outs = set()
    for seed in ("1", "2", "3"):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                              env={**os.environ, "PYTHONHASHSEED": seed}, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        outs.add(done.stdout)
    assert len(outs) == 1 and outs.pop().count(",") > 5


def test_questions_only_for_selected_concerns(mini_rules):
    assert [q.id for q in questions_for(mini_rules.common, ["poverty"])] == []
    assert [q.id for q in questions_for(mini_rules.common, ["abuse"])] == ["who", "danger"]


def test_explain_names_rule_file_line_and_answer(mini_rules):
    result = route(mini_rules, Case("town", ("abuse",), {"who": "child"}))
    [line] = explain(mini_rules, result.referrals[0])
    assert "town-abuse-child" in line and "rules/town.yaml:24:5" in line and "「誰ですか」→ 子ども" in line and "who=" not in line


def test_other_programs_at_the_same_window_are_kept(mini_rules):
    result = route(mini_rules, Case("town", ("housing", "poverty")))
    jiritsu = result.referrals[1]
    assert jiritsu.main.program == "自立相談支援" and jiritsu.other_programs == ("住居確保給付金",)


def test_a_window_without_phone_points_to_its_organisations_number(mini_rules):
    from navigator.present import phone_text

    result = route(mini_rules, Case("town", ("poverty",)))
    jiritsu, shakyo = result.referrals
    assert jiritsu.organization_contact is None and phone_text(jiritsu) == "0000-00-0000"
    assert shakyo.organization_contact is None and phone_text(shakyo) == "記載なし"  # 社協 has no number
    general = route(mini_rules, Case("town", ("unsure",))).referrals[0]
    assert general.organization_contact.id == "town-jiritsu"  # same organisation 町
    assert phone_text(general) == "記載なし（町 自立相談 福祉課：0000-00-0000）"  # which window the number is
