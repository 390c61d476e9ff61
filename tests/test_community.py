"""地域でできること: every entry quotes its plan verbatim, inside the section it names."""

from __future__ import annotations

import os
import re

import pytest

from navigator.community import community_dir, for_municipality, load_items
from conftest import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
ITEMS = load_items(community_dir(ROOT / "rules"))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    if not SEEDS.is_dir():
        message = f"quotes not checked against the plans: put shared/ beside the checkout ({SEEDS} not found)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}


def test_community_entries_ship_for_asaka(shipped):
    asaka = for_municipality(ITEMS, "asaka")
    assert len(ITEMS) >= 10 and {"abuse", "dv", "care", "employment", "poverty"} <= set(asaka)
    known = {c.id for c in shipped.common.concerns} | {"carer", "foreign", "mobility"}
    assert all(c in known for item in ITEMS for c in item.concerns)


@pytest.mark.parametrize("item", ITEMS, ids=[f"{i.municipality}:{i.quote[:12]}" for i in ITEMS])
def test_each_quote_stands_in_its_own_section(seeds, item):
    text = seeds[item.file]
    parts = item.section.split(" > ")
    assert all(squash(p) in squash(text) for p in parts), item.section
    heading = next(p for p in parts if p.startswith("方向性"))
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if squash(line) == squash(heading))
    end = next((i for i in range(start + 1, len(lines)) if re.match(r"^(方向性（|基本目標\d)", lines[i])), len(lines))
    block = squash("\n".join(lines[start:end]))
    assert squash(item.quote) in block, f"not under {heading}: {item.quote}"
    assert squash("地域でできること") in block and squash("【市民ができること】") in block


def test_a_broken_community_file_never_blocks(tmp_path):
    (tmp_path / "community").mkdir()
    (tmp_path / "community" / "x.yaml").write_text("municipality: [\n", encoding="utf-8")
    (tmp_path / "rules").mkdir()
    assert load_items(community_dir(tmp_path / "rules")) == []
