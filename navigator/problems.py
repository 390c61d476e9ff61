"""A problem found in a rule or contact file, pointing at file, line and column."""

from __future__ import annotations

from dataclasses import dataclass

from . import messages
from .messages import ERROR, WARNING  # noqa: F401  (re-exported: the levels' home was here)
from .model import Origin


@dataclass(frozen=True, order=True)
class Problem:
    """`code` is the stable id from navigator/messages/ (empty for a message not yet in the
    catalogue); `message` and `hint` are already in the chosen language."""

    path: str
    line: int
    column: int
    message: str
    level: str = ERROR
    hint: str | None = None
    code: str = ""

    @classmethod
    def at(cls, origin: Origin, message: str, level: str = ERROR, hint: str | None = None) -> "Problem":
        return cls(origin.path, origin.line, origin.column, message, level, hint)

    @classmethod
    def coded(cls, code: str, where: Origin | tuple[str, int, int], hint: str | None = None, **args
              ) -> "Problem":
        """The catalogue's message for `code` at `where`, filled with `args`; `hint` replaces
        the catalogue's fix when given."""
        entry = messages.entry(code)
        path, line, column = (where.path, where.line, where.column) if isinstance(where, Origin) else where
        return cls(path, line, column, entry.text(**args), entry.level,
                   hint if hint is not None else entry.fix(**args), code)

    @property
    def severity(self) -> str:
        return self.level

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.column}: [{messages.level_label(self.level)}] {self.message}"
        if self.hint:
            text += f"（直し方: {self.hint}）" if messages.language() == "ja" else f" (hint: {self.hint})"
        return f"{text} [{self.code}]" if self.code else text

    def as_dict(self) -> dict:
        return {
            "code": self.code or None,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.level,
            "level": self.level,
            "message": self.message,
            "hint": self.hint,
        }


def describe(problem: Problem, source_line: str | None = None) -> str:
    """A problem for people: the one-line form, the file's line with a caret under the column,
    and the fix on a line of its own."""
    head = f"{problem.path}:{problem.line}:{problem.column}: [{messages.level_label(problem.level)}] {problem.message}"
    lines = [f"{head} [{problem.code}]" if problem.code else head]
    if source_line is not None and problem.line > 0:
        shown = source_line.rstrip("\n").replace("\t", "→")
        number = f"{problem.line:>4} | "
        lines.append(number + shown)
        lines.append(" " * (len(number) - 2) + "| " + _caret_pad(shown, problem.column) + "^")
    if problem.hint:
        lines.append(("    直し方: " if messages.language() == "ja" else "    fix: ") + problem.hint)
    return "\n".join(lines)


def _caret_pad(line: str, column: int) -> str:
    """Spaces up to `column`, two cells for each wide (e.g. Japanese) character before it."""
    import unicodedata

    return "".join("  " if unicodedata.east_asian_width(ch) in "WF" else " " for ch in line[: max(column - 1, 0)])


def source_line(path: str, line: int, files: dict | None = None) -> str | None:
    """Line `line` of the file at `path` as it is now, or None if it cannot be read; `files`
    keeps files read for a list of problems."""
    if line < 1:
        return None
    _files = {} if files is None else files
    if path not in _files:
        try:
            with open(path, encoding="utf-8-sig", errors="replace") as handle:
                _files[path] = handle.read(2_000_000).split("\n")
        except OSError:
            _files[path] = []
    lines = _files[path]
    return lines[line - 1][:300] if line <= len(lines) else None


def describe_all(problems: list[Problem]) -> str:
    files: dict = {}
    return "\n".join(describe(p, source_line(p.path, p.line, files)) for p in problems)


def has_errors(problems: list[Problem]) -> bool:
    return any(p.level == ERROR for p in problems)


def ordered(problems: list[Problem]) -> list[Problem]:
    """Errors before warnings, each group by file and position."""
    return sorted(problems, key=lambda p: (p.level != ERROR, p))
