"""contacts/<id>.yaml: one municipality's windows, with their names filled in once."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import replace
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode

from ..messages import Both
from ..hours import WEEKDAYS
from ..model import Contact, Slot
from ..names import fill, name_parts, named, uses
from ..problems import Problem
from . import spec
from .document import compose, kept, shown, top_keys, unique
from .parts import read_source
from .spec import CONTACT_DATES, CONTACT_TEXT
from .yamlnodes import Reader

MUNICIPALITY_NAME = re.compile(r"^\S+[市町村]$")


def read_contacts(mid: str, path: Path, problems: list[Problem], texts: dict[Path, str]
                   ) -> tuple[dict[str, Contact], set[str] | None]:
    """The valid contacts, and every id declared (None when the file could not be read at all,
    so that references to it are not reported a second time)."""
    if not os.path.exists(path):
        problems.append(Problem.coded("NAV-E014", (shown(path), 0, 0), mid=mid))
        return {}, set()
    r = Reader(shown(path), problems)
    root = compose(path, r.path, problems, texts)
    if root is None:
        return {}, None
    top = top_keys(r, root, spec.CONTACTS_FILE)
    if top is None:
        return {}, None
    owner = r.text(top.get("municipality"), "municipality")
    if owner and owner != mid:
        r.report(top["municipality"], "NAV-E311", owner=owner, mid=mid)
    nodes = r.items(top["contacts"], "contacts") if "contacts" in top else []
    found = _named_once(r, kept(_contact(r, n, mid) for n in nodes))
    declared = {value.value for n in nodes if isinstance(n, MappingNode)
                for key, value in n.value if key.value == "id" and isinstance(value, ScalarNode)}
    return {c.id: c for c in unique(r, found, "contact")}, declared


def city_names(contacts) -> set[str]:
    """The departments and organisations of one municipality's contacts (not the city's own name)."""
    return name_parts((c.department for c in contacts),
                      (c.organization for c in contacts if not MUNICIPALITY_NAME.match(c.organization)))


def _named_once(r: Reader, contacts: list[Contact]) -> list[Contact]:
    """Report department and organisation names written out in windows and notes, then fill
    in the {department} / {organization} placeholders from each contact's own fields."""
    names = city_names(contacts)
    filled = []
    for c in contacts:
        for key in ("window", "notes"):
            text = getattr(c, key)
            for name in named(text, names):
                r.problems.append(Problem.coded("NAV-W411", c.origin, kind=Both("窓口", "contact"),
                                                id=c.id, key=key, name=name))
            if uses(text, "department") and not c.department:
                r.problems.append(Problem.coded("NAV-W412", c.origin, kind=Both("窓口", "contact"),
                                                id=c.id, key=key, contact=c.id))
        filled.append(replace(c, window=fill(c.window, c.department, c.organization),
                              notes=fill(c.notes, c.department, c.organization)))
    return filled


def _contact(r: Reader, node: Node, mid: str) -> Contact | None:
    f = r.shaped(node, spec.CONTACT)
    if f is None:
        return None
    cid, window = r.ident(f.get("id"), "contact id"), r.text(f.get("window"), "window")
    organization, source = r.text(f.get("organization"), "organization"), read_source(r, f.get("source"))
    extra = {k: r.text(f.get(k), k, optional=True) for k in CONTACT_TEXT}
    dates = {k: r.date(f.get(k), k) for k in CONTACT_DATES}
    verified_by = r.text(f.get("verified_by"), "verified_by", optional=True)
    slots = read_availability(r, f["availability"]) if "availability" in f else ()
    if None in (cid, window, organization, source) or slots is None:
        return None
    return Contact(cid, mid, window, organization, source, **extra, **dates, verified_by=verified_by,
                   availability=slots, origin=r.origin(node))


def read_availability(r: Reader, node: Node) -> tuple[Slot, ...] | None:
    """The opening times; None (the contact is left out) when one is written wrongly."""
    slots = []
    for item in r.items(node, "availability"):
        slot = _slot(r, item)
        if slot is None:
            return None
        slots.append(slot)
    return tuple(slots)


def _slot(r: Reader, node: Node) -> Slot | None:
    f = r.shaped(node, spec.SLOT)
    if f is None:
        return None
    days, opens, closes = (r.text(f.get(k), k) for k in ("days", "opens", "closes"))
    week = r.integer(f.get("week"), "week", 1, 5) if "week" in f else None
    note = r.text(f.get("note"), "note", optional=True)
    weekdays = tuple(WEEKDAYS.index(d) for d in days or "" if d in WEEKDAYS)
    times = [_time(t) for t in (opens, closes)]
    if not days or len(weekdays) != len(days) or len(set(weekdays)) != len(weekdays):
        r.report(f.get("days", node), "NAV-E240", key="days", value=days or "")
        return None
    for key, text, value in (("opens", opens, times[0]), ("closes", closes, times[1])):
        if value is None:
            r.report(f.get(key, node), "NAV-E240", key=key, value=text or "")
            return None
    if times[0] >= times[1] or ("week" in f and week is None):
        r.report(f.get("closes", node), "NAV-E240", key="closes", value=closes)
        return None
    return Slot(weekdays, times[0], times[1], (week,) if week else (), note)


def _time(text: str | None) -> dt.time | None:
    """HH:MM (13:00; 9:30). Unquoted, YAML 1.1 reads 13:00 as a number, which `text` gives back as written."""
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", text or "")
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        return None
    return dt.time(int(match[1]), int(match[2]))
