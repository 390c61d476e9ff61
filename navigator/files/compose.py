"""YAML composed safely: size, line, alias, anchor, depth and node limits, and syntax errors as
Problems with the line where the mistake is (files/yamlsyntax.py)."""

from __future__ import annotations

import os
import re
import stat

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from ..problems import Problem
from .yamlsyntax import syntax_problem

try:  # libyaml is several times faster and keeps the same marks
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader

# Limits for hostile or broken files (see SECURITY.md). The shipped files are far below them:
# at most 50 kB, 450 characters a line, 1,600 nodes and 8 levels of nesting.
MAX_FILE_BYTES = 400_000     # 8 × the largest shipped file; a hostile one composes in ~1 s; refused before reading
MAX_LINE_CHARS = 5_000
MAX_NODES = 20_000
MAX_DEPTH = 40
# An anchor's & never follows a letter or digit in a file that composes (after a plain scalar or
# a tag it is part of them; after an alias it is an error): only another & is worth the events.
_POSSIBLE_ANCHOR = re.compile(r"(?<![0-9A-Za-z])&")


def compose_file(path: str, shown_as: str, problems: list[Problem]) -> Node | None:
    """Read and compose one YAML file; report size, syntax, alias and depth problems."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            problems.append(Problem.coded("NAV-E001", (shown_as, 1, 1)))
            return None
        if info.st_size > MAX_FILE_BYTES:
            problems.append(Problem.coded("NAV-E002", (shown_as, 1, 1), size=info.st_size, limit=MAX_FILE_BYTES))
            return None
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)  # the file may have grown since stat
        if len(raw) > MAX_FILE_BYTES:
            problems.append(Problem.coded("NAV-E002", (shown_as, 1, 1), size=len(raw), limit=MAX_FILE_BYTES))
            return None
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(Problem.coded("NAV-E003", (shown_as, line, 1)))
        return None
    except OSError as exc:
        problems.append(Problem.coded("NAV-E004", (shown_as, 1, 1), reason=exc.strerror or exc))
        return None
    return compose_text(text, shown_as, problems)


def compose_text(text: str, shown_as: str, problems: list[Problem]) -> Node | None:
    long_line = _long_line(text)
    if long_line:
        line, length = long_line
        problems.append(Problem.coded("NAV-E005", (shown_as, line, MAX_LINE_CHARS + 1),
                                      length=length, limit=MAX_LINE_CHARS))
        return None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        problems.append(syntax_problem(exc, text, shown_as))
        return None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. a raw ESC
        line, col = _position(text, text.find(chr(exc.character)))
        problems.append(Problem.coded("NAV-E006", (shown_as, line, col), char=f"{exc.character:04X}"))
        return None
    except yaml.YAMLError as exc:
        problems.append(Problem.coded("NAV-E101", (shown_as, 1, 1), detail=exc))
        return None
    except RecursionError:  # only the pure-Python loader; libyaml stops at depth 1000 by itself
        problems.append(Problem.coded("NAV-E007", (shown_as, 1, 1), depth=MAX_DEPTH))
        return None
    if node is None:
        problems.append(Problem.coded("NAV-E008", (shown_as, 1, 1)))
        return None
    if not _shape_ok(node, shown_as, problems) or not _no_anchor(text, shown_as, problems):
        return None
    return node


def _no_anchor(text: str, shown_as: str, problems: list[Problem]) -> bool:
    """An anchor used by no alias composes to nothing visible; the format has none. Only a file
    with a '&' somewhere is parsed again for its events."""
    if _POSSIBLE_ANCHOR.search(text) is None:   # & in a URL's query (a=1&b=2) is no anchor
        return True
    for event in yaml.parse(text, Loader=_Loader):
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            mark = event.start_mark
            problems.append(Problem.coded("NAV-E231", (shown_as, mark.line + 1, mark.column + 1), anchor=anchor))
            return False
    return True


def _long_line(text: str) -> tuple[int, int] | None:
    """The first line longer than MAX_LINE_CHARS, as (line number, length)."""
    if len(text) <= MAX_LINE_CHARS:
        return None
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            return number, len(line)
    return None


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index (line 1, column 1 when unknown)."""
    if index < 0:
        return 1, 1
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


def _shape_ok(root: Node, shown_as: str, problems: list[Problem]) -> bool:
    """Refuse aliases (which can multiply a small file into a huge one), deep nesting and
    more nodes than any real file needs."""
    seen: set[int] = set()
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        mark = node.start_mark
        if id(node) in seen:
            problems.append(Problem.coded("NAV-E009", (shown_as, mark.line + 1, mark.column + 1)))
            return False
        seen.add(id(node))
        if depth > MAX_DEPTH:
            problems.append(Problem.coded("NAV-E007", (shown_as, mark.line + 1, mark.column + 1),
                                          depth=MAX_DEPTH))
            return False
        if len(seen) > MAX_NODES:
            problems.append(Problem.coded("NAV-E010", (shown_as, mark.line + 1, mark.column + 1),
                                          limit=MAX_NODES))
            return False
        if isinstance(node, SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))
    return True
