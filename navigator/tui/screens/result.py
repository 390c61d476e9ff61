"""The result: emergency lines first when there is danger, then where to go, in order, and why."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ...engine import Referral, Result
from ...model import RuleSet
from ...report import UNKNOWN, fallback_note, phone_text
from ...text import printable
from .guard import guarded

def emergency_text(result: Result) -> Content:
    lines = ["緊急のときは、まずこちらへ（全国共通の番号）"]
    lines += [f"  {e.phone}  {e.name} — {e.note}" for e in result.emergency]
    return Content(printable("\n".join(lines)))


def referral_text(ruleset: RuleSet, result: Result, r: Referral) -> Content:
    """One referral as a card. No leading or ASCII spaces: the card's padding keeps wrapped lines
    aligned, and Japanese wraps by character only where no space offers a break."""
    c = r.contact
    label = ruleset.common.concern
    parts: list = [(f"{r.rank}．{printable(c.window)}\n", "bold")]
    parts.append(f"担当課：{printable(c.department or UNKNOWN)}　組織：{printable(c.organization)}\n")
    parts.append(f"電話：{printable(phone_text(r))}")
    if c.address:
        parts.append(f"　住所：{printable(c.address)}")
    if c.hours:
        parts.append(f"\n受付：{printable(c.hours)}")
    parts.append("\n")
    if r.concerns:
        parts.append(f"相談：{printable('・'.join(label(x).label for x in r.concerns))}\n")
    parts.append(f"理由：{printable(r.main.program)}。{printable(r.main.reason)}\n")
    if r.other_programs:
        parts.append(f"ほかに：{printable('、'.join(r.other_programs))}\n")
    note = fallback_note(ruleset, r)
    if note:
        parts.append((f"{printable(note)}\n", "italic"))
    source = r.main.source
    section = (source.section or "").replace(" > ", "＞")
    where = "全国共通" if source.national else f"{result.municipality.plan}　{section}".replace(" ", "　")
    parts.append((f"出典：{printable(where)}", "dim"))
    return Content.assemble(*parts)


class ResultScreen(Screen):
    BINDINGS = [
        Binding("escape", "back", "戻る"),
        Binding("w", "why", "理由の詳細"),
        Binding("e", "export", "つなぎシート"),
    ]

    def __init__(self, result: Result):
        super().__init__()
        self.result = result

    def compose(self) -> ComposeResult:
        app = self.app
        yield Header()
        if self.result.emergency:
            yield Static(emergency_text(self.result), id="emergency")
        with VerticalScroll(id="referrals"):
            labels = "・".join(app.ruleset.common.concern(c).label for c in self.result.concerns)
            yield Static(Content(printable(f"{self.result.municipality.name}　相談：{labels}")), classes="lead")
            for r in self.result.referrals:
                yield Static(referral_text(app.ruleset, self.result, r), classes="referral")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "相談窓口ナビ — 相談先"
        self.query_one("#referrals").focus()

    def action_back(self) -> None:
        self.app.pop_screen()

    @guarded
    def action_why(self) -> None:
        from .dialogs import WhyScreen, why_text

        self.app.push_screen(WhyScreen(why_text(self.app.ruleset, self.result)))

    @guarded
    def action_export(self) -> None:
        from .dialogs import ExportScreen

        self.app.push_screen(ExportScreen(self.result))
