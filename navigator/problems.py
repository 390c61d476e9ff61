"""A problem found in a rule or contact file, pointing at file, line and column."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Origin

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    message: str
    level: str = ERROR
    hint: str | None = None

    @classmethod
    def at(cls, origin: Origin, message: str, level: str = ERROR, hint: str | None = None) -> "Problem":
        return cls(origin.path, origin.line, origin.column, message, level, hint)

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.column}: [{self.level}] {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "level": self.level,
            "message": self.message,
            "hint": self.hint,
        }


def has_errors(problems: list[Problem]) -> bool:
    return any(p.level == ERROR for p in problems)
