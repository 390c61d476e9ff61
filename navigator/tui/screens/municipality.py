"""Choose the municipality whose plan the consultation follows."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ...text import printable
from .guard import guarded


class MunicipalityScreen(Screen):
    BINDINGS = [Binding(str(n), f"pick({n})", show=False) for n in range(1, 10)]

    def compose(self) -> ComposeResult:
        plans = list(self.app.ruleset.plans.values())
        labels = [(p.municipality.id, f"{p.municipality.name}（{p.municipality.prefecture}）"
                   + ("　※変更後のファイルに問題あり・前のルールで案内" if p.municipality.id in self.app.unavailable else ""))
                  for p in plans]
        # a municipality whose files are broken is listed too: choosing it shows its problems
        labels += [(mid, f"{_written_name(self.app.rules_dir, mid)}　— 使えません（ルールファイルに問題。選ぶと内容を表示）")
                   for mid in self.app.unavailable if mid not in self.app.ruleset.plans]
        yield Header()
        yield Static("どの市の計画で案内しますか（数字キーまたは↑↓とEnter）", classes="lead")
        yield OptionList(*[Option(Content(printable(f"{i}. {label}")), id=mid)
                           for i, (mid, label) in enumerate(labels, start=1)], id="municipalities")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @guarded
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.app.start(event.option.id)

    @guarded
    def action_pick(self, number: int) -> None:
        options = self.query_one(OptionList)
        if number <= options.option_count:
            self.app.start(options.get_option_at_index(number - 1).id)


def _written_name(rules_dir, mid: str) -> str:
    """「伊勢崎市（isesaki）」 for a municipality whose file does not load: its `name:` line read
    as text (the file may not parse), else the id alone."""
    import re

    try:
        with open(rules_dir / f"{mid}.yaml", encoding="utf-8", errors="replace") as handle:
            head = handle.read(4000)
    except OSError:
        return mid
    found = re.search(r"^\s+name:\s*[\"']?([^\"'#\n]{1,20}?)[\"']?\s*(?:#.*)?$", head, re.M)
    return f"{found.group(1).strip()}（{mid}）" if found else mid
