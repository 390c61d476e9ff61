"""Structured opening times (`availability:` in a contact) and "open now / next open".

In the GIF style (利用可能日 plus 日時備考), not RRULE: weekdays, optionally which weeks of the
month, opening and closing times, and a note. Only what a plan states is written, so most
windows have none, and then nothing is computed or shown. Public holidays are not known
offline: the note (e.g. 祝日の場合は翌週の月曜日) is always shown beside a computed time.
"""

from __future__ import annotations

import datetime as dt

from .model import Slot

WEEKDAYS = "月火水木金土日"          # index = date.weekday()
LOOKAHEAD_DAYS = 400                # far enough for a monthly or yearly day


def describe(slot: Slot) -> str:
    days = "".join(WEEKDAYS[d] for d in slot.weekdays)
    weeks = "・".join(f"第{w}" for w in slot.weeks)
    when = f"毎月{weeks}{days}曜日" if weeks else f"毎週{days}曜日"
    return f"{when} {slot.opens:%H:%M}〜{slot.closes:%H:%M}"


def open_now(slots: tuple[Slot, ...], now: dt.datetime) -> Slot | None:
    return next((s for s in slots if s.on(now.date()) and s.opens <= now.time() < s.closes), None)


def next_open(slots: tuple[Slot, ...], now: dt.datetime) -> tuple[dt.datetime, Slot] | None:
    """The next opening after `now` (today's later one included), or None when there is none."""
    for offset in range(LOOKAHEAD_DAYS):
        day = now.date() + dt.timedelta(days=offset)
        starts = sorted((dt.datetime.combine(day, s.opens), i) for i, s in enumerate(slots) if s.on(day))
        for start, i in starts:
            if start > now:
                return start, slots[i]
    return None


def status(slots: tuple[Slot, ...], now: dt.datetime) -> str | None:
    """One line for the window card: 受付中 until when, or the next opening; None without data."""
    if not slots:
        return None
    current = open_now(slots, now)
    if current:
        return _with_note(f"受付中（{current.closes:%H:%M}まで）", current)
    upcoming = next_open(slots, now)
    if upcoming is None:
        return None
    start, slot = upcoming
    return _with_note(f"次の受付: {start:%Y-%m-%d}（{WEEKDAYS[start.weekday()]}）{start:%H:%M}〜{slot.closes:%H:%M}", slot)


def _with_note(text: str, slot: Slot) -> str:
    return f"{text}　※{slot.note}" if slot.note else text
