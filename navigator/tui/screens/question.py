"""One follow-up question at a time, about one person, answered with its own number keys only;
an answer read from the resident's words is marked 「相談内容から推定」 until confirmed. The screen
dismisses with an Answer, or with None to go back; the app records it and decides what is next."""

from __future__ import annotations

import time
from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ...intake import Step
from ...persons import INFERRED
from ...text import printable
from .guard import guarded

SKIP = "_skip"  # the 「わからない」 option leaves the question unanswered
TYPING_PAUSE = 1.0  # seconds: digits right after other typing were meant for the text, not here
HELP = ("?", "？")  # the help key, half- or full-width


@dataclass(frozen=True)
class Answer:
    value: str | None  # None: わからない・答えない


def person_title(step: Step) -> str:
    p = step.person
    if p is None:
        return ""
    return f"{p.relation}{f'（{p.age}歳）' if p.age else ''}{'（来談者）' if p.client else ''}について"


class QuestionScreen(Screen[Answer | None]):
    BINDINGS = [
        Binding("escape", "back", "戻る"),
        *[Binding(str(n), f"pick({n})", show=False) for n in range(10)],
    ]

    def __init__(self, step: Step, index: int, total: int, offered: tuple[str | None, bool] = (None, False),
                 cue: str = ""):
        """`offered`: (the answer to highlight, whether the words only suggest it); `cue`: the
        words that suggested it, for the danger question."""
        super().__init__()
        self.step, self.index, self.total = step, index, total
        self.question = step.question
        self.offered, self.cue = offered, cue
        self.typed_at = 0.0

    def compose(self) -> ComposeResult:
        q = self.question
        options = [Option(Content(printable(f"{i}. {o.label}")), id=o.value)
                   for i, o in enumerate(q.options, start=1)]
        options.append(Option(Content("0. わからない・答えない"), id=SKIP))
        yield Header()
        yield Static(Content(printable(f"質問 {self.index + 1} / {self.total}　{person_title(self.step)}")),
                     classes="lead", id="question-head")
        yield Static(Content(printable(q.prompt)), id="prompt")
        yield OptionList(*options, id="options")
        yield Static("", id="inferred", classes="lead")
        yield Static(f"1〜{len(q.options)} または 0 で答える・Enter で選んだものに決める・Esc で前に戻る", classes="hint",
                     id="keys")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "相談窓口ナビ — 質問"
        self.show_offered()
        self.query_one(OptionList).focus()

    def show_offered(self) -> None:
        current, guessed = self.offered
        values = [o.value for o in self.question.options]
        # nothing read from the words: nothing waits for Enter (a fast Enter stored 「はい」 unsaid)
        self.query_one(OptionList).highlighted = values.index(current) if current in values else None
        option = self.question.option(current) if current else None
        # with its number (the danger question has two はい); no half-width space to break the line at
        number = f"{values.index(current) + 1}．" if option else ""
        note = f"{INFERRED}：{number}{option.label}{self.cue}（Enter でこのまま・ほかは番号で）" if guessed and option else ""
        self.query_one("#inferred", Static).update(Content(printable(note)))

    # ---- only this screen's own keys count
    def on_key(self, event: events.Key) -> None:
        if event.key == "enter" and self.query_one(OptionList).highlighted is None:
            self.query_one("#keys", Static).update(
                f"まだ選んでいません。1〜{len(self.question.options)} の番号を押してください（わからないときは 0）")
            event.stop()
            event.prevent_default()
            return
        if event.character in HELP and time.monotonic() - self.typed_at >= TYPING_PAUSE:
            return  # ? opens the help here too (the app's binding); not while words are being typed
        if event.character and event.character.isprintable() and not self._own(event.character):
            self.typed_at = time.monotonic()
            self.query_one("#keys", Static).update(
                f"この画面では 1〜{len(self.question.options)} と 0 の数字だけで答えます（入力した文字は使いません）")
            event.stop()
            event.prevent_default()

    def _own(self, character: str) -> bool:
        return character.isdigit() and int(character) <= len(self.question.options)

    @guarded
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(Answer(None if event.option.id == SKIP else event.option.id))

    @guarded
    def action_pick(self, number: int) -> None:
        if time.monotonic() - self.typed_at < TYPING_PAUSE:
            return  # the 0 of 「80」 typed here by mistake is not 「わからない」
        if number == 0:
            self.dismiss(Answer(None))
        elif number <= len(self.question.options):
            self.dismiss(Answer(self.question.options[number - 1].value))

    def action_back(self) -> None:
        self.dismiss(None)
