"""Intake: the resident's words (wrapped, shown whole; candidates with the words that matched
as you type) and every concern to tick, in two columns, ☑ / ☐. The screen edits the Intake it is
given and posts a message when staff go on; the app decides what comes next."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, TextArea

from ...danger_found import Danger
from ...intake import Intake, household_from_text
from ...text import printable, quoted
from ..safe_input import SafeTextArea
from ..widgets.concerns import ConcernGrid, Item
from .guard import guarded

if TYPE_CHECKING:   # the first screen: no model or matcher imported before it is shown
    from ...model import RuleSet
    from ...search import ConcernMatcher, Match

LOADING = "ルールを読み込んでいます…（入力は続けられます）"
WAIT = "ルールを読み込んでいます。終わりしだい次へ進みます。"
NOTHING = "相談の種類が見つかりません。下の一覧から選ぶか（Tab → ↑↓ → スペース）、F5 で質問に答えて探せます。"
SHOWN = 6  # candidates named on the line under the text


class ResidentText(SafeTextArea):
    """The resident's words, wrapped so a long sentence is seen whole; Enter goes on
    (Shift+Enter or Ctrl+J ends the sentence: a line break becomes 「。」, see one_paragraph)."""

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
        Binding("f2", "next", "次へ", show=False),   # the footer keeps to 80 columns; F1 lists it
        Binding("f5", "guided", "質問で探す"),
        Binding("f6", "household", "世帯", priority=True),  # over TextArea's select-line
        Binding("ctrl+n", "app.new_consultation", "新規", show=False),  # the app's, off this footer
    ]

    @dataclass
    class Submitted(Message):
        """The intake was read (and its suggestions ticked): on to the questions."""

    @dataclass
    class Guided(Message):
        """Staff asked for the guided path (どなたのことですか …)."""

    @dataclass
    class HouseholdRequested(Message):
        """Staff want to say whose concern is whose."""

    def __init__(self, intake: Intake, ruleset: RuleSet | None, matcher: ConcernMatcher | None):
        """ruleset None: shown while the rules load (typing works; `ready` fills the screen in)."""
        super().__init__()
        self.intake, self.ruleset, self.matcher = intake, ruleset, matcher
        self.waiting: str | None = None   # the action asked for before the rules were ready

    def compose(self) -> ComposeResult:
        yield Header()
        yield ResidentText(id="text", soft_wrap=True, show_line_numbers=False, compact=True,
                           placeholder="相談内容をそのまま入力（例: 家賃が払えなくて、仕事もなくなった）")
        yield Static("", id="suggest")
        yield Static("", id="danger-cue")
        yield Static("", id="household", classes="hint")
        yield Static(self._where(), id="where", classes="lead")
        yield ConcernGrid(self._items(), self.intake.ticked, id="concerns")
        yield Static("", id="describe", classes="hint")
        yield Footer()

    def _plan_name(self) -> str:
        return self.ruleset.plans[self.intake.municipality].municipality.name

    def _where(self) -> Content | str:
        if self.ruleset is None:
            return LOADING
        return Content(printable(f"{self._plan_name()}の計画で案内します　相談の種類（☑ 選んだもの・スペースで選ぶ／外す）"))

    def _title(self) -> str:
        return printable(f"相談窓口ナビ — {self._plan_name() if self.ruleset else '読み込み中'} — 相談内容")

    def _items(self) -> list[Item]:
        return [Item(c.id, c.label) for c in self.ruleset.common.concerns] if self.ruleset else []

    def ready(self, ruleset: RuleSet, matcher: ConcernMatcher) -> None:
        """The rules are loaded: fill in the plan, the concerns and what the words typed so far
        find, then do what staff asked for meanwhile (Enter, F2, F5, F6)."""
        self.refresh_concerns(ruleset, matcher)
        self.title = self._title()
        self.query_one("#where", Static).update(self._where())
        self.on_text_area_changed(None)
        action, self.waiting = self.waiting, None
        if action:
            getattr(self, f"action_{action}")()

    def _wait(self, action: str) -> bool:
        """Before the rules are ready: remember the action and say so (True: it has to wait)."""
        if self.ruleset is not None:
            return False
        self.waiting = action
        self.notify(WAIT, timeout=3)
        return True

    def refresh_concerns(self, ruleset: RuleSet, matcher: ConcernMatcher) -> None:
        """After a live reload: the list shows the new concerns, keeping what is still ticked."""
        self.ruleset, self.matcher = ruleset, matcher
        known = {c.id for c in ruleset.common.concerns}
        self.intake.ticked[:] = [c for c in self.intake.ticked if c in known]
        self.query_one(ConcernGrid).set_items(self._items(), self.intake.ticked)

    def on_mount(self) -> None:
        self.title = self._title()
        text = self.query_one("#text", ResidentText)
        if self.intake.text:
            text.text = self.intake.text
        text.focus()

    @guarded
    def on_screen_resume(self) -> None:
        """Back from the guided path or the questions: show what is ticked and whose it is now."""
        if self.ruleset is None:
            return
        self.query_one(ConcernGrid).set_items(self._items(), self.intake.ticked)
        self.show_household(self.intake.suggest(self.matcher))

    # ---- typing: candidates on every keystroke
    @guarded
    def on_text_area_changed(self, event: TextArea.Changed | None) -> None:
        value = self.query_one("#text", ResidentText).text
        self.intake.text = value
        if self.ruleset is None:   # kept in the Intake; read when the rules are ready
            return
        found = self.intake.suggest(self.matcher)
        label = self.ruleset.common.concern
        suggest = self.query_one("#suggest", Static)
        danger = self._danger()
        if found:
            suggest.set_class(False, "-nothing")
            suggest.update(Content(printable(suggestion_line(found[:SHOWN], lambda c: label(c).label,
                                                             danger.detected))))
        elif len(value.strip()) >= 4:
            suggest.set_class(True, "-nothing")
            suggest.update(NOTHING)
        else:
            suggest.update("")
        cue = self.query_one("#danger-cue", Static)
        warning = danger_line(self.ruleset, danger)
        cue.update(Content(printable(warning)))
        cue.display = bool(warning)
        self.show_household(found)

    def _danger(self) -> Danger:
        """Danger in the resident's words, whatever is ticked (cheap: run on every keystroke)."""
        from ...danger import detect   # the cues: not imported before the first screen

        return detect(self.ruleset.common.danger, self.intake.text) if self.intake.text.strip() else Danger()

    def show_household(self, found: list[Match]) -> None:
        persons = household_from_text(self.ruleset, self.intake.text, found)
        moved = self.intake.moved
        label = self.ruleset.common.concern
        line = "／".join(f"{p.relation}{f'（{p.age}歳）' if p.age else ''}：" + "・".join(
            label(c).label for c in _owned(p, persons, moved) if label(c)) for p in persons)
        fixed = "直したもの" if any(r in {p.relation for p in persons} for r in moved.values()) else "相談内容から推定"
        self.query_one("#household", Static).update(
            Content(printable(f"世帯（{fixed}）：{line}（F6で直す）")) if persons else "")

    @guarded
    def action_submit(self) -> None:
        if not self._wait("submit"):
            self.go(accept=True)

    @guarded
    def action_next(self) -> None:
        if not self._wait("next"):
            self.go(accept=False)

    @guarded
    def accept_suggestions(self, accept: bool = True) -> None:
        """Read the words and (Enter) tick what they found, as `intake.take` does."""
        self.intake.read(self.ruleset, self.matcher, accept=accept)
        grid = self.query_one(ConcernGrid)
        for cid in self.intake.ticked:
            grid.tick(cid)

    def go(self, accept: bool) -> None:
        """Read the words (Enter also ticks what they found) and go on, unless nothing is there."""
        self.accept_suggestions(accept)
        grid = self.query_one(ConcernGrid)
        if not self.intake.ticked and not self.intake.danger.detected:
            self.notify(NOTHING, severity="warning")
            grid.focus()
            return
        self.post_message(self.Submitted())

    # ---- ticking
    @guarded
    def on_concern_grid_changed(self, event: ConcernGrid.Changed) -> None:
        self.intake.ticked[:] = event.ticked

    @guarded
    def on_concern_grid_highlighted(self, event: ConcernGrid.Highlighted) -> None:
        concern = self.ruleset.common.concern(event.concern) if self.ruleset else None
        self.query_one("#describe", Static).update(Content(printable(concern.description if concern else "")))

    def action_guided(self) -> None:
        if not self._wait("guided"):
            self.post_message(self.Guided())

    @guarded
    def action_household(self) -> None:
        if self._wait("household"):
            return
        if household_from_text(self.ruleset, self.intake.text, self.intake.suggest(self.matcher)):
            self.post_message(self.HouseholdRequested())
        else:
            self.notify("相談内容から世帯（二人以上）が読み取れないため、直すものがありません。", severity="warning")


