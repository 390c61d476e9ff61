"""Typed fields read from composed YAML nodes, each problem with its position (files/compose.py
makes the nodes)."""

from __future__ import annotations

import datetime as dt

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .. import messages
from ..messages import suggest
from ..model import Origin
from ..problems import Problem
from .spec import ID_PATTERN, NESTED, PROSE, Shape

_constructor = yaml.constructor.SafeConstructor()
_STR = "tag:yaml.org,2002:str"


def scalar_value(node: ScalarNode):
    """The typed value of a scalar, by its resolved tag, without the constructor's cache."""
    if node.tag == _STR:   # most scalars: the constructor would return node.value
        return node.value
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

    def shaped(self, node: Node, shape: Shape) -> dict[str, Node] | None:
        """`fields` with the keys the format spec gives this kind of mapping."""
        return self.fields(node, shape.what, shape.required, shape.optional)

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
        if "\n" not in value and "\t" not in value and "\r" not in value:
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
