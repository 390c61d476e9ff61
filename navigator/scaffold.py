"""`navigator new ID`: the rule, contact and scenario files of a municipality not shipped yet.

With --from-hsds or --from-ds451 the windows come from data the city already publishes
(contacts only). Rules are never imported: each must cite the municipality's own plan, so the
rules list starts empty with a comment saying so. What is not known (name, plan, fallback …) is
left empty, and `navigator check` then names each missing item in Japanese, at its line.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from .edit import scalar
from .messages import CodedError
from .files.spec import ID_PATTERN

END = ("\n# ファイルの終わりの印です。途中で切れたファイルを見分けるので、消さずに最後の行にしておいてください。\n"
       "end: true\n")
MUNICIPALITY_KEYS = ("name", "prefecture", "plan", "seed")
CONTACT_KEYS = ("window", "department", "organization", "phone", "address", "hours", "notes")
DATE_KEYS = ("valid_from", "valid_until", "last_verified", "verified_by")


class ScaffoldError(CodedError):
    """The scaffold cannot be written as asked."""


@dataclass(frozen=True)
class Made:
    paths: list[Path]
    missing: list[str]        # what the person still has to fill in


def new(mid: str, rules_dir: Path, contacts_dir: Path, scenarios_dir: Path, contacts: list[dict],
        municipality: dict, today: dt.date, origin: str | None = None) -> Made:
    if not ID_PATTERN.match(mid):
        raise ScaffoldError("NAV-C626", mid=mid)
    targets = [rules_dir / f"{mid}.yaml", contacts_dir / f"{mid}.yaml", scenarios_dir / f"{mid}.yaml"]
    for path in targets:
        if path.exists():
            raise ScaffoldError("NAV-C625", mid=mid, path=path)
    ids = [c["id"] for c in contacts]
    block = {k: municipality.get(k) for k in MUNICIPALITY_KEYS}
    fallback = municipality.get("fallback") if municipality.get("fallback") in ids else None
    general = municipality.get("general_window") if municipality.get("general_window") in ids else None
    texts = [rules_text(mid, block, fallback, general, today, origin), contacts_text(mid, contacts, origin),
             scenarios_text(mid, fallback)]
    for path, text in zip(targets, texts):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    missing = [k for k, v in block.items() if not v] + ([] if fallback else ["fallback"])
    missing += [] if contacts else ["contacts"]
    return Made(targets, missing)


def rules_text(mid: str, block: dict, fallback: str | None, general: str | None, today: dt.date,
               origin: str | None) -> str:
    lines = ["# yaml-language-server: $schema=../schema/rules.schema.json",
             f"# {block.get('name') or mid} のルール。navigator new で作った雛形です（{today.isoformat()}"
             + (f"、窓口は {origin} から" if origin else "") + "）。",
             "# 空の項目（null）を埋めてください。navigator check が足りないものを行番号つきで示します。",
             "municipality:", f"  id: {mid}"]
    lines += [f"  {key}: {scalar(block.get(key))}" for key in MUNICIPALITY_KEYS]
    if general:
        lines.append(f"  general_window: {general}")
    lines.append(f"  fallback: {scalar(fallback)}   # 相談先が決まらないときの窓口（計画の総合相談窓口など）の id")
    lines += ["",
              "# ルールは取り込みません。1 件ずつ、この市町村の地域福祉計画の文を出典（source: file・section・",
              "# quote）にして書いてください。書き方は docs/format.md と docs/editing-rules.md。",
              "rules: []"]
    return "\n".join(lines) + "\n" + END


def contacts_text(mid: str, contacts: list[dict], origin: str | None) -> str:
    lines = ["# yaml-language-server: $schema=../schema/contacts.schema.json",
             "# 窓口。" + (f"{origin} から取り込みました。" if origin else "")
             + "出典（source）のないものは、計画の文を確かめて足してください。",
             f"municipality: {mid}"]
    if not contacts:
        lines.append("contacts: []")
    else:
        lines.append("contacts:")
        for c in contacts:
            lines += _contact_lines(c) + [""]
        lines.pop()
    return "\n".join(lines) + "\n" + END


def _contact_lines(c: dict) -> list[str]:
    lines = [f"  - id: {c['id']}"]
    lines += [f"    {key}: {scalar(c.get(key), None, key)}" for key in CONTACT_KEYS]
    source = {k: v for k, v in (c.get("source") or {}).items() if v}
    if source:
        lines.append("    source:")
        lines += [f"      {key}: {scalar(source[key])}" for key in ("file", "section", "quote") if key in source]
    else:
        lines.append("    source: {file: null, section: null}   # 計画のファイル名と節を書いてください")
    lines += [f"    {key}: {scalar(c[key])}" for key in DATE_KEYS if c.get(key)]
    if c.get("availability"):
        lines.append("    availability:")
        lines += ["      - {" + ", ".join(f"{k}: {_flow(k, v)}" for k, v in slot.items()) + "}"
                  for slot in c["availability"]]
    return lines


def _flow(key: str, value) -> str:
    """A value inside a flow mapping: times quoted (unquoted 13:00 is a number in YAML 1.1)."""
    if key in ("opens", "closes"):
        return f'"{value}"'
    if isinstance(value, int):
        return str(value)
    text = scalar(value)
    return text if not any(ch in text for ch in ",{}[]") else json.dumps(str(value), ensure_ascii=False)


def scenarios_text(mid: str, fallback: str | None) -> str:
    lines = [f"# {mid} の相談例。ルールを足したら、住民の言葉と行き先の窓口をここに書いてください。",
             f"municipality: {mid}", "scenarios:"]
    if fallback:  # true by construction: with no rule, every consultation goes to the fallback
        lines += ["  - name: どこに相談すればよいかわからない", "    concerns: [unsure]",
                  "    expect:", "      top: 1", f"      contacts: [{fallback}]"]
    else:
        lines[-1] = "scenarios: []"
    return "\n".join(lines) + "\n"
