"""YAML syntax errors explained: find the line where the mistake is and name it.

The parser reports where it gave up, which is often a line after the mistake (an unclosed quote
is noticed at the end of the file, a missing colon on the next line) and in parser words.
Here the common mistakes are recognised from the parser's complaint and the lines around it,
and reported with a catalogue code (NAV-E1xx) at the mistaken line. Anything else is E101
at the parser's position, still in plain words.
"""

from __future__ import annotations

import re

import yaml

from ..problems import Problem

_KEY = re.compile(r"^(?:-\s+)?([^\s:#'\"\[\]{},][^:#]*?)\s*:(?:\s|$)")
_WORD_THEN_SPACE = re.compile(r"^(?:-\s+)?([A-Za-z_][\w-]*)\s+\S")
_NO_SPACE_AFTER_COLON = re.compile(r"^(?:-\s+)?([A-Za-z_][\w-]*):(\S.*)$")


def syntax_problem(exc: yaml.MarkedYAMLError, text: str, shown_as: str) -> Problem:
    code, line, column, args = explain(exc, text)
    return Problem.coded(code, (shown_as, line, column), **args)


def explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[str, int, int, dict]:
    """(code, 1-based line, 1-based column, message arguments) for a syntax error."""
    lines = re.split("\r\n|[\r\n\x85\u2028\u2029]", text)  # YAML's line breaks, so marks index them
    mark = exc.problem_mark or exc.context_mark
    at = (mark.line, mark.column) if mark else (0, 0)
    ctx = (exc.context_mark.line, exc.context_mark.column) if exc.context_mark else at
    problem, context = str(exc.problem or ""), str(exc.context or "")
    if "maximum nesting depth" in problem:  # libyaml's own limit (1000 levels)
        from .compose import MAX_DEPTH
        return "NAV-E007", at[0] + 1, at[1] + 1, {"depth": MAX_DEPTH}
    tab = _tab_line(lines, at[0])
    if tab is not None:
        return "NAV-E102", tab[0] + 1, tab[1] + 1, {}
    wide = _wide_space_line(lines, at[0])
    if wide is not None:
        return "NAV-E115", wide[0] + 1, wide[1] + 1, {}
    colon = _wide_colon_line(lines, at[0])
    if colon is not None:
        return "NAV-E113", colon[0] + 1, colon[1] + 1, {"key": colon[2]}
    opened = _quote_left_open(lines, at[0])
    if opened is not None:
        return "NAV-E107", opened[0] + 1, opened[1] + 1, {"quote": lines[opened[0]][opened[1]]}
    for explainer in (_quoted, _flow, _colon, _mapping_value, _dash, _expected_key):
        found = explainer(lines, at, ctx, problem, context)
        if found:
            return found
    detail = _plain(problem)
    return "NAV-E101", at[0] + 1, at[1] + 1, {"detail": detail}


# ---- the mistakes --------------------------------------------------------------------


_WIDE_COLON = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*：")


def _wide_space_line(lines: list[str], upto: int) -> tuple[int, int] | None:
    """The first line up to the error indented with a full-width space (an IME left on)."""
    for number, line in enumerate(lines[: upto + 1]):
        lead = line[: len(line) - len(line.lstrip(" \u3000"))]   # not after "- ": a value may start so
        if "\u3000" in lead:
            return number, lead.index("\u3000")
    return None


def _wide_colon_line(lines: list[str], upto: int) -> tuple[int, int, str] | None:
    """The line at the error, or just above it, whose key ends in a full-width colon (key：value)."""
    for number in range(min(upto, len(lines) - 1), max(-1, upto - 3), -1):
        found = _WIDE_COLON.match(lines[number])
        if found:
            return number, lines[number].index("：", found.start(1)), found.group(1)
    return None


def _tab_line(lines: list[str], upto: int) -> tuple[int, int] | None:
    """The first line up to the error whose indentation has a tab (YAML forbids it)."""
    for number, line in enumerate(lines[: upto + 1]):
        lead = line[: len(line) - len(line.lstrip(" \t-"))]
        if "\t" in lead:
            return number, lead.index("\t")
    return None


_VALUE_START = re.compile(r"^\s*(?:-\s+)?(?:[^\s:#'\"][^:#]*?:\s+)?(['\"])")


