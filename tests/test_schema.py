"""The JSON Schemas editors use accept every shipped file and reject what the loader rejects."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from navigator.loading import load
from conftest import MINI, ROOT
from test_loading import replace

SCHEMAS = ROOT / "schema"


def schema_for(path: Path) -> str:
    if path.parent.name in ("danger_sentences", "examples"):
        return f"{path.parent.name}.schema.json"
    if path.name in ("common.yaml", "danger.yaml", "danger_examples.yaml"):
        return f"{path.stem}.schema.json"
    return "contacts.schema.json" if path.parent.name == "contacts" else "rules.schema.json"


def validator(name: str):
    return jsonschema.Draft202012Validator(json.loads((SCHEMAS / name).read_text(encoding="utf-8")))


def as_json(value):
    """YAML dates become the strings an editor's YAML-to-JSON step would see."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def errors(path: Path) -> list[str]:
    data = as_json(yaml.safe_load(path.read_text(encoding="utf-8")))
    return [e.message for e in validator(schema_for(path)).iter_errors(data)]


SHIPPED = (sorted((ROOT / "rules").glob("*.yaml")) + sorted((ROOT / "rules" / "danger_sentences").glob("*.yaml"))
           + sorted((ROOT / "rules" / "examples").glob("*.yaml"))
           + sorted((ROOT / "contacts").glob("*.yaml")))


def test_schemas_are_valid_schemas():
    for path in SCHEMAS.glob("*.json"):
        jsonschema.Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", SHIPPED + sorted(MINI.rglob("*.yaml")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_schema_accepts_the_files_the_loader_accepts(path):
    assert errors(path) == []


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_shipped_files_point_editors_at_their_schema(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    up = "../" * len(path.relative_to(ROOT).parts[1:])   # rules/x.yaml: ../; rules/danger_sentences/x.yaml: ../../
    assert first == f"# yaml-language-server: $schema={up}schema/{schema_for(path)}"


BROKEN = [
    ("rules/village.yaml", "    refer: [village-office]", "    refers: [village-office]"),      # unknown key
    ("rules/village.yaml", "priority: 10", "priority: high"),                                   # wrong type
    ("rules/village.yaml", "priority: 10", "priority: 0"),                                      # out of range
    ("contacts/village.yaml", "    window: 村役場\n", ""),                                      # missing field
    ("rules/common.yaml", '{value: "yes", label: はい}', "{value: yes, label: はい}"),          # yes is a boolean
    ("rules/town.yaml", "when: {answer: {who: child}}",
     "when: {answer: {who: child}, concern: abuse}"),                                           # two keys
    ("rules/town.yaml", "  - id: town-poverty", "  - id: Town Poverty"),                        # bad id
    ("contacts/town.yaml", "    organization: 町\n    phone:", "    organization: [町]\n    phone:"),  # list
]


@pytest.mark.parametrize("file, old, new", BROKEN, ids=[b[2].strip()[:24] for b in BROKEN])
def test_schema_rejects_what_the_loader_rejects(mini, file, old, new):
    replace(mini / file, old, new)
    assert not load(mini / "rules", mini / "contacts").ok
    assert errors(mini / file), f"the schema accepts a broken {file}"


def test_schemas_and_format_tables_are_generated_from_the_spec():
    """schema/*.json and docs/format.md's key tables are built from navigator/files/spec.py,
    which the readers use; an edit to either side alone fails here."""
    from navigator.files import schema

    stale = [str(p.relative_to(ROOT)) for p in schema.stale(ROOT)]
    assert stale == [], f"{stale} differ from navigator/files/spec.py: run `navigator schema --write`"


def test_the_drift_check_sees_an_edited_schema(tmp_path):
    from navigator.files import schema

    for path, text in schema.outputs(ROOT).items():
        target = tmp_path / path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    assert schema.stale(tmp_path) == []
    rules = tmp_path / "schema" / "rules.schema.json"
    rules.write_text(rules.read_text(encoding="utf-8").replace('"maximum": 999', '"maximum": 99'), encoding="utf-8")
    assert schema.stale(tmp_path) == [rules]


def test_every_reader_key_is_in_the_spec():
    """The readers take their keys from the spec: a key the loader reads is in the schema."""
    from navigator.files import spec

    rules = json.loads((SCHEMAS / "rules.schema.json").read_text(encoding="utf-8"))
    rule = rules["properties"]["rules"]["items"]["properties"]
    assert tuple(rule) == spec.RULE.names
    contact = json.loads((SCHEMAS / "contacts.schema.json").read_text(encoding="utf-8"))
    assert tuple(contact["properties"]["contacts"]["items"]["properties"]) == spec.CONTACT.names
