"""地域でできること: what residents, neighbours and 民生委員 can do for a concern, in the plan's
own words (community/<municipality>.yaml, kept apart from the rules so editing one never
touches the other). Each entry quotes its seed verbatim; tests compare every quote with it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import SequenceNode

NONE_IN_PLAN = "計画には、この相談について地域でできることの記載が見つかりません。"


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


class Items(list):
    """The entries of a community folder, and which files were read (by municipality) or not
    (by file name stem), so that an absence can be told truthfully."""

    def __init__(self, items=(), read=(), unreadable=()):
        super().__init__(items)
        self.read, self.unreadable = frozenset(read), frozenset(unreadable)


class ByConcern(dict):
    """{concern: [items]} for one municipality, with the sentence for a concern that has none."""

    def __init__(self, found=(), absent: str = NONE_IN_PLAN):
        super().__init__(found)
        self.absent = absent


def files_in_use(rules_dir: Path, municipalities) -> list[Path]:
    """The community files the screens would read for these rules: all of those beside the rules
    folder, or of the shipped ones only those of municipalities these rules have."""
    folder = community_dir(rules_dir)
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if folder != Path(rules_dir).parent / "community":
        files = [f for f in files if f.stem in set(municipalities)]
    return files


def load_items(folder: Path) -> Items:
    """Every entry of every file; a missing folder or a broken file gives none (nothing of the
    routing depends on it, so it never blocks a consultation) but is remembered as unread."""
    items, read, unreadable = [], set(), set()
    for path in sorted(Path(folder).glob("*.yaml")) if Path(folder).is_dir() else []:
        try:
            mid, entries = _entries(path)
            items.extend(entries)
            read.add(mid)
        except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError, UnicodeDecodeError):
            unreadable.add(path.stem)
    return Items(items, read, unreadable)


def _entries(path: Path) -> tuple[str, list[CommunityItem]]:
    """One file's entries, all or none (a half-read file would hide what the plan says)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if list(data)[-1:] != ["end"] or data["end"] is not True:  # cut short: its last entries are lost
        raise ValueError(path)
    mid = str(data["municipality"])
    found = []
    for entry in data["community"] or []:
        source, concerns = entry["source"], entry["concerns"]
        if not isinstance(concerns, list) or not str(entry["quote"]).strip():
            raise ValueError(path)
        found.append(CommunityItem(mid, tuple(map(str, concerns)), str(entry["quote"]),
                                   str(source["file"]), str(source["section"])))
    return mid, found


def for_municipality(items: list[CommunityItem], municipality: str) -> ByConcern:
    """{concern: [items]} for one municipality, in the file's order; `.absent` says truthfully why
    a concern shows nothing: the plan has nothing, the file could not be read, or there is none."""
    found: dict[str, list[CommunityItem]] = {}
    for item in items:
        if item.municipality == municipality:
            for concern in item.concerns:
                found.setdefault(concern, []).append(item)
    if municipality in getattr(items, "unreadable", ()):
        return ByConcern(found, f"地域でできることのファイル（{municipality}.yaml）を読み込めませんでした。"
                                "計画に記載があるかどうかは確かめられていません。")
    if municipality not in getattr(items, "read", {i.municipality for i in items}):
        return ByConcern(found, "この市町村の地域でできることは、まだ計画から書き写されていません。")
    return ByConcern(found)


def gather(community, concerns) -> tuple[list[tuple[str, CommunityItem]], list[str]]:
    """(concern, item) for these concerns in order, each quote once, and the concerns with none."""
    found, missing, seen = [], [], set()
    for concern in concerns:
        items = community.get(concern, ())
        if not items:
            missing.append(concern)
        for item in items:
            if item.quote not in seen:
                seen.add(item.quote)
                found.append((concern, item))
    return found, missing


def absent(community) -> str:
    """The sentence to show where nothing is found (a plain dict: the plan has nothing)."""
    return getattr(community, "absent", NONE_IN_PLAN)


# ---- navigator check: the files' shape (the quotes themselves: navigator check --plans) ---------


def check_files(paths: list[Path], concerns: set[str], shown=str) -> list:
    """Problems of these community files, at their line: a file the screen would skip as unreadable,
    a concern id that would never show, a municipality that is not the file's name."""
    from .files.compose import compose_file
    from .files.document import top_keys
    from .files.spec import END, Key, Shape
    from .files.yamlnodes import Reader
    from .messages import Both

    shape = Shape(Both("地域でできることのファイル", "a community file"),
                  (Key("municipality", "id", True), Key("community", "list", True), END))
    problems: list = []
    for path in paths:
        r = Reader(shown(path), problems)
        root = compose_file(str(path), r.path, problems)
        top = top_keys(r, root, shape) if root is not None else None
        if top is None:
            continue
        mid = r.text(top["municipality"], "the municipality")
        if mid is not None and mid != path.stem:
            r.report(top["municipality"], "NAV-E307", id=mid, mid=path.stem)
        entries = top["community"]
        if isinstance(entries, SequenceNode) or r.scalar(entries) is not None:
            for entry in r.items(entries, Both("地域でできることの一覧（community）", "community")):
                _check_entry(r, entry, concerns, Both(f"地域でできること（{path.name}）の", f"{path.name}: "))
    return problems


def _check_entry(r, node, concerns: set[str], owner) -> None:
    from .messages import Both, suggest

    fields = r.fields(node, Both("地域でできることの項目", "a community entry"), ("concerns", "quote", "source"))
    if fields is None:
        return
    for concern_node in (r.items(fields["concerns"], "concerns") if "concerns" in fields else ()):
        concern = r.text(concern_node, "concern id")
        if concern is not None and concern not in concerns:
            r.report(concern_node, "NAV-E304", owner=owner, concern=concern, suggestion=suggest(concern, sorted(concerns)))
    if "quote" in fields:
        r.text(fields["quote"], "quote")
    if "source" in fields:
        source = r.fields(fields["source"], "a source", ("file", "section"))
        for key in ("file", "section"):
            if source is not None and key in source:
                r.text(source[key], f"source {key}")