def _quote_left_open(lines: list[str], upto: int) -> tuple[int, int] | None:
    """A value that opens a quote and does not close it on its line, before the error. YAML
    lets a quoted text run on over lines, so the parser only trips lines later; people
    editing rule files never mean that."""
    for number, line in enumerate(lines[:upto]):
        match = _VALUE_START.match(line)
        if not match:
            continue
        quote, start = match.group(1), match.end(1)
        rest = line[start:]
        closed = rest.replace("''", "") if quote == "'" else re.sub(r'\\.', "", rest)
        if quote not in closed:
            return number, start - 1
    return None


def _quoted(lines, at, ctx, problem, context):
    if "quoted scalar" in context:
        quote = lines[ctx[0]][ctx[1]] if ctx[1] < len(lines[ctx[0]]) else '"'
        return "NAV-E107", ctx[0] + 1, ctx[1] + 1, {"quote": quote}
    if "expected key" in problem and at[1] > 0:
        before = lines[at[0]][: at[1]].rstrip()
        if before.endswith(('"', "'")) and before.count(before[-1]) >= 2:  # "b"c": text after the close
            first = before.index(before[-1])
            return "NAV-E114", at[0] + 1, first + 1, {"quote": before[-1]}
    return None


def _flow(lines, at, ctx, problem, context):
    for kind, opening, closing in (("flow sequence", "[", "]"), ("flow mapping", "{", "}")):
        if kind in context:
            return "NAV-E108", ctx[0] + 1, ctx[1] + 1, {"bracket": opening, "closing": closing}
    if "flow node" in context:  # the file ended inside [ or {: the last one left open
        open_at = _last_unclosed(lines, at[0])
        if open_at:
            number, column, opening = open_at
            return "NAV-E108", number + 1, column + 1, {"bracket": opening, "closing": _CLOSING[opening]}
    return None


_CLOSING = {"[": "]", "{": "}"}


def _last_unclosed(lines: list[str], upto: int) -> tuple[int, int, str] | None:
    """Where the innermost bracket still open at line `upto` was opened (quotes and comments skipped)."""
    stack: list[tuple[int, int, str]] = []
    for number, line in enumerate(lines[: upto + 1]):
        quote = None
        for column, ch in enumerate(line):
            if quote:
                quote = None if ch == quote else quote
            elif ch in "'\"" and (column == 0 or line[column - 1] in " [{,:"):
                quote = ch
            elif ch == "#" and (column == 0 or line[column - 1] == " "):
                break
            elif ch in _CLOSING:
                stack.append((number, column, ch))
            elif ch in "]}" and stack:
                stack.pop()
    return stack[-1] if stack else None


def _colon(lines, at, ctx, problem, context):
    """`window b` or `window:b`: the parser notices on the next line; the mistake is this one."""
    if "could not find expected ':'" not in problem:
        return None
    line = lines[ctx[0]]
    stripped = line.strip()
    glued = _NO_SPACE_AFTER_COLON.match(stripped)
    if glued:
        return "NAV-E106", ctx[0] + 1, line.index(":") + 2, {"key": glued.group(1), "value": glued.group(2)}
    word = _WORD_THEN_SPACE.match(stripped)
    return "NAV-E105", ctx[0] + 1, _indent(line) + 1 + _dash_width(stripped), {
        "key": word.group(1) if word else stripped.split()[0] if stripped else "key"}


def _mapping_value(lines, at, ctx, problem, context):
    """'mapping values are not allowed': a second ': ' in a value, a line indented under a
    plain value, or a line above without its colon or with '-' glued to the key."""
    if "mapping values are not allowed" not in problem:
        return None
    number, column = at
    line = lines[number]
    first_colon = _first_colon(line)
    if first_colon is not None and first_colon < column:
        key = _key(line) or "key"
        return "NAV-E111", number + 1, first_colon + 3, {"key": key}
    above = _content_above(lines, number)
    if above is None:
        return None
    above_line = lines[above].strip()
    if above_line.startswith("-") and not above_line.startswith(("- ", "-\t")) and len(above_line) > 1:
        return "NAV-E112", above + 1, _indent(lines[above]) + 1, {}
    if _key(lines[above]) is None:
        word = _WORD_THEN_SPACE.match(above_line)
        if word:
            return "NAV-E105", above + 1, _indent(lines[above]) + 1 + _dash_width(above_line), {
                "key": word.group(1)}
    if _indent(line) > _key_column(lines[above]):
        key = _key(lines[above]) or ""
        return "NAV-E103", number + 1, _indent(line) + 1, {
            "above": f"{key}:", "column": _key_column(lines[above]) + 1}
    return None


