"""Open Referral HSDS 3.0: the windows as organizations, services, locations, phones, schedules
and service_at_location, and back.

Each table is a JSON array of flat records linked by id, as in HSDS's Tabular Data Package, so
that every record validates on its own against the official schema of its object (vendored in
tests/fixtures/hsds/). HSDS ids must be UUIDs: they are UUIDv5 of the navigator ids, so the
same data always gives the same package. What HSDS has no field for (the plan citation, who
verified it, the validity dates, the municipality's fallback window) travels in one documented
extension property, `navigator`, which HSDS allows ("HSDS Schemas permit the inclusion of new
properties", docs/hsds/extending.md).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from pathlib import Path

from ..hours import WEEKDAYS
from ..model import Contact, Plan, RuleSet, Slot
from . import plans

NAMESPACE = uuid.UUID("6f1b2a4e-0c3d-5e7f-9a1b-2c3d4e5f6a7b")   # navigator's own, fixed forever
TABLES = ("organizations", "services", "locations", "addresses", "phones", "schedules",
          "service_at_location", "contacts")
SCHEMA_OF = {"organizations": "organization", "services": "service", "locations": "location",
             "addresses": "address", "phones": "phone", "schedules": "schedule",
             "service_at_location": "service_at_location", "contacts": "contact"}
EXTENSION = "navigator"
RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")   # date.weekday() order
JST = "+09:00"
# 〒372-8501 群馬県伊勢崎市今泉町二丁目410番地: split only when the parts give back the same text
ADDRESS = re.compile(r"^〒(\d{3}-\d{4}) (\S+?[都道府県])(\S+?[市区町村])(\S.*)$")


def uid(kind: str, key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


def package(ruleset: RuleSet, today: dt.date, only: str | None = None) -> dict[str, list[dict]]:
    tables: dict[str, list[dict]] = {name: [] for name in TABLES}
    organizations: dict[str, str] = {}
    for plan in plans(ruleset, only):
        for contact in plan.contacts.values():
            org_id = organizations.get(contact.organization)
            if org_id is None:
                org_id = organizations[contact.organization] = uid("organization", contact.organization)
                tables["organizations"].append(_organization(org_id, contact, plan))
            _service(tables, plan, contact, org_id, today)
    return tables


def _organization(org_id: str, contact: Contact, plan: Plan) -> dict:
    # `description` is required by HSDS; the plans describe windows, not organisations, so it
    # says only where the organisation is named
    return {"id": org_id, "name": contact.organization,
            "description": f"{plan.municipality.plan}に窓口の記載がある組織"}


def _service(tables: dict[str, list[dict]], plan: Plan, c: Contact, org_id: str, today: dt.date) -> None:
    sid = uid("service", c.id)
    service = {"id": sid, "organization_id": org_id, "name": c.window, "status": _status(c, today)}
    if c.notes:
        service["description"] = c.notes
    if c.last_verified:
        service["assured_date"] = c.last_verified.isoformat()
    service[EXTENSION] = _extension(plan, c)
    tables["services"].append(service)
    if c.department:
        tables["contacts"].append({"id": uid("contact", c.id), "service_id": sid, "department": c.department})
    if c.phone:
        tables["phones"].append({"id": uid("phone", c.id), "service_id": sid, "number": c.phone, "type": "voice"})
    if c.hours:
        tables["schedules"].append({"id": uid("schedule", c.id), "service_id": sid, "description": c.hours})
    for i, slot in enumerate(c.availability):
        tables["schedules"].append(_schedule(uid("schedule", f"{c.id}:{i}"), sid, slot))
    if c.address:
        _location(tables, c, sid, org_id)


def _schedule(schedule_id: str, sid: str, slot: Slot) -> dict:
    """One opening time as an RFC 5545-style schedule in Japan's time zone (UTC+9)."""
    days = [RRULE_DAYS[d] for d in slot.weekdays]
    byday = ",".join(f"{w}{d}" for w in slot.weeks for d in days) if slot.weeks else ",".join(days)
    row = {"id": schedule_id, "service_id": sid, "freq": "MONTHLY" if slot.weeks else "WEEKLY", "byday": byday,
           "opens_at": f"{slot.opens:%H:%M}{JST}", "closes_at": f"{slot.closes:%H:%M}{JST}", "timezone": 9}
    if slot.note:
        row["notes"] = slot.note
    return row


def _status(c: Contact, today: dt.date) -> str:
    return "inactive" if c.valid_until and c.valid_until < today else "active"


def _extension(plan: Plan, c: Contact) -> dict:
    m = plan.municipality
    ext = {"contact_id": c.id,
           "municipality": {"id": m.id, "name": m.name, "prefecture": m.prefecture, "plan": m.plan, "seed": m.seed},
           "source": {k: v for k, v in (("file", c.source.file), ("section", c.source.section),
                                        ("quote", c.source.quote)) if v}}
    roles = [role for role, cid in (("fallback", m.fallback), ("general_window", m.general_window)) if cid == c.id]
    if roles:
        ext["roles"] = roles
    for key in ("verified_by", "valid_from", "valid_until"):
        value = getattr(c, key)
        if value:
            ext[key] = value.isoformat() if isinstance(value, dt.date) else value
    return ext


