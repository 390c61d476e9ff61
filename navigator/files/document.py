"""What every file reader does: compose the file, check its top keys and its `end: true`, keep
ids unique, and show paths as a person would type them."""

from __future__ import annotations

import os
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode

from ..model import Origin
from ..problems import Problem
from .compose import compose_file, compose_text
from .spec import END, Shape
from .yamlnodes import Reader

END_KEY = END.name
END_LINE = f"{END_KEY}: true"


def shown(path: Path) -> str:
    """A path as a person would type it: relative to the working directory when below it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return relative if not relative.startswith("..") else str(path)


def compose(path: Path, shown: str, problems: list[Problem], texts: dict[Path, str]):
    """Compose the text the cache key was made from, so the key always matches what was
    parsed; without it (a file the cache could not read), the file, which reports why."""
    if path in texts:
        return compose_text(texts[path], shown, problems)
    return compose_file(str(path), shown, problems)


END_KEY = "end"
END_LINE = f"{END_KEY}: true"


def top_keys(r: Reader, root: Node, shape: Shape, refuse: bool = True) -> dict[str, Node] | None:
    """The top-level keys of a file, or None when the file is refused. Every rule and contact
    file ends with `end: true`: a file cut off or saved half-way is often still valid YAML (at
    a rule boundary), and without the end it would silently lose its last rules. Without its
    end a municipality's file is refused; common.yaml is still read (it is an error all the
    same), so that every municipality is not reported again for concerns it cannot find."""
    top = r.shaped(root, shape)
    if top is None or (not _ended(r, root, top) and refuse):
        return None
    top.pop(END_KEY, None)
    return top


def _ended(r: Reader, root: MappingNode, top: dict[str, Node]) -> bool:
    if END_KEY not in top:
        end = root.end_mark
        r.problems.append(Problem.coded("NAV-E017", (r.path, max(1, end.line + (1 if end.column else 0)), 1),
                                        end=END_LINE))
        return False
    last = root.value[-1][0]
    if not (isinstance(last, ScalarNode) and last.value == END_KEY):
        r.report(r.key_nodes[END_KEY], "NAV-E018", end=END_LINE, after=getattr(last, "value", "?"))
        return False
    if r.scalar(top[END_KEY]) is not True:
        r.report(top[END_KEY], "NAV-E019", key=END_KEY, end=END_LINE)
        return False
    return True


def kept(objs) -> list:
    return [o for o in objs if o is not None]


def unique(r: Reader, objs: list, kind: str) -> list:
    seen: dict[str, Origin] = {}
    kept = []
    for obj in objs:
        if obj.id in seen:
            r.problems.append(Problem.coded("NAV-E301", obj.origin, kind=kind, id=obj.id, first=seen[obj.id].line))
            continue
        seen[obj.id] = obj.origin
        kept.append(obj)
    return kept
