"""Choose the municipality whose plan the consultation follows; dismisses with its id."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ...text import printable
from .guard import guarded

if TYPE_CHECKING:
    from ...model import RuleSet


def choices(ruleset: RuleSet, unavailable, rules_dir: Path) -> list[tuple[str, str]]:
    """(id, label) for every usable municipality, and for each broken one (choosing it shows
    its problems)."""
    labels = [(p.municipality.id, f"{p.municipality.name}（{p.municipality.prefecture}）"
               + ("　※変更後のファイルに問題あり・前のルールで案内" if p.municipality.id in unavailable else ""))
              for p in ruleset.plans.values()]
    labels += [(mid, f"{written_name(rules_dir, mid)}　— 使えません（ルールファイルに問題。選ぶと内容を表示）")
               for mid in unavailable if mid not in ruleset.plans]
    return sorted(labels, key=lambda choice: choice[0])   # by id, as loaded: a broken file keeps its number


class MunicipalityScreen(Screen[str]):
    BINDINGS = [Binding(str(n), f"pick({n})", show=False) for n in range(1, 10)]

    def __init__(self, choices: list[tuple[str, str]], kept: bool = False):
        """`kept`: a consultation is in progress (it goes on in the municipality chosen)."""
        super().__init__()
        self.choices, self.kept = choices, kept

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("どの市の計画で案内しますか（数字キーまたは↑↓とEnter）", classes="lead")
        yield OptionList(*[Option(Content(printable(f"{i}. {label}")), id=mid)
                           for i, (mid, label) in enumerate(self.choices, start=1)], id="municipalities")
        if self.kept:
            yield Static("入力した相談内容は残っています。選ぶと続きから（新しい相談は Ctrl+N）",
                         id="kept", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @guarded
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    @guarded
    def action_pick(self, number: int) -> None:
        if number <= len(self.choices):
            self.dismiss(self.choices[number - 1][0])


def written_name(rules_dir: Path, mid: str) -> str:
    """「伊勢崎市（isesaki）」 for a municipality whose file does not load: its `name:` line read
    as text (the file may not parse), else the id alone."""
    try:
        with open(rules_dir / f"{mid}.yaml", encoding="utf-8", errors="replace") as handle:
            head = handle.read(4000)
    except OSError:
        return mid
    found = re.search(r"^\s+name:\s*[\"']?([^\"'#\n]{1,20}?)[\"']?\s*(?:#.*)?$", head, re.M)
    return f"{found.group(1).strip()}（{mid}）" if found else mid
