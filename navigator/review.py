"""The review worklist: which contacts and rules are due for re-checking, and marking one checked.

A directory nobody re-checks rots quietly (welfare windows change every April). Like ALISS's
12-month cycle and OpenFisca's "outdated / due soon" report, each entry is due one year after
its `last_verified`; one never verified is listed first. Stale data never stops routing: this
module only lists and marks, and the slip and TUI show the date with a quiet notice.

Marking edits the one entry in place through navigator/edit.py (its value's characters only,
or one inserted line), so comments and layout stay as they were.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import messages
from .messages import CodedError
from .edit import EditError, find, items, set_fields, write_atomically
from .model import Origin, RuleSet

REVIEW_EVERY = dt.timedelta(days=365)   # the same year after which `check` warns (lint.STALE_AFTER)
NEVER, OVERDUE, DUE = "never", "overdue", "due"


def due_date(last_verified: dt.date | None) -> dt.date | None:
    return last_verified + REVIEW_EVERY if last_verified else None


def state(last_verified: dt.date | None, today: dt.date, within: int = 0) -> str | None:
    """never / overdue / due (within `within` days) / None (fine for now)."""
    due = due_date(last_verified)
    if due is None:
        return NEVER
    if due < today:
        return OVERDUE
    return DUE if (due - today).days <= within else None


def overdue(last_verified: dt.date | None, today: dt.date) -> bool:
    """For the slip and TUI's quiet notice: a date that is there and more than a year old."""
    return state(last_verified, today) == OVERDUE


def verified_text(last_verified: dt.date | None, today: dt.date) -> str:
    """最終確認日 as the slip and TUI show it, with a quiet notice when it is over a year old."""
    if last_verified is None:
        return messages.text("NAV-T725")
    notice = "（1年以上前の確認です。案内の前に窓口に確かめてください）" if overdue(last_verified, today) else ""
    return last_verified.isoformat() + notice


@dataclass(frozen=True)
class Entry:
    municipality: str
    kind: str                 # contact / rule
    id: str
    name: str                 # the window, or the rule's programme
    origin: Origin
    last_verified: dt.date | None
    verified_by: str | None
    state: str

    @property
    def due(self) -> dt.date | None:
        return due_date(self.last_verified)

    def days_left(self, today: dt.date) -> int | None:
        return (self.due - today).days if self.due else None

    def as_dict(self, today: dt.date) -> dict:
        return {"municipality": self.municipality, "kind": self.kind, "id": self.id, "name": self.name,
                "path": self.origin.path, "line": self.origin.line, "state": self.state,
                "last_verified": _iso(self.last_verified), "verified_by": self.verified_by,
                "due": _iso(self.due), "days_left": self.days_left(today)}


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


_ORDER = {NEVER: 0, OVERDUE: 1, DUE: 2}


def worklist(ruleset: RuleSet, today: dt.date, within: int = 30, only: str | None = None) -> list[Entry]:
    """Per municipality, the entries never verified, overdue, or due within `within` days:
    never first, then by due date, then by file position."""
    found = []
    for mid, plan in sorted(ruleset.plans.items()):
        if only and mid != only:
            continue
        entries = [("contact", c.id, c.window, c.origin, c.last_verified, c.verified_by)
                   for c in plan.contacts.values()]
        entries += [("rule", r.id, r.program, r.origin, r.last_verified, r.verified_by) for r in plan.rules]
        for kind, ident, name, origin, last, by in entries:
            s = state(last, today, within)
            if s:
                found.append(Entry(mid, kind, ident, name, origin, last, by, s))
    return sorted(found, key=lambda e: (e.municipality, _ORDER[e.state], e.due or dt.date.min,
                                        e.origin.path, e.origin.line))


