"""Line-aware YAML reading: compose nodes safely, then read typed fields with positions."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from . import messages
from .messages import suggest
from .model import Origin
from .problems import Problem
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
PROSE = ("quote", "reason", "notes", "note", "description")  # may span lines
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
# Keys of the mappings nested inside others, so a key written one level too far left is named
# as misplaced (a dedented `quote:` is not a misspelt `notes:`).
NESTED = {
    "source": ("file", "section", "quote"),
    "expect": ("top", "contacts", "emergency", "found"),
    "when": ("concern", "answer", "all", "any", "not"),
    "municipality": ("id", "name", "prefecture", "plan", "seed", "fallback", "general_window"),
}

_constructor = yaml.constructor.SafeConstructor()


def scalar_value(node: ScalarNode):
    """The typed value of a scalar, by its resolved tag, without the constructor's cache."""
    construct = yaml.constructor.SafeConstructor.yaml_constructors.get(node.tag)
    if construct is None:
        return node.value
    try:
        return construct(_constructor, node)
    except Exception:  # 2026-13-45, or an explicit `!!bool maybe` / `!!timestamp x`: kept as text
        return node.value


class Reader:
    """Reads one composed file, collecting every problem instead of stopping at the first."""

    def __init__(self, path: str, problems: list[Problem]):
        self.path = path
        self.problems = problems

    # ---- positions and problems
    def origin(self, node: Node) -> Origin:
        mark = node.start_mark
        return Origin(self.path, mark.line + 1, mark.column + 1)

    def error(self, node: Node, message: str, hint: str | None = None) -> None:
        """An uncatalogued message (kept for code that has not moved to `report` yet)."""
        self.problems.append(Problem.at(self.origin(node), message, hint=hint))

    def report(self, node: Node, code: str, hint: str | None = None, **args) -> None:
        self.problems.append(Problem.coded(code, self.origin(node), hint, **args))

    # ---- structure
    def mapping(self, node: Node, what: str) -> dict[str, Node] | None:
        """A mapping's values by key, reporting non-text and duplicate keys."""
        if not isinstance(node, MappingNode):
            self.report(node, "NAV-E201", what=what, kind=_kind(node))
            return None
        found: dict[str, Node] = {}
        self.key_nodes: dict[str, Node] = {}
        merged = False  # a second `id:`: the next item lost its `- `; its other keys repeat too
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str):
                self.report(key_node, "NAV-E202", what=what)
            elif key in found and key == "id" and not merged:
                self.report(key_node, "NAV-E109")
                merged = True
            elif key in found:
                if not merged:
                    self.report(key_node, "NAV-E203", what=what, key=key)
            else:
                found[key] = value_node
                self.key_nodes[key] = key_node
        return found

    def fields(self, node: Node, what: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
               ) -> dict[str, Node] | None:
        """Like `mapping`, and reports unknown keys (a typo must not silently disable a rule)
        and missing required ones."""
        found = self.mapping(node, what)
        if found is None:
            return None
        allowed = required + optional
        for key in [k for k in found if k not in allowed]:
            parent = next((p for p in found if key in NESTED.get(p, ()) and p in allowed), None)
            if parent is not None:  # a dedented `quote:` belongs in `source:`; no 'did you mean'
                self._wrong_level(key, parent, found[parent])
            else:
                self.report(self.key_nodes[key], "NAV-E204", what=what, key=key, suggestion=suggest(key, allowed))
            del found[key]
        for key in required:
            if key not in found:
                self.report(node, "NAV-E205", what=what, key=key)
        return found

    def _wrong_level(self, key: str, parent: str, inner: Node) -> None:
        node = self.key_nodes[key]
        if isinstance(inner, MappingNode) and inner.value and not inner.flow_style:
            column = inner.value[0][0].start_mark.column + 1
            self.report(node, "NAV-E110", key=key, parent=f"「{parent}」", column=column)
        else:
            hint = (f"{parent}: {{…}} の {{ }} の中に「{key}: …」と書いてください" if messages.language() == "ja"
                    else f"write '{key}: …' inside {parent}: {{…}}")
            self.report(node, "NAV-E110", hint=hint, key=key, parent=f"「{parent}」", column="")

    def items(self, node: Node, what: str) -> list[Node]:
        if isinstance(node, SequenceNode):
            return list(node.value)
        self.report(node, "NAV-E206", what=what, kind=_kind(node))
        return []

    # ---- scalars
    def scalar(self, node: Node):
        if not isinstance(node, ScalarNode):
            return _NOT_SCALAR
        return scalar_value(node)

    def text(self, node: Node | None, what: str, optional: bool = False) -> str | None:
        if node is None:
            return None
        value = self.scalar(node)
        if value is None and optional:
            return None
        if isinstance(value, bool) and isinstance(node, ScalarNode):
            self.report(node, "NAV-E207", what=what, value=node.value)
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return node.value  # phone-like numbers are text to us
        if not isinstance(value, str) or not value.strip():
            self.report(node, "NAV-E208", what=what, kind=_kind(node))
            return None
        value = value.rstrip("\n")  # the line break a block scalar (> or |) ends with
        if not any(c in value for c in "\n\t\r"):
            return value
        if what in PROSE:  # a quote follows the plan's own line breaks and tabs, verbatim
            return value
        self.report(node, "NAV-E230", what=what)  # a name would start a line of its own when shown
        return None

    def ident(self, node: Node | None, what: str) -> str | None:
        value = self.text(node, what)
        if value is not None and not ID_PATTERN.match(value):
            self.report(node, "NAV-E209", what=what, value=value)
            return None
        return value

    def integer(self, node: Node | None, what: str, low: int, high: int) -> int | None:
        if node is None:
            return None
        value = self.scalar(node)
        if isinstance(value, bool) or not isinstance(value, int):
            self.report(node, "NAV-E210", what=what, kind=_kind(node))
            return None
        if not low <= value <= high:
            if value.bit_length() > 64:  # too long even to print (int→str stops at 4,300 digits)
                self.report(node, "NAV-E232", what=what, digits=len(node.value), low=low, high=high)
            else:
                self.report(node, "NAV-E211", what=what, low=low, high=high, value=value)
            return None
        return value

    def date(self, node: Node | None, what: str) -> dt.date | None:
        if node is None:
            return None
        value = self.scalar(node)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        self.report(node, "NAV-E212", what=what)
        return None

    def texts(self, node: Node | None, what: str) -> tuple[str, ...]:
        """A list of texts; a single text is accepted as a list of one."""
        if node is None:
            return ()
        if isinstance(node, ScalarNode):
            one = self.text(node, what)
            return (one,) if one else ()
        return tuple(t for t in (self.text(n, what) for n in self.items(node, what)) if t)


class _NotScalar:
    pass


_NOT_SCALAR = _NotScalar()


def _kind(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    value = scalar_value(node)
    if value is None:
        return "empty"
    if isinstance(value, dt.date):
        return "a date"
    return {bool: "true/false", int: "a number", float: "a number", str: "text"}.get(type(value), "a value")


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
    if "&" not in text:
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
