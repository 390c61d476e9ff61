"""The guided path for people who do not type: one plain question per screen — who is it
about, what is the trouble (everyday words with an example) — then the same follow-ups and
result as the typed path. WhoScreen dismisses with the choice; TroubleScreen ticks the Intake
it is given (shared with the intake screen, so both mix) and dismisses with True to go on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ...intake import Intake
from ...text import printable
from ..widgets.concerns import TICKED, UNTICKED
from .guard import guarded

if TYPE_CHECKING:
    from ...model import Concern

# (label, the `who` answer it gives, or None)
WHO = (
    ("ご自身（相談に来た方）のこと", None),
    ("お子さん（18歳未満）のこと", "child"),
    ("親・祖父母など、高齢の家族（65歳以上）のこと", "elder"),
    ("障害のある家族のこと", "disabled"),
    ("ほかの家族・知人・近所の方のこと", None),
)
NEXT = "_next"


def choose_who(intake: Intake, number: int) -> None:
    """What the WhoScreen's answer says about the consultation."""
    label, who = WHO[number - 1]
    intake.subject = label.removesuffix("のこと")
    if who:
        intake.answers["who"] = who
    else:
        intake.answers.pop("who", None)


class WhoScreen(Screen[int | None]):
    """どなたのことですか: dismisses with the number chosen (None: back)."""

    BINDINGS = [Binding("escape", "back", "戻る"),
                *[Binding(str(n), f"pick({n})", show=False) for n in range(1, len(WHO) + 1)]]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("どなたのことで相談に来られましたか", id="prompt")
        yield OptionList(*[Option(f"{i}. {label}", id=str(i)) for i, (label, _) in enumerate(WHO, start=1)],
                         id="options")
        yield Static("数字キーか ↑↓ と Enter で選ぶ・Esc で戻る", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "相談窓口ナビ — 質問で探す"
        self.query_one(OptionList).focus()

    @guarded
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_pick(int(event.option.id))

    def action_pick(self, number: int) -> None:
        self.dismiss(number)

    def action_back(self) -> None:
        self.dismiss(None)


class TroubleScreen(Screen[bool]):
    """どんなことでお困りですか: every concern in everyday words, with an example."""

    BINDINGS = [Binding("escape", "back", "戻る"), Binding("f2", "next", "次へ")]

    def __init__(self, intake: Intake, concerns: tuple[Concern, ...]):
        super().__init__()
        self.intake, self.concerns = intake, concerns

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("どんなことでお困りですか（当てはまるものをいくつでも）", id="prompt")
        yield OptionList(*self._options(), id="troubles")
        yield Static("↑↓ で選び Enter・クリックで ☑ をつける／外す・いちばん下の「次へ」か F2 で進む", classes="hint")
        yield Footer()

    def _options(self) -> list[Option]:
        options = []
        for c in self.concerns:
            example = f"\n　例:「{c.examples[0]}」" if c.examples else ""
            box = TICKED if c.id in self.intake.ticked else UNTICKED
            options.append(Option(Content(printable(f"{box} {c.label} — {c.description}{example}")), id=c.id))
        options.append(Option("→ 次へ（選んだことについて、いくつか質問します）", id=NEXT))
        return options

    def on_mount(self) -> None:
        self.title = "相談窓口ナビ — 質問で探す"
        self.query_one(OptionList).focus()

    @guarded
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == NEXT:
            self.action_next()
            return
        ticked = self.intake.ticked
        if event.option.id in ticked:
            ticked.remove(event.option.id)
        else:
            ticked.append(event.option.id)
        options = self.query_one(OptionList)
        keep = options.highlighted
        options.clear_options()
        options.add_options(self._options())
        options.highlighted = keep

    def action_next(self) -> None:
        if not self.intake.ticked:
            self.notify("当てはまるものを一つ以上選んでください。迷うときは「どこに相談すればよいかわからない」を。",
                        severity="warning")
            return
        self.dismiss(True)

    def action_back(self) -> None:
        self.dismiss(False)
