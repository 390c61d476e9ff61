"""`navigator check`'s deeper findings, each on a broken copy of the mini rule set."""

from __future__ import annotations

import datetime as dt

from navigator.lint import lint
from navigator.loading import load
from conftest import END_BLOCK, append_entries
from test_loading import replace

TODAY = dt.date(2026, 11, 24)


def findings(folder, today=TODAY) -> list[str]:
    loaded = load(folder / "rules", folder / "contacts")
    assert loaded.ok, loaded.problems
    return [str(p).split("mini/", 1)[1] for p in lint(loaded.ruleset, today)]


BASELINE = ["rules/village.yaml:2:3: [warning] village: no rule for housing, abuse, unsure; these go to the "
            "fallback window 'village-office' (hint: fine where the plan says nothing about them; add a rule "
            "where it does)"]


def test_clean_fixture_has_only_the_honest_fallback_warning(mini):
    assert findings(mini) == BASELINE


def test_rule_on_a_question_not_asked_for_its_concern_never_fires(mini):
    replace(mini / "rules" / "town.yaml", "  - id: town-housing\n    concern: housing\n",
            "  - id: town-housing\n    concern: housing\n    when: {answer: {who: child}}\n")
    assert "rules/town.yaml:17:5: [error] rule 'town-housing' can never fire (hint: question(s) who are not " \
           "asked for concern 'housing'; add the concern to the question's concerns in common.yaml)" in findings(mini)


def test_contradictory_condition_never_fires(mini):
    replace(mini / "rules" / "town.yaml", "when: {answer: {who: child}}",
            "when: {all: [{answer: {who: child}}, {answer: {who: elder}}]}")
    assert any(f.startswith("rules/town.yaml:24:5: [error] rule 'town-abuse-child' can never fire (hint: its "
                            "condition contradicts itself") for f in findings(mini))


def test_rule_that_needs_another_concern_can_fire(mini):
    replace(mini / "rules" / "town.yaml", "  - id: town-housing\n    concern: housing\n",
            "  - id: town-housing\n    concern: housing\n    when: {all: [{concern: abuse}, {answer: {who: child}}]}\n")
    assert findings(mini) == BASELINE


def test_wholly_shadowed_rule(mini):
    text = (mini / "rules" / "village.yaml").read_text(encoding="utf-8")
    copy = text[text.index("  - id: village-poverty"):text.rindex(END_BLOCK)].replace("village-poverty", "village-poverty-again")
    append_entries(mini / "rules" / "village.yaml", copy.replace("priority: 10", "priority: 20"))
    assert "rules/village.yaml:16:5: [warning] rule 'village-poverty-again' is wholly shadowed by rule " \
           "'village-poverty' (line 9) (hint: it fires only when the other does, and the other already names " \
           "the same program and contacts at the same or a better priority; remove or narrow one of them)" \
           in findings(mini)


def test_narrower_rule_with_another_program_is_not_shadowed(mini):
    text = (mini / "rules" / "village.yaml").read_text(encoding="utf-8")
    copy = text[text.index("  - id: village-poverty"):text.rindex(END_BLOCK)].replace("village-poverty", "village-loan")
    append_entries(mini / "rules" / "village.yaml", copy.replace("program: 生活相談", "program: 貸付"))
    assert findings(mini) == BASELINE


def test_unused_contact_and_missing_quote(mini):
    append_entries(mini / "contacts" / "village.yaml", "  - id: village-hall\n    window: 公民館\n"
                   "    organization: 村\n    source: {file: village.txt, section: 第2章}\n")
    found = findings(mini)
    assert "contacts/village.yaml:7:5: [warning] contact 'village-hall' is not referred to by any rule (hint: " \
           "refer to it from a rule, or remove it if the window no longer exists)" in found
    assert "contacts/village.yaml:7:5: [warning] contact 'village-hall' cites no quote from the plan (hint: add " \
           "source.quote: the plan's own words naming this window)" in found


def test_phone_in_a_wrong_format(mini):
    replace(mini / "contacts" / "town.yaml", 'phone: "0000-00-0000"', 'phone: "03(1234)5678"')
    assert "contacts/town.yaml:8:5: [error] contact 'town-jiritsu' has a phone number in a wrong format: " \
           "'03(1234)5678' (hint: write it like 0270-27-2748 (digits and hyphens), or leave it out)" in findings(mini)


def test_stale_and_expired_dates(mini):
    replace(mini / "contacts" / "village.yaml", "    organization: 村\n",
            "    organization: 村\n    valid_until: 2026-03-31\n    last_verified: 2025-04-01\n"
            "    valid_from: 2027-04-01\n")
    found = findings(mini)
    assert "contacts/village.yaml:3:5: [warning] contact 'village-office' was valid until 2026-03-31 (hint: the " \
           "window may have closed or moved: check the current plan and update or remove it)" in found
    assert "contacts/village.yaml:3:5: [warning] contact 'village-office' was last verified on 2025-04-01, " \
           "more than a year ago (hint: check it against the current plan and update last_verified)" in found
    assert any("valid only from 2027-04-01" in f for f in found)
    assert set(findings(mini, today=dt.date(2026, 1, 1))) == {*BASELINE, (
        "contacts/village.yaml:3:5: [warning] contact 'village-office' is valid only from 2027-04-01 (hint: it "
        "is shown already; remove valid_from once it opens, or add it later)")}


def test_dates_must_be_dates(mini):
    replace(mini / "contacts" / "village.yaml", "    organization: 村\n", "    organization: 村\n    valid_until: soon\n")
    loaded = load(mini / "rules", mini / "contacts")
    assert [str(p).split("mini/", 1)[1] for p in loaded.problems] == [
        "contacts/village.yaml:6:18: [error] valid_until must be a date like 2026-04-01"]
