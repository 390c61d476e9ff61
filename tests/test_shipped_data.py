"""The shipped rules and contacts: loadable, traceable to the seeds, no invented phone numbers."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from navigator.checks import coverage
from navigator.engine import GENERAL, RULE
from conftest import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
# The national lines, each cited in rules/common.yaml to its operator's public page (issue 10,
# ../shared/findings/data-audit.md §4). A number outside the seeds and this list is invented.
NATIONAL_PHONES = {"110", "119", "189", "#8008", "0120-279-889", "0570-064-556", "0120-279-338",
                   "0120-783-556", "0570-783-556", "#8891", "#8103",
                   "188", "0570-078374"}
MUNICIPALITIES = {"maebashi", "isesaki", "ageo", "shimotsuke", "asaka"}


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    if not SEEDS.is_dir():
        # A newcomer's clone may lack ../shared; CI (CI=true) always has it, and must check the quotes.
        message = f"quotes not checked against the plans: put shared/ beside the checkout ({SEEDS} not found)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return {p.name: squash(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")}


def all_sourced(ruleset):
    for plan in ruleset.plans.values():
        yield from plan.rules
        yield from plan.contacts.values()


def test_all_five_municipalities_ship(shipped):
    assert set(shipped.plans) == MUNICIPALITIES


def test_every_rule_and_contact_cites_a_real_section_and_quote(shipped, seeds):
    wrong = []
    for obj in all_sourced(shipped):
        src = obj.source
        seed = seeds.get(src.file)
        if seed is None:
            wrong.append(f"{obj.origin}: {obj.id}: no seed file {src.file}")
            continue
        for part in src.section.split(" > "):
            if squash(part) not in seed:
                wrong.append(f"{obj.origin}: {obj.id}: section part not in seed: {part}")
        if not src.quote:
            wrong.append(f"{obj.origin}: {obj.id}: no quote")
        elif squash(src.quote) not in seed:
            wrong.append(f"{obj.origin}: {obj.id}: quote not in seed: {src.quote}")
    assert not wrong, "\n".join(wrong)


def test_each_plan_cites_its_own_seed(shipped):
    for plan in shipped.plans.values():
        seed = plan.municipality.seed
        assert {o.source.file for o in (*plan.rules, *plan.contacts.values())} == {seed}, plan.municipality.id


def test_every_phone_appears_in_a_seed_or_is_national(shipped, seeds):
    raw = "".join(seeds.values())
    phones = [(c.id, c.phone) for plan in shipped.plans.values() for c in plan.contacts.values() if c.phone]
    phones += [(e.id, e.phone) for e in shipped.common.emergency]
    assert phones, "no phone numbers at all is suspicious: 伊勢崎 gives two"
    for cid, phone in phones:
        assert phone in NATIONAL_PHONES or squash(phone) in raw, f"{cid}: {phone} is in no seed"


def test_emergency_lines_are_only_the_national_ones(shipped):
    assert {e.phone for e in shipped.common.emergency} == NATIONAL_PHONES


def test_every_national_line_is_cited_with_operator_hours_and_date(shipped):
    for e in shipped.common.emergency:
        c = e.citation
        assert c and c.operator and c.url.startswith(("https://", "http://")) and c.how, e.id
        assert c.verified.year >= 2026, e.id
        assert e.group and e.hours and "掲載" in e.hours, e.id


def test_every_danger_kind_puts_a_line_of_its_group_first(shipped):
    """The line groups of COMMON.md: the blind sets' `first:` labels are these."""
    first = {"violence_now": "police", "medical": "ambulance", "child": "child", "dv": "dv",
             "suicide": "crisis", "sexual": "sexual",
             "strangled": "police", "suicide_now": "ambulance", "fraud_now": "police"}   # no label group of their own
    kinds = shipped.common.danger.kinds
    assert {k.id for k in kinds} == set(first)
    for kind in kinds:
        assert shipped.common.line(kind.lines[0]).group == first[kind.id], kind.id


def test_the_coverage_matrix_has_every_cell_each_led_where_its_kind_says(shipped):
    cells = {(c.municipality, c.concern): c for c in coverage.cells(shipped)}
    assert set(cells) == {(m, c.id) for m in shipped.plans for c in shipped.common.concerns}
    for (mid, concern), cell in cells.items():
        plan, first = shipped.plans[mid], cell.first
        if cell.kind == coverage.PLAN:   # a rule of this concern in this city, or the one-stop window
            assert first.main.kind in (RULE, GENERAL), (mid, concern)
            if first.main.kind == RULE:
                assert first.main.rule.concern == concern and first.contact.id in first.main.rule.refer, (mid, concern)
        else:                            # the plan names nothing: its most general window
            assert first.contact.id == plan.municipality.fallback, (mid, concern)
            assert (cell.kind == coverage.NATIONAL) == bool(cell.national), (mid, concern)
    for mid in shipped.plans:
        assert sum(c.kind == coverage.PLAN for c in cells.values() if c.municipality == mid) >= 3, mid


def test_every_concern_has_many_keywords(shipped):
    for concern in shipped.common.concerns:
        assert len(concern.keywords) >= 8, concern.id