def _dash(lines, at, ctx, problem, context):
    """'did not find expected '-' indicator': a line of a list that is neither an item nor
    inside one: indented too little, or an item whose '-' was left out."""
    if "expected '-' indicator" not in problem:
        return None
    number = at[0]
    line, seq_col = lines[number], ctx[1]
    indent, stripped = _indent(line), line.strip()
    item = _item_start(lines, number, seq_col)
    inner = _key_column(lines[item]) if item is not None else seq_col + 2
    if stripped.startswith("-") and len(stripped) > 1 and not stripped[1].isspace():
        return "NAV-E112", number + 1, indent + 1, {}
    if stripped.startswith("-"):
        return "NAV-E104", number + 1, indent + 1, {"above": "-", "column": seq_col + 1}
    key = _key(line)
    if indent == seq_col and key and (key == "id" or key in _item_keys(lines, item, number, inner)):
        return "NAV-E109", number + 1, indent + 1, {}
    return "NAV-E104", number + 1, indent + 1, {"above": _above_key(lines, number, inner), "column": inner + 1}


def _expected_key(lines, at, ctx, problem, context):
    """'did not find expected key' in a block mapping: a line indented less than its mapping
    but not back to an outer one, or a list item '-' out of line."""
    if "expected key" not in problem:
        return None
    number = at[0]
    line = lines[number]
    indent = _indent(line)
    above = _content_above(lines, number)
    if above is None:
        return None
    above_indent = _key_column(lines[above])
    if line.strip().startswith("-"):
        item = _item_above(lines, number)
        if item is not None:
            return "NAV-E104" if indent < _indent(lines[item]) else "NAV-E103", number + 1, indent + 1, {
                "above": "-", "column": _indent(lines[item]) + 1}
    if indent < above_indent:
        return "NAV-E104", number + 1, indent + 1, {"above": f"{_key(lines[above]) or ''}:", "column": above_indent + 1}
    return None


# ---- reading lines -------------------------------------------------------------------


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _dash_width(stripped: str) -> int:
    match = re.match(r"-\s+", stripped)
    return match.end() if match else 0


def _key(line: str) -> str | None:
    match = _KEY.match(line.strip())
    return match.group(1) if match else None


def _key_column(line: str) -> int:
    """0-based column where the line's key (after any '- ') starts."""
    return _indent(line) + _dash_width(line.strip())


def _first_colon(line: str) -> int | None:
    """0-based column of the colon that ends the line's key."""
    match = _KEY.match(line.strip())
    if not match:
        return None
    return _indent(line) + match.end() - (1 if match.group(0)[-1:].isspace() else 0) - 1


def _is_content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _content_above(lines: list[str], number: int) -> int | None:
    for above in range(number - 1, -1, -1):
        if _is_content(lines[above]):
            return above
    return None


def _item_start(lines: list[str], number: int, seq_col: int) -> int | None:
    """The '- ' line at the list's column that the line at `number` follows."""
    for above in range(number - 1, -1, -1):
        line = lines[above]
        if _is_content(line) and _indent(line) == seq_col and line.strip().startswith("-"):
            return above
    return None


def _item_above(lines: list[str], number: int) -> int | None:
    for above in range(number - 1, -1, -1):
        if _is_content(lines[above]) and lines[above].strip().startswith("- "):
            return above
    return None


def _item_keys(lines: list[str], item: int | None, number: int, inner: int) -> set[str]:
    if item is None:
        return set()
    return {k for line in lines[item:number] if _key_column(line) == inner and (k := _key(line))}


def _above_key(lines: list[str], number: int, inner: int) -> str:
    for above in range(number - 1, -1, -1):
        if _is_content(lines[above]) and _key_column(lines[above]) == inner and _key(lines[above]):
            return f"{_key(lines[above])}:"
    return "-"


_PLAIN = {
    "mapping values are not allowed in this context": "ここに「:」は書けません",
    "did not find expected key": "次のキーが見つかりません",
    "did not find expected '-' indicator": "リストの「-」が見つかりません",
    "found character that cannot start any token": "ここでは使えない文字があります",
    "found undefined alias": "未定義のエイリアスがあります",
    "expected <block end>, but found '<block sequence start>'": "リストの「-」の位置がずれています",
}


def _plain(problem: str) -> str:
    from .. import messages

    if messages.language() != "ja":
        return problem
    for english, japanese in _PLAIN.items():
        if problem.startswith(english):
            return japanese
    return problem
