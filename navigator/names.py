"""Names in one place: a department or organisation is written once, in its contact.

Window names, notes and reasons say `{department}` or `{organization}` where they need the
name; it is filled in from the contact (windows and notes at load, a rule's text for each
window it refers to). Writing a known department or organisation out as free text is
reported, so a renamed 担当課 is a one-line edit that no screen, slip or export misses.
"""

from __future__ import annotations

import re
from typing import Iterable

UNKNOWN = "記載なし"
PLACEHOLDER = re.compile(r"\{(department|organization)\}")
MIN_NAME = 3  # shorter parts (市, 課) are ordinary words


def fill(text: str | None, department: str | None, organization: str) -> str | None:
    """The text with its placeholders replaced by the contact's own fields."""
    if not text or "{" not in text:
        return text
    values = {"department": department or UNKNOWN, "organization": organization}
    return PLACEHOLDER.sub(lambda m: values[m.group(1)], text)


def uses(text: str | None, field: str) -> bool:
    return bool(text) and "{" + field + "}" in text


def name_parts(departments: Iterable[str | None], organizations: Iterable[str]) -> set[str]:
    """Every department part (joint cells such as 「福祉相談課 こども未来課」 give each) and
    every organisation name; the municipality's own name is left out by the caller."""
    parts = {p for d in departments if d for p in d.split()}
    parts |= set(organizations)
    return {p for p in parts if len(p) >= MIN_NAME and p != UNKNOWN}


def named(text: str | None, names: set[str]) -> list[str]:
    """The names the text writes out, longest first, each only once (社会福祉課 inside
    社会福祉協議会 is not a department mention)."""
    if not text:
        return []
    rest, found = PLACEHOLDER.sub("", text), []
    for name in sorted(names, key=len, reverse=True):
        if name in rest:
            found.append(name)
            rest = rest.replace(name, "\0")
    return found