def as_text(entries: list[Entry], today: dt.date, within: int) -> str:
    if not entries:
        return messages.text("NAV-T720", within=within, today=today.isoformat())
    lines, current = [], None
    for e in entries:
        if e.municipality != current:
            current = e.municipality
            lines.append(f"== {current} ==")
        lines.append(f"{e.origin.path}:{e.origin.line}: {_line(e, today)}")
    counts = {s: sum(e.state == s for e in entries) for s in (NEVER, OVERDUE, DUE)}
    lines.append(messages.text("NAV-T721", within=within, today=today.isoformat(), never=counts[NEVER],
                               overdue=counts[OVERDUE], due=counts[DUE]))
    return "\n".join(lines)


def _line(e: Entry, today: dt.date) -> str:
    kind = messages.Both("窓口", "contact") if e.kind == "contact" else messages.Both("ルール", "rule")
    by = e.verified_by or messages.text("NAV-T725")
    code = {NEVER: "NAV-T722", OVERDUE: "NAV-T723", DUE: "NAV-T724"}[e.state]
    days = e.days_left(today)
    return messages.text(code, kind=kind, id=e.id, name=e.name, last=_iso(e.last_verified), by=by,
                         due=_iso(e.due), days=abs(days) if days is not None else "")


# ---- marking an entry verified ----------------------------------------------------


class MarkError(CodedError):
    """What to mark cannot be found or edited; carries a catalogue code and its arguments."""



@dataclass(frozen=True)
class Marked:
    path: Path
    list_key: str
    id: str
    changed: list[str]


LIST_KEYS = ("contacts", "rules")


def locate(target: str, rules_dir: Path, contacts_dir: Path) -> tuple[Path, str, str]:
    """PATH:LINE (as the worklist prints it) or an entry id → (file, contacts/rules, id)."""
    path_text, sep, line_text = target.rpartition(":")
    if sep and line_text.isdigit() and path_text:
        path = Path(path_text)
        folders = {Path(rules_dir).resolve(), Path(contacts_dir).resolve()}
        if not path.is_file() or path.resolve().parent not in folders:   # only the files in use
            raise MarkError("NAV-C621", target=target)
        return path, *_entry_at(path, int(line_text), target)
    for folder, key in ((contacts_dir, "contacts"), (rules_dir, "rules")):
        for path in sorted(Path(folder).glob("*.yaml")):
            text = path.read_text(encoding="utf-8")
            if target not in text:
                continue
            try:
                if any(i.id == target for i in items(text, key)):
                    return path, key, target
            except (EditError, yaml.YAMLError):
                continue
    raise MarkError("NAV-C621", target=target)


def _entry_at(path: Path, line: int, target: str) -> tuple[str, str]:
    from .edit import _last_end

    text = path.read_text(encoding="utf-8")
    for key in LIST_KEYS:
        try:
            found = items(text, key)
        except (EditError, yaml.YAMLError):
            continue
        for item in found:
            first = item.node.start_mark.line + 1
            last = text.count("\n", 0, max(_last_end(item.node) - 1, 0)) + 1
            if first <= line <= last:
                return key, item.id
    raise MarkError("NAV-C621", target=target)


def mark(path: Path, list_key: str, ident: str, today: dt.date, by: str | None = None,
         write: bool = True) -> Marked:
    """Set `last_verified: today` (and `verified_by` when given) on one entry, in place. The new
    text must read back with the new date before anything is written."""
    before = path.read_text(encoding="utf-8")
    changes: dict[str, object] = {"last_verified": today}
    if by:
        changes["verified_by"] = by
    try:
        after = set_fields(before, list_key, ident, changes)
        item = find(after, list_key, ident)
    except (EditError, yaml.YAMLError) as exc:
        raise MarkError("NAV-C622", path=path, id=ident, detail=str(exc)) from exc
    written = item.values.get("last_verified")
    if written is None or written.value != today.isoformat():
        raise MarkError("NAV-C622", path=path, id=ident, detail="last_verified")
    from .edit import changed_lines

    if write and after != before:
        write_atomically(path, after)
    return Marked(path, list_key, ident, changed_lines(before, after))
