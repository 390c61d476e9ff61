"""Structured opening times (issue 17): read from `availability:` only where a plan states them,
and open now / next open from a given clock (never the real one here)."""

from __future__ import annotations

import datetime as dt

from navigator import hours
from navigator.loading import load
from conftest import append_entries


def _with_slot(mini, slot: str):
    """The mini set with one more window whose opening time is written as `slot`."""
    append_entries(mini / "contacts" / "town.yaml", f"""  - id: town-hours
    window: 相談会
    organization: 町
    source: {{file: town.txt, section: 第1章, quote: 計画の一文}}
    availability:
      - {slot}
""")
    return load(mini / "rules", mini / "contacts")


def _jinken(shipped):
    return shipped.plans["asaka"].contacts["asaka-jinken-sodan"]


def test_asakas_human_rights_consultation_is_read_as_the_plan_states_it(shipped):
    contact = _jinken(shipped)
    (slot,) = contact.availability
    assert (slot.weekdays, slot.weeks, f"{slot.opens:%H:%M}", f"{slot.closes:%H:%M}") == ((0,), (1,), "13:00", "16:00")
    assert slot.note == "祝日の場合は翌週の月曜日" and slot.note in contact.source.quote
    assert hours.describe(slot) == "毎月第1月曜日 13:00〜16:00"
    # the only window whose plan gives times: every other has none, and nothing is computed for it
    assert [c.id for p in shipped.plans.values() for c in p.contacts.values() if c.availability] == ["asaka-jinken-sodan"]


def test_open_now_and_next_open_around_first_mondays(shipped):
    slots = _jinken(shipped).availability
    at = dt.datetime.fromisoformat
    assert hours.status(slots, at("2026-12-02T10:00")) == "次の受付: 2026-12-07（月）13:00〜16:00　※祝日の場合は翌週の月曜日"
    assert hours.status(slots, at("2026-12-07T13:00")).startswith("受付中（16:00まで）")
    assert hours.status(slots, at("2026-12-07T16:00")).startswith("次の受付: 2027-01-04（月）")   # closed at 16:00
    assert hours.status(slots, at("2026-12-14T14:00")).startswith("次の受付: 2027-01-04")         # 2nd Monday: no
    assert hours.status((), at("2026-12-07T14:00")) is None


def test_a_wrongly_written_time_is_refused_with_its_position(mini):
    loaded = _with_slot(mini, '{days: 月水, opens: 午後1時, closes: "16:00"}')
    (problem,) = [p for p in loaded.problems if p.code == "NAV-E240"]
    assert "opens の書き方が違います: 「午後1時」" in problem.message and problem.line > 0
    assert not loaded.ok and "town-hours" not in loaded.ruleset.plans["town"].contacts


def test_unquoted_times_read_as_written(mini):
    """YAML 1.1 reads 13:00 unquoted as the number 780; it still means 13:00."""
    loaded = _with_slot(mini, "{days: 火木, opens: 9:30, closes: 12:00}")
    (slot,) = loaded.ruleset.plans["town"].contacts["town-hours"].availability
    assert (slot.weekdays, f"{slot.opens:%H:%M}", f"{slot.closes:%H:%M}") == ((1, 3), "09:30", "12:00")


def test_the_window_card_shows_open_now_or_next_open(shipped):
    from navigator.engine import Case, route
    from navigator.tui.widgets.referrals import detail

    result = route(shipped, Case("asaka", ("rights",)))
    referral = next(r for r in result.referrals if r.contact.id == "asaka-jinken-sodan")
    card = detail(shipped, result, referral, dt.datetime(2026, 12, 7, 14, 0)).plain
    assert "受付中（16:00まで）　※祝日の場合は翌週の月曜日" in card
    card = detail(shipped, result, referral, dt.datetime(2026, 12, 8, 9, 0)).plain
    assert "次の受付: 2027-01-04（月）13:00〜16:00" in card
    other = next(r for r in result.referrals if not r.contact.availability)
    assert "受付中" not in detail(shipped, result, other).plain and "次の受付" not in detail(shipped, result, other).plain
