"""Intake: the resident's words as free text (suggestions as you type) and concerns to tick."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, SelectionList, Static
from textual.widgets.selection_list import Selection

from ...text import printable
from ..state import suggestion_line, suggestions
from .guard import guarded


class ConcernList(SelectionList):
    """Space ticks a concern; Enter goes on with what is ticked."""

    BINDINGS = [Binding("enter", "screen.next", "次へ", priority=True)]


class IntakeScreen(Screen):
    BINDINGS = [
        Binding("escape", "app.choose_municipality", "市町村を変える"),
        Binding("f2", "next", "次へ"),
    ]

    def compose(self) -> ComposeResult:
        app = self.app
        plan = app.ruleset.plans[app.consultation.municipality]
        yield Header()
        yield Static(Content(printable(f"{plan.municipality.name}の計画で案内します")), id="where", classes="lead")
        yield Input(placeholder="相談内容をそのまま入力（例: 家賃が払えなくて、仕事もなくなった）", id="text")
        yield Static("", id="suggest")
        yield Static("相談の種類（Tabで移動・スペースで選択・複数可・Enterで次へ）", classes="lead")
        yield ConcernList(*self._selections(), id="concerns")
        yield Static("", id="describe", classes="hint")
        yield Footer()

    def _selections(self) -> list[Selection]:
        ticked = self.app.consultation.ticked
        return [Selection(Content(printable(c.label)), c.id, c.id in ticked) for c in self.app.ruleset.common.concerns]

    def refresh_concerns(self) -> None:
        """After a live reload: the list shows the new concerns, keeping what is still ticked."""
        known = {c.id for c in self.app.ruleset.common.concerns}
        self.app.consultation.ticked[:] = [c for c in self.app.consultation.ticked if c in known]
        concerns = self.query_one(ConcernList)
        concerns.clear_options()
        concerns.add_options(self._selections())

    def on_mount(self) -> None:
        self.title = "相談窓口ナビ — 相談内容"
        self.query_one("#text", Input).focus()

    # ---- typing: suggestions on every keystroke
    @guarded
    def on_input_changed(self, event: Input.Changed) -> None:
        self.app.consultation.text = event.value
        found = suggestions(self.app.matcher, event.value)
        line = suggestion_line(found, lambda c: self.app.ruleset.common.concern(c).label)
        self.query_one("#suggest", Static).update(Content(printable(line)))

    @guarded
    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.accept_suggestions()
        self.action_next()

    @guarded
    def accept_suggestions(self) -> None:
        consultation = self.app.consultation
        consultation.accept(suggestions(self.app.matcher, consultation.text))
        concerns = self.query_one(ConcernList)
        for cid in consultation.ticked:
            concerns.select(cid)

    # ---- ticking
    @guarded
    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        chosen = set(event.selection_list.selected)
        ticked = self.app.consultation.ticked
        ticked[:] = [c for c in ticked if c in chosen] + [c for c in event.selection_list.selected if c not in ticked]

    @guarded
    def on_selection_list_selection_highlighted(self, event: SelectionList.SelectionHighlighted) -> None:
        concern = self.app.ruleset.common.concern(event.selection.value)
        self.query_one("#describe", Static).update(Content(printable(concern.description if concern else "")))

    @guarded
    def action_next(self) -> None:
        if not self.app.consultation.ticked:
            self.notify("相談の種類が見つかりません。下の一覧から選んでください（Tab → スペース）。",
                        severity="warning")
            self.query_one(ConcernList).focus()
            return
        self.app.next_step(0)

    def reset(self) -> None:
        self.query_one("#text", Input).value = ""
        self.query_one(ConcernList).deselect_all()
