"""The common edits to rule and contact files, made as small text edits.

A round trip through ruamel.yaml (0.19.1, measured on the shipped files) rewrote 7 of the 11
files even with nothing changed: `phone: null` became `phone:`, flow mappings inside lists were
re-bracketed, long keyword lists re-wrapped. So an edit here replaces only the characters of
the one value it changes (found from PyYAML's marks), or inserts or comments out whole lines;
every other byte, comment and blank line stays as it was. Each edit returns the new text; the
caller checks it (navigator check on a copy) before anything is written.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .files.spec import CONTACT_DATES, CONTACT_TEXT

# The contact fields the guided editor changes, in the order of the file format.
CONTACT_FIELDS = ("window", "department", "phone", "address", "hours", "notes") + CONTACT_DATES
FIELD_LABELS = {
    "window": "窓口名", "department": "担当課", "organization": "組織", "phone": "電話", "address": "住所",
    "hours": "受付時間", "notes": "説明", "valid_from": "有効開始日", "valid_until": "有効期限",
    "last_verified": "最終確認日",
}
KEY_ORDER = ("id", "window", "department", "organization") + CONTACT_TEXT[1:] + ("source",) + CONTACT_DATES + ("verified_by",)


class EditError(Exception):
    """The edit cannot be made as a small text edit (the file is not in the expected shape)."""


@dataclass(frozen=True)
class Item:
    """One list entry of a file: its id, its node and the node's key → value nodes."""

    id: str
    node: MappingNode
    values: dict[str, Node]
    keys: dict[str, ScalarNode]


def items(text: str, list_key: str) -> list[Item]:
    """The entries of the top-level list `list_key` ('contacts' or 'rules')."""
    root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(root, MappingNode):
        raise EditError("the file is not a mapping")
    seq = next((v for k, v in root.value if getattr(k, "value", None) == list_key), None)
    if not isinstance(seq, SequenceNode):
        raise EditError(f"no {list_key} list")
    found = []
    for node in seq.value:
        if isinstance(node, MappingNode):
            values = {k.value: v for k, v in node.value if isinstance(k, ScalarNode)}
            keys = {k.value: k for k, v in node.value if isinstance(k, ScalarNode)}
            ident = values.get("id")
            if isinstance(ident, ScalarNode):
                found.append(Item(ident.value, node, values, keys))
    return found


def find(text: str, list_key: str, ident: str) -> Item:
    for item in items(text, list_key):
        if item.id == ident:
            return item
    raise EditError(f"{ident} not found")


# ---- values as YAML text ------------------------------------------------------------------


def scalar(value, old: Node | None = None, key: str = "") -> str:
    """`value` written as YAML: null, a date, or text — plain where it reads back as the same
    text, else in double quotes; a value that was quoted stays quoted, and phones are quoted as
    in the shipped files."""
    if value is None or value == "":
        return "null"
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    quoted = (isinstance(old, ScalarNode) and old.style in ('"', "'")) or key == "phone"
    if not quoted and _plain_ok(text):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _plain_ok(text: str) -> bool:
    if text != text.strip() or "\n" in text or ": " in text or " #" in text or text.endswith(":"):
        return False
    if text[0] in "-?:,[]{}#&*!|>'\"%@`" or text.lower() in ("null", "true", "false", "yes", "no", "on", "off", "~"):
        return False
    try:
        return yaml.safe_load(f"k: {text}") == {"k": text}
    except yaml.YAMLError:
        return False


def date_value(text: str) -> dt.date | None:
    """A date typed as 2026-04-01 (also 2026/4/1); None for empty; ValueError otherwise."""
    text = text.strip()
    if not text:
        return None
    match = re.fullmatch(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})", text)
    if not match:
        raise ValueError(text)
    return dt.date(*map(int, match.groups()))


# ---- the edits ----------------------------------------------------------------------------


def set_fields(text: str, list_key: str, ident: str, changes: dict[str, object]) -> str:
    """Change some fields of one entry. An existing value is replaced in place (its characters
    only); a missing key is added on its own line, in the format's key order."""
    for key, value in changes.items():
        item = find(text, list_key, ident)
        old = item.values.get(key)
        if old is not None:
            if not isinstance(old, ScalarNode):
                raise EditError(f"{key} is not a single value")
            start, end = old.start_mark.index, old.end_mark.index
            if old.value == "" and old.tag.endswith(":null") and start == end:  # `key:` with nothing after
                start = end = item.keys[key].end_mark.index + 1
                text = text[:start] + " " + scalar(value, None, key) + text[end:]
                continue
            text = text[:start] + scalar(value, old, key) + text[end:]
        elif value not in (None, ""):
            text = _insert_key(text, item, key, scalar(value, None, key))
    return text


def _insert_key(text: str, item: Item, key: str, written: str) -> str:
    if item.node.flow_style:
        raise EditError("the entry is written on one line")
    column = item.keys["id"].start_mark.column
    order = [k for k in KEY_ORDER if k in item.values]
    before = [k for k in order if KEY_ORDER.index(k) < KEY_ORDER.index(key)] if key in KEY_ORDER else order
    after_key = before[-1] if before else "id"
    at = _line_end(text, _last_end(item.values[after_key]))
    return text[:at] + f"{' ' * column}{key}: {written}\n" + text[at:]


def _last_end(node: Node) -> int:
    """Where a value's own text ends. A block collection's end mark stands at the next token,
    past any blank lines and comments after it, so it is taken from its last value instead."""
    while isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, MappingNode) else last
    return node.end_mark.index


def _line_end(text: str, index: int) -> int:
    """The index just after the end of the line holding the character before `index`."""
    newline = text.find("\n", max(index - 1, 0))
    return len(text) if newline < 0 else newline + 1


