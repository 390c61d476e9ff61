"""HSDS 3.0 and DS-451-4 exports (issue 17): the HSDS package validates against the official
schemas (vendored in tests/fixtures/hsds), and export → `navigator new` → export gives back the
same package."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from navigator.cli import main
from navigator.loading import SHARED_FILES
from navigator.export import ds451, hsds
from navigator.loading import load
from conftest import HERE, ROOT

TODAY = dt.date(2026, 12, 2)
SCHEMAS = HERE / "fixtures" / "hsds"


def _validators() -> dict[str, Draft202012Validator]:
    resources = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in SCHEMAS.glob("*.json")}
    registry = Registry().with_resources(
        (name, Resource.from_contents(schema, default_specification=DRAFT202012)) for name, schema in resources.items())
    return {table: Draft202012Validator(resources[f"{obj}.json"], registry=registry, format_checker=FormatChecker())
            for table, obj in hsds.SCHEMA_OF.items()}


VALIDATORS = _validators()


def _errors(tables) -> list[str]:
    return [f"{table}[{i}]: {e.message}" for table, rows in tables.items() for i, row in enumerate(rows)
            for e in VALIDATORS[table].iter_errors(row)]


def test_the_shipped_data_validates_against_the_official_hsds_schemas(shipped):
    tables = hsds.package(shipped, TODAY)
    assert len(tables["services"]) == sum(len(p.contacts) for p in shipped.plans.values())
    assert tables["phones"] and tables["addresses"] and tables["service_at_location"] and tables["schedules"]
    assert _errors(tables) == []
    ids = [row["id"] for rows in tables.values() for row in rows]
    assert len(ids) == len(set(ids))
    for service in tables["services"]:   # the plan citation travels with every entry
        assert service["navigator"]["source"]["file"].endswith(".txt")


def test_the_validation_can_fail(shipped):
    tables = hsds.package(shipped, TODAY, "isesaki")
    broken = {name: [dict(r) for r in rows] for name, rows in tables.items()}
    del broken["services"][0]["name"]
    broken["phones"][0]["id"] = "isesaki-phone"      # HSDS ids are UUIDs
    broken["addresses"][0].pop("postal_code")
    errors = _errors(broken)
    assert any("'name' is a required property" in e for e in errors)
    assert any("is not a 'uuid'" in e for e in errors)
    assert any("'postal_code' is a required property" in e for e in errors)


def test_assured_date_and_status_follow_the_dates(mini):
    path = mini / "contacts" / "town.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "    organization: 町社会福祉協議会\n", "    organization: 町社会福祉協議会\n    valid_until: 2026-03-31\n"
        "    last_verified: 2025-04-01\n")
    path.write_text(text, encoding="utf-8")
    ruleset = load(mini / "rules", mini / "contacts").ruleset
    service = next(s for s in hsds.package(ruleset, TODAY)["services"] if s["navigator"]["contact_id"] == "town-shakyo")
    assert (service["assured_date"], service["status"]) == ("2025-04-01", "inactive")
    assert service["navigator"]["valid_until"] == "2026-03-31"


def _fresh(tmp_path):
    """An empty rule folder with only the shared files, for `navigator new` to fill."""
    for folder in ("rules", "contacts"):
        (tmp_path / folder).mkdir(parents=True)
    for name in SHARED_FILES:
        shutil.copy(ROOT / "rules" / name, tmp_path / "rules" / name)
    return ["--rules", str(tmp_path / "rules"), "--contacts", str(tmp_path / "contacts")]


@pytest.mark.parametrize("mid", ["isesaki", "asaka"])
def test_hsds_round_trip_is_identical(tmp_path, mid, capsys):
    first, second = tmp_path / "first", tmp_path / "second"
    assert main(["export", "--format", "hsds", str(first), "-m", mid, "--today", "2026-12-02"]) == 0
    dirs = _fresh(tmp_path / "city")
    assert main(["new", mid, *dirs, "--from-hsds", str(first), "--scenarios", str(tmp_path / "city" / "scenarios")]) == 0
    loaded = load(tmp_path / "city" / "rules", tmp_path / "city" / "contacts")
    assert loaded.ok, loaded.problems
    assert main(["export", "--format", "hsds", str(second), *dirs, "-m", mid, "--today", "2026-12-02"]) == 0
    for name in hsds.TABLES:
        assert (second / f"{name}.json").read_bytes() == (first / f"{name}.json").read_bytes(), name
    # the scaffold's one scenario (no rule: everything goes to the fallback) passes
    assert main(["test", *dirs, str(tmp_path / "city" / "scenarios")]) == 0
    capsys.readouterr()


def test_ds451_round_trip_keeps_every_contact_column(tmp_path, shipped, capsys):
    first = tmp_path / "first.csv"
    assert main(["export", "--format", "ds451", str(first), "-m", "isesaki", "--today", "2026-12-02"]) == 0
    assert first.read_bytes().startswith("\ufeff制度所管組織,タイトル（制度名）,".encode("utf-8"))
    dirs = _fresh(tmp_path / "city")
    assert main(["new", "isesaki", *dirs, "--from-ds451", str(first), "--name", "伊勢崎市"]) == 0
    second = tmp_path / "second.csv"
    (tmp_path / "city" / "rules" / "isesaki.yaml").write_text(
        (ROOT / "rules" / "isesaki.yaml").read_text(encoding="utf-8"), encoding="utf-8")   # its rules, by hand
    assert main(["export", "--format", "ds451", str(second), *dirs, "-m", "isesaki"]) == 0
    assert second.read_bytes() == first.read_bytes()
    capsys.readouterr()


def test_ds451_columns_are_the_guides_and_rows_cite_their_source(shipped):
    assert len(ds451.COLUMNS) == 52 and len(set(ds451.HEADER)) == len(ds451.HEADER)
    for required in ("制度所管組織", "タイトル（制度名）", "概要", "内容", "連絡先情報"):
        assert required in ds451.COLUMNS
    table = ds451.rows(shipped)
    assert len(table) == sum(len(p.contacts) for p in shipped.plans.values())
    assert all(r["制度所管組織"] and r["タイトル（制度名）"] and r["出典ファイル"] for r in table)
    assert all(len(r["概要"]) <= 100 and len(r["内容"]) <= 500 for r in table)
    sodan = next(r for r in table if r["窓口ID"] == "asaka-fukushi-sodan")
    assert sodan["サービス種別"] == "相談" and "その他暮らしに関すること" in sodan["お困りごと"].split(";")
    assert ds451.summary("あ" * 120) == "あ" * 99 + "…"
    assert ds451.summary("短い文。" + "い" * 120) == "短い文。"


def test_new_without_data_fails_check_with_what_is_missing(tmp_path, capsys):
    dirs = _fresh(tmp_path)
    assert main(["new", "kawaguchi", *dirs, "--name", "川口市"]) == 0
    out = capsys.readouterr().out
    assert "まだ足りないもの: prefecture, plan, seed, fallback, contacts" in out
    rules = (tmp_path / "rules" / "kawaguchi.yaml").read_text(encoding="utf-8")
    assert "この市町村の地域福祉計画の文を出典" in rules and "rules: []" in rules
    assert main(["check", *dirs, "--no-plans"]) == 1
    shown = capsys.readouterr().out
    assert "kawaguchi.yaml" in shown and "[エラー]" in shown
    assert main(["new", "kawaguchi", *dirs]) == 2
    assert "市町村「kawaguchi」のファイルはもうあります" in capsys.readouterr().err
    assert main(["new", "川口", *dirs]) == 2
    assert "市町村の id「川口」は使えません" in capsys.readouterr().err


def test_new_from_a_foreign_hsds_package_numbers_its_windows(tmp_path, capsys):
    package = tmp_path / "pkg"
    package.mkdir()
    org = "0b6b4f8e-6a9a-4d0e-9d7a-1f2e3d4c5b6a"
    (package / "organizations.json").write_text(json.dumps([{"id": org, "name": "川口市", "description": "市"}]))
    (package / "services.json").write_text(json.dumps(
        [{"id": "5d1c2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "organization_id": org, "name": "福祉総合相談", "status": "active"}],
        ensure_ascii=False))
    dirs = _fresh(tmp_path / "city")
    assert main(["new", "kawaguchi", *dirs, "--from-hsds", str(package)]) == 0
    text = (tmp_path / "city" / "contacts" / "kawaguchi.yaml").read_text(encoding="utf-8")
    assert "  - id: kawaguchi-01\n    window: 福祉総合相談\n" in text and "organization: 川口市" in text
    assert "source: {file: null, section: null}" in text   # to be cited from the plan by hand
    assert main(["new", "other", *dirs, "--from-hsds", str(tmp_path / "nothing")]) == 2
    assert "services.json がありません" in capsys.readouterr().err
