"""`navigator check`'s deeper findings, each on a broken copy of the mini rule set."""

from __future__ import annotations

import datetime as dt

from navigator.checks.lint import lint
from navigator.loading import load
from conftest import END_BLOCK, append_entries
from test_loading import replace

TODAY = dt.date(2026, 11, 24)


def findings(folder, today=TODAY) -> list[tuple[str, int, int, str]]:
    """(path, line, column, code) of each finding, as yamllint's tests compare."""
    return [(p.path.split("mini/", 1)[1], p.line, p.column, p.code) for p in problems(folder, today)]


def problems(folder, today=TODAY):
    loaded = load(folder / "rules", folder / "contacts")
    assert loaded.ok, loaded.problems
    return lint(loaded.ruleset, today)


BASELINE = [("rules/village.yaml", 2, 3, "NAV-W410")]


def test_the_fallback_warning_names_the_concerns_and_the_window(mini):
    [p] = problems(mini)
    assert p.message == "village: housing, abuse, unsure のルールがないので、総合窓口「village-office」に案内します"
    assert "計画に記載がなければこのままで構いません" in p.hint


def test_clean_fixture_has_only_the_honest_fallback_warning(mini):
    assert findings(mini) == BASELINE


def test_rule_on_a_question_not_asked_for_its_concern_never_fires(mini):
    replace(mini / "rules" / "town.yaml", "  - id: town-housing\n    concern: housing\n",
            "  - id: town-housing\n    concern: housing\n    when: {answer: {who: child}}\n")
    assert ("rules/town.yaml", 17, 5, "NAV-E402") in findings(mini)
    [p] = [p for p in problems(mini) if p.code == "NAV-E402"]
    assert "質問 who は相談の種類「housing」では聞かれません" in p.message and "common.yaml" in p.hint


def test_contradictory_condition_never_fires(mini):
    replace(mini / "rules" / "town.yaml", "when: {answer: {who: child}}",
            "when: {all: [{answer: {who: child}}, {answer: {who: elder}}]}")
    assert ("rules/town.yaml", 24, 5, "NAV-E403") in findings(mini)


def test_rule_that_needs_another_concern_can_fire(mini):
    replace(mini / "rules" / "town.yaml", "  - id: town-housing\n    concern: housing\n",
            "  - id: town-housing\n    concern: housing\n    when: {all: [{concern: abuse}, {answer: {who: child}}]}\n")
    assert findings(mini) == BASELINE


def test_wholly_shadowed_rule(mini):
    text = (mini / "rules" / "village.yaml").read_text(encoding="utf-8")
    copy = text[text.index("  - id: village-poverty"):text.rindex(END_BLOCK)].replace("village-poverty", "village-poverty-again")
    append_entries(mini / "rules" / "village.yaml", copy.replace("priority: 10", "priority: 20"))
    assert ("rules/village.yaml", 16, 5, "NAV-W404") in findings(mini)
    [p] = [p for p in problems(mini) if p.code == "NAV-W404"]
    assert "ルール「village-poverty」（9 行目）" in p.message


def test_narrower_rule_with_another_program_is_not_shadowed(mini):
    text = (mini / "rules" / "village.yaml").read_text(encoding="utf-8")
    copy = text[text.index("  - id: village-poverty"):text.rindex(END_BLOCK)].replace("village-poverty", "village-loan")
    append_entries(mini / "rules" / "village.yaml", copy.replace("program: 生活相談", "program: 貸付"))
    assert findings(mini) == BASELINE


def test_unused_contact_and_missing_quote(mini):
    append_entries(mini / "contacts" / "village.yaml", "  - id: village-hall\n    window: 公民館\n"
                   "    organization: 村\n    source: {file: village.txt, section: 第2章}\n")
    found = findings(mini)
    assert ("contacts/village.yaml", 7, 5, "NAV-W405") in found
    assert ("contacts/village.yaml", 7, 5, "NAV-W401") in found


def test_phone_in_a_wrong_format(mini):
    replace(mini / "contacts" / "town.yaml", 'phone: "0000-00-0000"', 'phone: "03(1234)5678"')
    assert ("contacts/town.yaml", 8, 5, "NAV-E406") in findings(mini)
    assert any("「03(1234)5678」" in p.message for p in problems(mini))


def test_stale_and_expired_dates(mini):
    replace(mini / "contacts" / "village.yaml", "    organization: 村\n",
            "    organization: 村\n    valid_until: 2026-03-31\n    last_verified: 2025-04-01\n"
            "    valid_from: 2027-04-01\n")
    found = findings(mini)
    assert {("contacts/village.yaml", 3, 5, code) for code in ("NAV-W407", "NAV-W408", "NAV-W409")} <= set(found)
    assert set(findings(mini, today=dt.date(2026, 1, 1))) == {*BASELINE, ("contacts/village.yaml", 3, 5, "NAV-W408")}
    assert any("2027-04-01 からの窓口です" in p.message for p in problems(mini))


def test_dates_must_be_dates(mini):
    replace(mini / "contacts" / "village.yaml", "    organization: 村\n", "    organization: 村\n    valid_until: soon\n")
    loaded = load(mini / "rules", mini / "contacts")
    assert [(p.line, p.column, p.code) for p in loaded.problems] == [(6, 18, "NAV-E212")]
    assert loaded.problems[0].message == "「valid_until」は 2026-04-01 のような日付で書きます"
