"""The result: emergency lines first when there is danger, then every referral on one line
(rank, 窓口, 担当課, 電話, 相談) with the selected one's details below. It asks for the why
dialog and the slip with messages and dismisses (None) to go back; the app does the rest."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static

from ...engine import Result
from ...model import RuleSet
from ...present import person_label
from ...text import printable
from ..widgets.emergency import EmergencyBlock
from ..widgets.referrals import (ReferralDetail, ReferralList, community_text, concern_labels, detail,
                                 header_line)
from .guard import guarded


class ResultScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "back", "戻る"),
        Binding("w", "why", "理由"),
        Binding("e", "export", "つなぎシート"),
        Binding("c", "community", "地域"),
    ]

    @dataclass
    class WhyRequested(Message):
        result: Result

    @dataclass
    class ExportRequested(Message):
        screen: "ResultScreen"  # the slip is made from what it shows when written (live reload)

    def __init__(self, result: Result, ruleset: RuleSet, community: dict | None = None):
        super().__init__()
        self.result, self.ruleset = result, ruleset
        self.community = community or {}
        self.community_shown = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield EmergencyBlock("", id="emergency")
        yield Static("", id="summary", classes="lead")
        yield Static("", id="list-head", classes="hint")
        yield ReferralList(id="referrals")
        with VerticalScroll(id="detail-pane"):
            yield ReferralDetail("", id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "相談窓口ナビ — 相談先"
        self.show(self.result)
        self.query_one(ReferralList).focus()

    def _width(self) -> int:
        return max(self.size.width - 6, 40)

    def show(self, result: Result, ruleset: RuleSet | None = None) -> None:
        """Draw (or, after a live reload, redraw) the result, keeping the selected row."""
        self.result, self.ruleset = result, ruleset or self.ruleset
        ruleset = self.ruleset
        self.query_one("#emergency", EmergencyBlock).show(ruleset, result)
        self.query_one("#summary", Static).update(Content(printable(summary_line(ruleset, result))))
        self.query_one("#list-head", Static).update(Content(header_line(self._width())))
        self.query_one(ReferralList).show(ruleset, result, self._width())
        self.show_detail()

    def on_resize(self) -> None:
        if self.is_mounted:
            self.show(self.result)

    @property
    def selected(self):
        index = self.query_one(ReferralList).highlighted
        referrals = self.result.referrals
        return referrals[index] if index is not None and index < len(referrals) else None

    def show_detail(self) -> None:
        r = self.selected
        shown = detail(self.ruleset, self.result, r) if r else Content("")
        if r and self.community_shown:
            concerns = r.concerns or self.result.concerns
            shown = Content.assemble(community_text(self.ruleset, concerns, self.community), "\n\n", shown)
        self.query_one("#detail", ReferralDetail).update(shown)
        self.query_one("#detail-pane").scroll_home(animate=False)

    @guarded
    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_detail()

    @guarded
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#detail-pane").focus()  # Enter: read the details (Tab or Esc… back up)

    def action_back(self) -> None:
        if self.focused is self.query_one("#detail-pane"):
            self.query_one(ReferralList).focus()
            return
        self.dismiss(None)

    @guarded
    def action_community(self) -> None:
        """地域でできること for the selected referral's concerns, from the plan (C again hides it)."""
        self.community_shown = not self.community_shown
        self.show_detail()

    def action_why(self) -> None:
        self.post_message(self.WhyRequested(self.result))

    def action_export(self) -> None:
        self.post_message(self.ExportRequested(self))


def summary_line(ruleset: RuleSet, result: Result) -> str:
    """朝霞市の世帯（相談内容から推定）：母（80歳）：介護・認知症／本人（来談者）：生活困窮 — in two
    lines at 80 columns: no space (Textual breaks a line at one, even U+3000) and 推定 said once."""
    persons = [p for p in result.persons if p.concerns]
    if not persons:
        return f"{result.municipality.name}　相談：{concern_labels(ruleset, result.concerns)}"
    every = all(p.inferred for p in persons)
    parts = [f"{person_label(result, p.id)}{'（来談者）' if p.client else ''}："
             + concern_labels(ruleset, [c for c in p.concerns if ruleset.common.concern(c)])
             + ("（推定）" if p.inferred and not every else "") for p in persons]
    return f"{result.municipality.name}の世帯{'（相談内容から推定）' if every else ''}：" + "／".join(parts)
