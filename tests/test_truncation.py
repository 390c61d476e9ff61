"""A file cut off or saved half-way is refused, never adopted: every rule and contact file ends
with `end: true`. Without it, 545 of the shipped files' line prefixes were valid YAML that loaded
with rules (three with emergency lines) silently missing (red-team B3)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from navigator.files.document import END_LINE
from navigator.loading import SHARED_FILES, load
from conftest import ROOT

SHARED = {Path(n).stem for n in SHARED_FILES}   # in rules/, loaded with any municipality
SHIPPED = sorted(str(p.relative_to(ROOT)) for d in ("rules", "contacts") for p in (ROOT / d).glob("*.yaml"))


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("truncation")
    for folder in ("rules", "contacts"):
        shutil.copytree(ROOT / folder, target / folder)
    return target


def refused(copy: Path, name: str, data: bytes) -> list:
    """The problems of loading the copy with `name` replaced by `data` (the file is put back)."""
    path, original = copy / name, (ROOT / name).read_bytes()
    mid = path.stem if name.startswith(("contacts/", "rules/")) and path.stem not in SHARED else "asaka"
    path.write_bytes(data)
    try:
        loaded = load(copy / "rules", copy / "contacts", only=[mid])
    finally:
        path.write_bytes(original)
    return [] if loaded.ok else loaded.problems


@pytest.mark.parametrize("name", SHIPPED)
def test_every_line_prefix_of_a_shipped_file_is_refused(copy, name):
    lines = (ROOT / name).read_bytes().splitlines(keepends=True)
    assert lines[-1].rstrip() == END_LINE.encode(), f"{name} must end with {END_LINE}"
    silent = []
    for count in range(len(lines) - 1):  # every prefix that lacks the last line
        problems = refused(copy, name, b"".join(lines[:count]))
        if not problems or any(p.line < 1 for p in problems):
            silent.append(count)
    assert silent == [], f"{name}: prefixes of these many lines were accepted: {silent[:10]}"


def test_a_cut_inside_the_end_line_is_refused(copy):
    data = (ROOT / "rules" / "asaka.yaml").read_bytes()
    for cut in range(1, len(END_LINE) + 1):
        assert refused(copy, "rules/asaka.yaml", data[:-cut - 1]), cut


def test_missing_end_names_the_file_and_its_last_line(copy):
    data = (ROOT / "rules" / "asaka.yaml").read_bytes()
    kept = data[:data.index(b"\n  - id: asaka-unsure-houkatsu")] + b"\n"
    problems = refused(copy, "rules/asaka.yaml", kept)
    assert [p.message[:24] for p in problems] == ["ファイルの最後に「end: true」がありません。"[:24]]
    assert problems[0].path.endswith("rules/asaka.yaml") and problems[0].line == kept.count(b"\n")


def test_something_after_the_end_is_refused(copy):
    data = (ROOT / "contacts" / "asaka.yaml").read_bytes() + b"contacts: []\n"
    problems = refused(copy, "contacts/asaka.yaml", data)
    assert any("の後ろに" in p.message for p in problems)


def test_end_must_be_true(copy):
    data = (ROOT / "rules" / "common.yaml").read_bytes().replace(b"\nend: true", b"\nend: false")
    assert any("end の値は true" in p.message for p in refused(copy, "rules/common.yaml", data))