def _owned(person, persons, moved: dict[str, str]) -> list[str]:
    """The person's concerns after staff's corrections (Intake.move)."""
    owner = {c: p.relation for p in persons for c in p.concerns}
    owner.update({c: r for c, r in moved.items() if c in owner and r in owner.values()})
    return [c for c, r in owner.items() if r == person.relation]


def danger_line(ruleset: RuleSet, danger: Danger) -> str:
    """危険の手がかり（110・119）：今まさに暴力・命の危険「包丁を持」「暴れ」 — shown as the resident
    types; the numbers first, so a narrow screen that cuts the line never cuts them. No ASCII
    spaces in these lines: Textual breaks a line at a space, which left half of it blank."""
    if not danger.detected:
        return ""
    parts, phones = [], []
    for kind_id in danger.kinds:
        kind = ruleset.common.danger.kind(kind_id)
        line = ruleset.common.line(kind.lines[0]) if kind and kind.lines else None
        if line and line.phone not in phones:
            phones.append(line.phone)
        parts.append((kind.label if kind else kind_id) + quoted(danger.cues_of(kind_id)[:2]))
    numbers = f"（{'・'.join(phones)}）" if phones else ""
    return f"危険の手がかり{numbers}：" + "・".join(parts)


def suggestion_line(matches: list[Match], label, danger: bool = False) -> str:
    """候補（Enterで決定）：生活困窮「家賃が払えず」・住まい「家賃」 — the resident's words behind each
    concern; a concern only an example suggests says so, with the example. What Enter does comes
    first, where a long line is never cut: it ticks them all, except (with danger in the words)
    the ones only an example suggests (Intake.accept)."""
    if not matches:
        return ""
    if all(m.candidate for m in matches):
        first = matches[0]
        reason = f"例文「{_short(first.matched[0])}」に近い" if first.hits and first.hits[0].how == "例文" else "単独では弱い語"
        names = "・".join(label(m.concern) for m in matches)
        if danger:
            return f"候補（要確認・Enterでは選ばない）：{names}←{reason}（選ぶときは一覧でスペース）"
        return f"候補（要確認・Enterで決定）：{names}←{reason}"
    parts = []
    for m in matches:
        words = list(dict.fromkeys(w for h in m.hits for w in h.words))[:2]
        unsure = "（要確認）" if danger and m.candidate else ""
        parts.append(label(m.concern) + "".join(f"「{_short(w)}」" for w in words) + unsure)
    unsure = danger and any(m.candidate for m in matches)
    return f"候補（Enterで決定{'・要確認のものは除く' if unsure else ''}）：{'・'.join(parts)}"


def _short(text: str, limit: int = 14) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
