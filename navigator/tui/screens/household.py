"""F6 on the intake: say whose concern is whose when the words were read wrongly (the mother's
介護 was put on the daughter, say). ↑↓ choose a concern, ←→ or スペース move it to another person,
Enter keeps the change; dismisses with {concern: relation}, or None (Esc) to change nothing."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...text import printable


class HouseholdScreen(ModalScreen[dict[str, str] | None]):
    BINDINGS = [
        Binding("left", "move(-1)", "前の人へ", show=False),
        Binding("right,space", "move(1)", "次の人へ", show=False),
        Binding("enter", "keep", "決定", priority=True),
        Binding("escape", "cancel", "やめる"),
    ]

    def __init__(self, concerns: list[tuple[str, str]], persons: list[tuple[str, str]], owner: dict[str, str]):
        """`concerns`: (id, label); `persons`: (relation, how to show them); `owner`: concern → relation."""
        super().__init__()
        self.concerns, self.persons, self.owner = concerns, persons, dict(owner)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("だれの相談かを直します（［ ］がいまの人）", classes="lead")
            yield OptionList(*self._options(), id="assign")
            yield Static("↑↓ 相談を選ぶ・←→ かスペース 人を変える・Enter 決定・Esc やめる", classes="hint")

    def _options(self) -> list[Option]:
        return [Option(Content(printable(self.row(cid))), id=cid) for cid, _ in self.concerns]

    def row(self, concern: str) -> str:
        label = dict(self.concerns)[concern]
        names = "　".join(f"［{name}］" if self.owner.get(concern) == rel else f"　{name}　" for rel, name in self.persons)
        return f"{label}：{names}"

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None or not self.persons:
            return
        concern = self.concerns[options.highlighted][0]
        relations = [rel for rel, _ in self.persons]
        now = relations.index(self.owner[concern]) if self.owner.get(concern) in relations else -1
        self.owner[concern] = relations[(now + step) % len(relations)]
        keep = options.highlighted
        options.clear_options()
        options.add_options(self._options())
        options.highlighted = keep

    def action_keep(self) -> None:
        self.dismiss(self.owner)

    def action_cancel(self) -> None:
        self.dismiss(None)
