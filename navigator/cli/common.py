"""What every command shares: exit codes, the one-line user error, argparse's complaints in
the same form, and loading that stops with the file problems on stderr."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import messages
from ..loading import Loaded, load, municipality_ids
from ..problems import ERROR, describe_all, ordered
from ..text import printable

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class UserError(Exception):
    """A mistake the user can fix; shown as one line, never as a traceback. Raised with a
    catalogue code and its arguments (UserError("NAV-C601", mid=...)) or, as before, a text."""

    def __init__(self, code_or_text: str, **args):
        entry = messages.CATALOGUE.get(code_or_text)
        self.code = entry.code if entry else ""
        self.hint = entry.fix(**args) if entry else None
        super().__init__(entry.text(**args) if entry else code_or_text)

    def as_dict(self) -> dict:
        return {"error": {"code": self.code or None, "message": str(self), "hint": self.hint}}

    def line(self) -> str:
        text = f"navigator: [{messages.level_label(ERROR)}] {self}"
        if self.hint:
            text += f"（直し方: {self.hint}）" if messages.language() == "ja" else f" (hint: {self.hint})"
        return f"{text} [{self.code}]" if self.code else text


class _Parser(argparse.ArgumentParser):
    """argparse's own complaints (an unknown option, a missing value) with a code and a fix,
    in the same one-line form as every other message."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        print(printable(UserError("NAV-C619", detail=message).line()), file=sys.stderr)
        sys.exit(EXIT_USAGE)


def _known_municipality(rules_dir: Path, mid: str) -> None:
    known = municipality_ids(rules_dir)
    if mid not in known:
        raise UserError("NAV-C601", mid=mid, known=", ".join(known) or "-")


def _load_ok(rules_dir: Path, contacts_dir: Path, only: list[str] | None = None) -> Loaded:
    loaded = load(rules_dir, contacts_dir, only)
    if not loaded.ok:
        print(printable(describe_all(ordered(loaded.problems))), file=sys.stderr)
        raise UserError("NAV-C602")
    return loaded
