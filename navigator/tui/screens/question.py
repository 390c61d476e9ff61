"""One follow-up question at a time, answered with a number key; Esc goes back."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ...model import Question
from ...text import printable
from .guard import guarded

SKIP = "_skip"  # the 「わからない」 option leaves the question unanswered


class QuestionScreen(Screen):
    BINDINGS = [
        Binding("escape", "back", "戻る"),
        *[Binding(str(n), f"pick({n})", show=False) for n in range(10)],
    ]

    def __init__(self, question: Question, index: int, total: int):
        super().__init__()
        self.question, self.index, self.total = question, index, total

    def compose(self) -> ComposeResult:
        q = self.question
        options = [Option(Content(printable(f"{i}. {o.label}")), id=o.value)
                   for i, o in enumerate(q.options, start=1)]
        options.append(Option(Content("0. わからない・答えない"), id=SKIP))
        yield Header()
        yield Static(f"質問 {self.index + 1} / {self.total}", classes="lead")
        yield Static(Content(printable(q.prompt)), id="prompt")
        yield OptionList(*options, id="options")
        yield Static("数字キーで答える・Esc で前に戻る（答えは残ります）", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "相談窓口ナビ — 質問"
        self.show_current_answer()
        self.query_one(OptionList).focus()

    @guarded
    def on_screen_resume(self) -> None:
        self.show_current_answer()  # back from a later step: the kept answer is highlighted

    def show_current_answer(self) -> None:
        current = self.app.consultation.suggested_answer(self.question)
        values = [o.value for o in self.question.options]
        self.query_one(OptionList).highlighted = values.index(current) if current in values else 0

    @guarded
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.answer(None if event.option.id == SKIP else event.option.id)

    @guarded
    def action_pick(self, number: int) -> None:
        if number == 0:
            self.answer(None)
        elif number <= len(self.question.options):
            self.answer(self.question.options[number - 1].value)

    @guarded
    def answer(self, value: str | None) -> None:
        answers = self.app.consultation.answers
        if value is None:
            answers.pop(self.question.id, None)
        else:
            answers[self.question.id] = value
        self.app.next_step(self.index + 1)

    def action_back(self) -> None:
        self.app.pop_screen()
