"""The emergency block: one line per national number (number, name, hours), the first on top,
and a line saying what in the resident's words put them there. Compact, so that at 80×24 the
first referral is still on the first screen. Text from rule files goes through `printable`."""

from __future__ import annotations

import re

from textual.content import Content
from textual.widgets import Static

from ...engine import Result
from ...model import EmergencyLine, RuleSet
from ...present import lines_heading
from ...text import printable, quoted

_AS_OF = re.compile(r"（[^（）]*掲載[^（）]*）")   # the date the hours were read: in the slip, not here


def short_hours(line: EmergencyLine) -> str:
    hours = _AS_OF.sub("", line.hours or "").strip()
    return hours + ("・無料" if line.free and "無料" not in hours else "")


def block_lines(ruleset: RuleSet, result: Result) -> list[str]:
    """The block as plain lines: the heading (with what the words showed), then one per number."""
    danger = result.danger
    if danger.detected:
        labels = "・".join(k.label for k in (ruleset.common.danger.kind(i) for i in danger.kinds) if k)
        words = quoted(danger.matched[:3])
        head = f"緊急：まずこちらへ　相談内容から推定：{labels}{words}"
    else:
        head = lines_heading(result)
    return [head] + [f"{e.phone}　{e.name}　{short_hours(e)}".rstrip() for e in result.emergency]


class EmergencyBlock(Static):
    """Shown only when the result has emergency lines; `show` redraws it for a result."""

    def show(self, ruleset: RuleSet, result: Result) -> None:
        self.display = bool(result.emergency)
        self.update(Content(printable("\n".join(block_lines(ruleset, result)))) if result.emergency else "")