def add_contact(text: str, fields: dict[str, object], source: dict[str, str]) -> str:
    """A new contact after the last one, in the same indentation as the others."""
    existing = items(text, "contacts")
    if not existing:
        raise EditError("no contact to follow")
    last = existing[-1]
    column = last.keys["id"].start_mark.column
    pad = " " * column
    lines = [f"{' ' * (column - 2)}- id: {fields['id']}"]
    for key in ("window", "department", "organization") + CONTACT_TEXT[1:]:
        lines.append(f"{pad}{key}: {scalar(fields.get(key), None, key)}")
    lines.append(f"{pad}source:")
    for key in ("file", "section", "quote"):
        if source.get(key):
            lines.append(f"{pad}  {key}: {scalar(source[key])}")
    for key in CONTACT_DATES:
        if fields.get(key):
            lines.append(f"{pad}{key}: {scalar(fields[key])}")
    at = _line_end(text, _last_end(last.node))
    return text[:at] + "\n" + "\n".join(lines) + "\n" + text[at:]


def retire_rule(text: str, rule_id: str, today: dt.date | None = None) -> str:
    """Comment a rule's lines out under a dated note: it stops routing, and the lines stay in
    the file (and in its history) for whoever wants to bring it back."""
    item = find(text, "rules", rule_id)
    start = text.rfind("\n", 0, item.node.start_mark.index) + 1
    end = _line_end(text, _last_end(item.node))
    body = text[start:end]
    indent = " " * (len(body) - len(body.lstrip(" ")))
    note = f"{indent}# 廃止したルール（{(today or dt.date.today()).isoformat()}、navigator edit）:\n"
    commented = "".join(f"{indent}# {line[len(indent):]}" if line.strip() else line
                        for line in body.splitlines(keepends=True))
    return text[:start] + note + commented + text[end:]


def changed_lines(before: str, after: str) -> list[str]:
    """The edit as a person reads it: removed (-) and added (+) lines with their numbers."""
    import difflib

    out = []
    matcher = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines(), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        out += [f"- {n + 1:>4}: {line}" for n, line in enumerate(before.splitlines()[i1:i2], start=i1)]
        out += [f"+ {n + 1:>4}: {line}" for n, line in enumerate(after.splitlines()[j1:j2], start=j1)]
    return out


def write_atomically(path: Path, text: str) -> None:
    """Whole or not at all: a crash mid-write never leaves half a rule file."""
    folder = path.parent
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# ---- before saving: check, test and diff on a copy ----------------------------------------


@dataclass(frozen=True)
class Preview:
    """What saving `text` would do: the problems check finds, the scenarios that stop or start
    passing, and the consultations whose referrals change."""

    changed: list[str]
    problems: list            # errors and warnings of the municipality's files, errors first
    newly_failing: list[str]
    newly_passing: list[str]
    diff: str

    @property
    def ok(self) -> bool:
        return not any(p.level == "error" for p in self.problems)


def preview(rules_dir: Path, contacts_dir: Path, path: Path, text: str, municipality: str,
            today: dt.date | None = None, plans_dir: Path | None = None) -> Preview:
    """With `plans_dir`, the edited file's sections and quotes are also compared with the plan
    (check --plans): a citation that is not in the plan is an error, so it cannot be saved."""
    from .checks.diff import compare, render
    from .checks.lint import lint
    from .loading import load
    from .problems import ordered
    from .files.scenarios import load_scenarios, shipped_scenario_files

    with tempfile.TemporaryDirectory(prefix="navigator-edit-") as work:
        new_rules, new_contacts = Path(work) / "rules", Path(work) / "contacts"
        for source, target in ((rules_dir, new_rules), (contacts_dir, new_contacts)):
            target.mkdir()
            for name in os.listdir(source):
                if name.endswith(".yaml"):
                    (target / name).write_bytes((Path(source) / name).read_bytes())
        edited = (new_rules if path.parent.resolve() == Path(rules_dir).resolve() else new_contacts) / path.name
        edited.write_text(text, encoding="utf-8", newline="")
        before = load(rules_dir, contacts_dir)
        after = load(new_rules, new_contacts)
        problems = after.problems + (lint(after.ruleset, today) if after.ok else [])
        if plans_dir is not None and Path(plans_dir).is_dir():
            from .checks.quotes import check_plans
            problems += check_plans([edited], Path(plans_dir))
        mine = [p for p in problems if Path(p.path).stem in (municipality, "common")]
        shown_path = str(path)
        mine = [_shown_as(p, edited, shown_path) for p in mine]
    scenarios, _ = load_scenarios(shipped_scenario_files())
    scenarios = [s for s in scenarios if s.municipality == municipality]
    failing_before = _failing(before.ruleset, scenarios) if before.ok else set()
    failing_after = _failing(after.ruleset, scenarios) if after.ok else set()
    diff = render(compare(before.ruleset, after.ruleset, scenarios)) if before.ok and after.ok else ""
    return Preview(changed_lines(path.read_text(encoding="utf-8"), text), ordered(mine),
                   sorted(failing_after - failing_before), sorted(failing_before - failing_after), diff)


def _shown_as(problem, edited: Path, shown: str):
    """A problem of the copy named as the real file, so the person sees their own file's name."""
    from dataclasses import replace

    if Path(problem.path).name == edited.name and Path(problem.path).parent.name == edited.parent.name:
        return replace(problem, path=shown)
    return problem


def _failing(ruleset, scenarios) -> set[str]:
    from .checks.scenarios import run
    from .search import ConcernMatcher

    matcher = ConcernMatcher(ruleset.common.concerns)
    return {s.name for s in scenarios if not run(ruleset, matcher, s).passed}