def _location(tables: dict[str, list[dict]], c: Contact, sid: str, org_id: str) -> None:
    lid = uid("location", c.id)
    location = {"id": lid, "location_type": "physical", "organization_id": org_id, "name": c.window}
    parts = ADDRESS.match(c.address)
    if parts:
        postal, state, city, rest = parts.groups()
        tables["addresses"].append({"id": uid("address", c.id), "location_id": lid, "address_1": rest, "city": city,
                                    "state_province": state, "postal_code": postal, "country": "JP",
                                    "address_type": "physical"})
    else:  # not in the 〒 form: kept whole, as the location's description
        location["description"] = c.address
    tables["locations"].append(location)
    tables["service_at_location"].append({"id": uid("service_at_location", c.id), "service_id": sid,
                                          "location_id": lid})


def write(tables: dict[str, list[dict]], out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TABLES:
        path = out_dir / f"{name}.json"
        path.write_text(json.dumps(tables[name], ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written


# ---- back: an HSDS package → contact fields ------------------------------------------------


class ReadError(ValueError):
    pass


def read(folder: Path) -> dict[str, list[dict]]:
    """The tables of a package folder; services.json is required, the others may be missing."""
    if not (folder / "services.json").is_file():
        raise ReadError("services.json がありません")
    tables = {}
    for name in TABLES:
        path = folder / f"{name}.json"
        try:
            rows = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else []
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise ReadError(f"{path.name}: {type(exc).__name__}") from exc
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise ReadError(f"{path.name}: 配列（[...]）ではありません")
        tables[name] = rows
    return tables


def contacts(tables: dict[str, list[dict]], mid: str) -> tuple[list[dict], dict]:
    """Contact fields (as `navigator new` writes them) and what is known of the municipality."""
    orgs = {o.get("id"): o.get("name") for o in tables["organizations"]}
    by_service = {name: _index(tables[name], "service_id") for name in ("contacts", "phones", "schedules")}
    locations = {loc.get("id"): loc for loc in tables["locations"]}
    addresses = _index(tables["addresses"], "location_id")
    at = _index(tables["service_at_location"], "service_id")
    found, municipality = [], {}
    services = tables["services"]
    mine = [s for s in services if _ext(s).get("municipality", {}).get("id") == mid]
    for n, s in enumerate(mine or services, start=1):   # a package of several cities: only `mid`'s
        ext = _ext(s)
        sid = s.get("id", "")
        contact = {
            "id": _contact_id(ext, mid, n),
            "window": s.get("name"), "department": _first(by_service["contacts"], sid, "department"),
            "organization": orgs.get(s.get("organization_id")),
            "phone": _first(by_service["phones"], sid, "number"),
            "address": _address(at.get(sid, []), locations, addresses),
            "hours": _first(by_service["schedules"], sid, "description"),
            "availability": [a for a in map(_slot, by_service["schedules"].get(sid, [])) if a],
            "notes": s.get("description"),
            "source": ext.get("source") or {},
            "last_verified": s.get("assured_date"),
        }
        for key in ("verified_by", "valid_from", "valid_until"):
            contact[key] = ext.get(key)
        if mine:   # navigator's own export of this municipality: its block and windows' roles too
            for role in ext.get("roles", []):
                municipality[role] = contact["id"]
            municipality.update({k: v for k, v in ext.get("municipality", {}).items() if k != "id" and v})
        found.append(contact)
    return found, municipality


def _slot(row: dict) -> dict | None:
    """A schedule with weekdays and times → an `availability` entry; None for a text-only one."""
    import re

    parts = re.findall(r"(\d?)(MO|TU|WE|TH|FR|SA|SU)", str(row.get("byday") or ""))
    times = [re.match(r"(\d{2}:\d{2})", str(row.get(k) or "")) for k in ("opens_at", "closes_at")]
    if not parts or not all(times):
        return None
    slot = {"days": "".join(dict.fromkeys(WEEKDAYS[RRULE_DAYS.index(d)] for _, d in parts))}
    weeks = {int(w) for w, _ in parts if w}
    if len(weeks) == 1:
        slot["week"] = weeks.pop()
    slot.update(opens=times[0][1], closes=times[1][1])
    if row.get("notes"):
        slot["note"] = row["notes"]
    return slot


def _contact_id(ext: dict, mid: str, n: int) -> str:
    """navigator's id when the package has it (re-prefixed for another municipality), else mid-NN."""
    cid, origin = ext.get("contact_id"), ext.get("municipality", {}).get("id")
    if not isinstance(cid, str) or not cid:
        return f"{mid}-{n:02d}"
    if origin and origin != mid and cid.startswith(f"{origin}-"):
        return f"{mid}-{cid[len(origin) + 1:]}"
    return cid


def _ext(service: dict) -> dict:
    ext = service.get(EXTENSION)
    return ext if isinstance(ext, dict) else {}


def _index(rows: list[dict], key: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for row in rows:
        out.setdefault(row.get(key), []).append(row)
    return out


def _first(index: dict[str, list[dict]], sid: str, key: str):
    return next((r.get(key) for r in index.get(sid, []) if r.get(key)), None)


def _address(links: list[dict], locations: dict, addresses: dict) -> str | None:
    for link in links:
        location = locations.get(link.get("location_id"), {})
        for a in addresses.get(location.get("id"), []):
            return f"〒{a.get('postal_code')} {a.get('state_province')}{a.get('city')}{a.get('address_1')}"
        if location.get("description"):
            return location["description"]
    return None
