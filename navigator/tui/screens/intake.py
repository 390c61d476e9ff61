"""Intake: the resident's words (wrapped, shown whole; candidates with the words that matched
as you type) and every concern to tick, in two columns, ☑ / ☐."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, TextArea

from ...intake import household_from_text
from ...search import Match
from ...text import printable
from ..safe_input import SafeTextArea
from ..state import danger_line, suggestion_line, suggestions
from ..widgets.concerns import ConcernGrid, Item
from .guard import guarded

NOTHING = "相談の種類が見つかりません。下の一覧から選ぶか（Tab → ↑↓ → スペース）、F5 で質問に答えて探せます。"


class ResidentText(SafeTextArea):
    """The resident's words, wrapped so a long sentence is seen whole; Enter goes on
    (Shift+Enter or Ctrl+J is a new line)."""

    BINDINGS = [Binding("enter", "screen.submit", "決定して次へ", priority=True),
                Binding("shift+enter,ctrl+j", "newline", show=False)]

    @property
    def value(self) -> str:
        return self.text

    @value.setter
    def value(self, text: str) -> None:
        self.text = text

    def action_newline(self) -> None:
        self.insert("\n")


class IntakeScreen(Screen):
    BINDINGS = [
        Binding("escape", "app.choose_municipality", "市町村"),
        Binding("f2", "next", "次へ"),
        Binding("f5", "guided", "質問で探す"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield ResidentText(id="text", soft_wrap=True, show_line_numbers=False, compact=True,
                           placeholder="相談内容をそのまま入力（例: 家賃が払えなくて、仕事もなくなった）")
        yield Static("", id="suggest")
        yield Static("", id="danger-cue")
        yield Static("", id="household", classes="hint")
        plan = self.app.ruleset.plans[self.app.consultation.municipality]
        yield Static(Content(printable(f"{plan.municipality.name}の計画で案内します　相談の種類"
                                       "（☑ 選んだもの・スペースで選ぶ／外す）")), id="where", classes="lead")
        yield ConcernGrid(self._items(), self.app.consultation.ticked, id="concerns")
        yield Static("", id="describe", classes="hint")
        yield Footer()

    def _items(self) -> list[Item]:
        return [Item(c.id, c.label) for c in self.app.ruleset.common.concerns]

    def refresh_concerns(self) -> None:
        """After a live reload: the list shows the new concerns, keeping what is still ticked."""
        known = {c.id for c in self.app.ruleset.common.concerns}
        self.app.consultation.ticked[:] = [c for c in self.app.consultation.ticked if c in known]
        self.query_one(ConcernGrid).set_items(self._items(), self.app.consultation.ticked)

    def on_mount(self) -> None:
        plan = self.app.ruleset.plans[self.app.consultation.municipality]
        self.title = printable(f"相談窓口ナビ — {plan.municipality.name} — 相談内容")
        text = self.query_one("#text", ResidentText)
        if self.app.consultation.text:
            text.text = self.app.consultation.text
        text.focus()

    @guarded
    def on_screen_resume(self) -> None:
        """Back from the guided path or the questions: show what is ticked now."""
        self.query_one(ConcernGrid).set_items(self._items(), self.app.consultation.ticked)

    # ---- typing: candidates on every keystroke
    @guarded
    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        value = event.text_area.text
        self.app.consultation.text = value
        found = suggestions(self.app.matcher, value)
        label = self.app.ruleset.common.concern
        suggest = self.query_one("#suggest", Static)
        if found:
            suggest.set_class(False, "-nothing")
            suggest.update(Content(printable(suggestion_line(found, lambda c: label(c).label))))
        elif len(value.strip()) >= 4:
            suggest.set_class(True, "-nothing")
            suggest.update(NOTHING)
        else:
            suggest.update("")
        cue = self.query_one("#danger-cue", Static)
        warning = danger_line(self.app.ruleset, self.app.consultation.danger(self.app.ruleset))
        cue.update(Content(printable(warning)))
        cue.display = bool(warning)
        self.show_household(found)

    def show_household(self, found: list[Match]) -> None:
        persons = household_from_text(self.app.ruleset, self.app.consultation.text, found)
        label = self.app.ruleset.common.concern
        line = "　／　".join(f"{p.relation}{f'（{p.age}歳）' if p.age else ''}: "
                            + "・".join(label(c).label for c in p.concerns if label(c)) for p in persons)
        self.query_one("#household", Static).update(
            Content(printable(f"世帯（相談内容から推定）: {line}")) if persons else "")

    @guarded
    def action_submit(self) -> None:
        self.accept_suggestions()
        self.action_next()

    @guarded
    def accept_suggestions(self) -> None:
        consultation = self.app.consultation
        consultation.accept(suggestions(self.app.matcher, consultation.text))
        grid = self.query_one(ConcernGrid)
        for cid in consultation.ticked:
            grid.tick(cid)

    # ---- ticking
    @guarded
    def on_concern_grid_changed(self, event: ConcernGrid.Changed) -> None:
        self.app.consultation.ticked[:] = event.ticked

    @guarded
    def on_concern_grid_highlighted(self, event: ConcernGrid.Highlighted) -> None:
        concern = self.app.ruleset.common.concern(event.concern)
        self.query_one("#describe", Static).update(Content(printable(concern.description if concern else "")))

    @guarded
    def action_next(self) -> None:
        consultation = self.app.consultation
        if not consultation.ticked and not consultation.danger(self.app.ruleset).detected:
            self.notify(NOTHING, severity="warning")
            self.query_one(ConcernGrid).focus()
            return
        self.app.consultation.read_household(self.app.ruleset, self.app.matcher)
        self.app.next_step(0)

    @guarded
    def action_guided(self) -> None:
        self.app.start_guided()
