"""The review worklist (issue 17): dates around a fixed day, never the real clock; marking an
entry verified edits only its lines and keeps every comment."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from navigator import review
from navigator.cli import main
from navigator.loading import load

TODAY = dt.date(2026, 12, 2)


def _verified(path, ident: str, day: str) -> None:
    """Give one contact of the mini set a last_verified date, as a person would type it."""
    text = path.read_text(encoding="utf-8")
    at = text.index(f"  - id: {ident}\n")
    source = text.index("    source:", at)
    end = text.index("\n", source) + 1
    path.write_text(text[:end] + f"    last_verified: {day}\n" + text[end:], encoding="utf-8")


@pytest.fixture
def dated(mini):
    contacts = mini / "contacts" / "town.yaml"
    _verified(contacts, "town-general", "2025-11-01")   # due 2026-11-01: overdue by 31 days
    _verified(contacts, "town-jiritsu", "2025-12-22")   # due 2026-12-22: in 20 days
    _verified(contacts, "town-shakyo", "2026-01-01")    # due 2027-01-01: in 30 days (the edge)
    _verified(contacts, "town-kodomo", "2026-01-02")    # due 2027-01-02: in 31 days
    return mini


def _list(folder, within=30, today=TODAY):
    loaded = load(folder / "rules", folder / "contacts")
    assert loaded.ok, loaded.problems
    return review.worklist(loaded.ruleset, today, within, "town")


def test_worklist_states_and_order_around_a_fixed_day(dated):
    entries = _list(dated)
    contacts = [(e.id, e.state, e.days_left(TODAY)) for e in entries if e.kind == "contact"]
    # never verified first, then overdue, then due by date; 31 days ahead is not listed at 30
    assert contacts == [("town-choju", "never", None), ("town-general", "overdue", -31),
                        ("town-jiritsu", "due", 20), ("town-shakyo", "due", 30)]
    assert {e.state for e in entries if e.kind == "rule"} == {"never"}   # no rule has a date yet
    assert "town-kodomo" in [e.id for e in _list(dated, within=31)]
    assert "town-kodomo" not in [e.id for e in _list(dated, within=30)]


def test_worklist_lines_name_file_and_line(dated):
    entries = _list(dated)
    text = review.as_text(entries, TODAY, 30)
    general = next(e for e in entries if e.id == "town-general")
    assert general.origin.line == 3
    assert f"{general.origin.path}:3: 窓口「town-general」（総合相談）: 確認期限 2026-11-01 を 31 日過ぎています" in text
    assert "未確認" in text and "確認期限切れ 1 件" in text and "期限が近いもの 2 件" in text


def test_stale_data_still_routes(dated):
    """Overdue is a notice, never a refusal: the overdue window is still the referral."""
    from navigator.engine import Case, route

    loaded = load(dated / "rules", dated / "contacts")
    result = route(loaded.ruleset, Case("town", ("unsure",)))
    assert [r.contact.id for r in result.referrals][:1] == ["town-general"]
    assert review.overdue(result.referrals[0].contact.last_verified, TODAY)


def test_mark_keeps_comments_and_layout(dated):
    path = dated / "contacts" / "town.yaml"
    text = path.read_text(encoding="utf-8").replace("  - id: town-choju\n",
                                                    "  # 長寿課の窓口（2026年4月に移転予定）\n  - id: town-choju\n")
    path.write_text(text, encoding="utf-8")
    target, key, ident = review.locate(f"{path}:{text.splitlines().index('    window: 高齢者相談') + 1}",
                                       dated / "rules", dated / "contacts")
    assert (key, ident) == ("contacts", "town-choju")
    done = review.mark(target, key, ident, TODAY)
    after = path.read_text(encoding="utf-8")
    assert "  # 長寿課の窓口（2026年4月に移転予定）\n" in after
    assert done.changed == [f"+ {after.splitlines().index('    last_verified: 2026-12-02') + 1:>4}:     last_verified: 2026-12-02"]
    assert after.replace("    last_verified: 2026-12-02\n", "", 1) == text   # nothing else moved
    assert "town-choju" not in [e.id for e in _list(dated)]


def test_mark_replaces_an_old_date_in_place(dated):
    path = dated / "contacts" / "town.yaml"
    before = path.read_text(encoding="utf-8")
    review.mark(path, "contacts", "town-general", TODAY)
    after = path.read_text(encoding="utf-8")
    assert after == before.replace("last_verified: 2025-11-01", "last_verified: 2026-12-02")


def test_review_cli_json_and_mark_by_id(dated, capsys):
    dirs = ["--rules", str(dated / "rules"), "--contacts", str(dated / "contacts")]
    assert main(["review", *dirs, "-m", "town", "--format", "json", "--today", "2026-12-02"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["id"]: r["state"] for r in rows if r["kind"] == "contact"}["town-general"] == "overdue"
    assert rows[0]["path"].endswith("town.yaml") and rows[0]["line"] > 0
    assert main(["review", *dirs, "--mark", "town-general", "--today", "2026-12-02"]) == 0
    assert "「town-general」を 2026-12-02 に確認済みにしました" in capsys.readouterr().out
    assert main(["review", *dirs, "--mark", "town-nowhere"]) == 2
    assert "確認済みにする窓口・ルールが見つかりません: town-nowhere" in capsys.readouterr().err


def test_rules_have_dates_too_and_marking_records_who(dated, capsys):
    dirs = ["--rules", str(dated / "rules"), "--contacts", str(dated / "contacts")]
    assert main(["review", *dirs, "--mark", "town-poverty", "--by", "福祉課", "--today", "2026-01-10"]) == 0
    capsys.readouterr()
    loaded = load(dated / "rules", dated / "contacts")
    rule = next(r for r in loaded.ruleset.plans["town"].rules if r.id == "town-poverty")
    assert (rule.last_verified, rule.verified_by) == (dt.date(2026, 1, 10), "福祉課")
    entry = next(e for e in review.worklist(loaded.ruleset, TODAY, 60, "town") if e.id == "town-poverty")
    assert (entry.state, entry.days_left(TODAY), entry.verified_by) == ("due", 39, "福祉課")
    assert "確認者 福祉課" in review.as_text([entry], TODAY, 60)


def test_the_slip_shows_the_date_with_a_quiet_notice_when_overdue():
    assert review.verified_text(dt.date(2025, 11, 1), TODAY) == \
        "2025-11-01（1年以上前の確認です。案内の前に窓口に確かめてください）"
    assert review.verified_text(dt.date(2026, 1, 1), TODAY) == "2026-01-01"
    assert review.verified_text(None, TODAY) == "記録なし"
