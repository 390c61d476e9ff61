"""地域でできること: what residents, neighbours and 民生委員 can do for a concern, in the plan's
own words (community/<municipality>.yaml, kept apart from the rules so editing one never
touches the other). Each entry quotes its seed verbatim; tests compare every quote with it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class CommunityItem:
    municipality: str
    concerns: tuple[str, ...]
    quote: str
    file: str
    section: str


def community_dir(rules_dir: Path) -> Path:
    """community/ beside the rules folder in use (a city's own repository), else the shipped one."""
    beside = Path(rules_dir).parent / "community"
    if beside.is_dir():
        return beside
    from .shipped import shipped

    return shipped("community")


def load_items(folder: Path) -> list[CommunityItem]:
    """Every entry of every file; a missing folder or a broken file gives none (nothing of the
    routing depends on it, so it never blocks a consultation)."""
    items: list[CommunityItem] = []
    for path in sorted(Path(folder).glob("*.yaml")) if Path(folder).is_dir() else []:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            mid = str(data["municipality"])
            for entry in data.get("community") or []:
                source = entry["source"]
                items.append(CommunityItem(mid, tuple(map(str, entry["concerns"])), str(entry["quote"]),
                                           str(source["file"]), str(source["section"])))
        except (OSError, yaml.YAMLError, KeyError, TypeError, UnicodeDecodeError):
            continue
    return items


def for_municipality(items: list[CommunityItem], municipality: str) -> dict[str, list[CommunityItem]]:
    """{concern: [items]} for one municipality, in the file's order."""
    found: dict[str, list[CommunityItem]] = {}
    for item in items:
        if item.municipality == municipality:
            for concern in item.concerns:
                found.setdefault(concern, []).append(item)
    return found
