"""`navigator edit`: a guided editor for the common changes to a municipality's files.

Pick a municipality, then a contact (change its 担当課, window name, phone, address, hours,
notes or dates), 「＋ 新しい窓口」, or a rule to retire. Before anything is written the change is
checked, tested and diffed on a copy (edit.preview) and shown; a change that fails check cannot
be saved. The file is changed as a small text edit (edit.py): every other byte stays as it was.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from .. import edit
from ..loading import load, municipality_ids
from ..names import fill
from ..text import printable
from .editor_review import Review

NOT_STATED = "記載なし"


def _text(value: str) -> Content:
    return Content(printable(value))


class EditorApp(App):
    TITLE = "相談窓口ナビ — ルールの編集"
    ENABLE_COMMAND_PALETTE = False
    CSS = """
    .field { height: auto; margin: 0 0 1 0; }
    .field Label { width: 14; padding: 0 1 0 1; }
    .field Input { width: 1fr; height: 1; border: none; padding: 0 1; background: $boost; }
    .field Input:focus { background: $accent 30%; }
    .field Select { width: 1fr; }
    #review-body { height: 1fr; }
    #items, #municipalities { height: 1fr; }
    #buttons { height: auto; }
    #form { height: 1fr; }
    """
    BINDINGS = [Binding("ctrl+q", "quit", "終了", priority=True)]

    def __init__(self, rules_dir: Path, contacts_dir: Path, municipality: str | None = None,
                 plans_dir: Path | None = None, today: dt.date | None = None):
        super().__init__()
        self.rules_dir, self.contacts_dir = Path(rules_dir), Path(contacts_dir)
        self.wanted, self.today = municipality, today or dt.date.today()
        if plans_dir is None:
            from ..checks.quotes import default_plans_dir
            plans_dir = default_plans_dir(self.rules_dir)
        self.plans_dir = plans_dir

    def on_mount(self) -> None:
        if self.wanted in municipality_ids(self.rules_dir):
            self.push_screen(PickItem(self.wanted))
        else:
            self.push_screen(PickMunicipality())

    def path_of(self, kind: str, mid: str) -> Path:
        return (self.rules_dir if kind == "rules" else self.contacts_dir) / f"{mid}.yaml"

    def plan_text(self, mid: str):
        """The plan the municipality's file cites, when the plans folder is at hand."""
        from ..checks.quotes import PlanText

        if self.plans_dir is None:
            return None
        loaded = load(self.rules_dir, self.contacts_dir, [mid])
        plan = loaded.ruleset.plans.get(mid)
        path = Path(self.plans_dir) / plan.municipality.seed if plan else None
        return PlanText.read(path) if path and path.is_file() else None


class PickMunicipality(Screen):
    BINDINGS = [Binding("escape", "app.quit", "終了")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("どの市町村のファイルを直しますか（↑↓とEnter）", classes="lead")
        yield OptionList(*[Option(_text(mid), id=mid) for mid in municipality_ids(self.app.rules_dir)],
                         id="municipalities")
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.app.push_screen(PickItem(event.option.id))


class PickItem(Screen):
    """The municipality's contacts, 「新しい窓口」, and its rules (to retire)."""

    BINDINGS = [Binding("escape", "app.pop_screen", "戻る")]

    def __init__(self, mid: str):
        super().__init__()
        self.mid = mid

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_text(f"{self.mid}: 直す窓口、または廃止するルールを選んでください（↑↓とEnter）"), classes="lead")
        yield OptionList(id="items")
        yield Footer()

    def on_mount(self) -> None:
        self.refill()

    def on_screen_resume(self) -> None:
        self.refill()

    def refill(self) -> None:
        options = self.query_one("#items", OptionList)
        options.clear_options()
        try:
            contacts = edit.items(self.app.path_of("contacts", self.mid).read_text(encoding="utf-8"), "contacts")
            rules = edit.items(self.app.path_of("rules", self.mid).read_text(encoding="utf-8"), "rules")
        except (OSError, edit.EditError, Exception) as exc:  # a broken file: say so, do not guess
            options.add_option(Option(_text(f"ファイルを読めません（{type(exc).__name__}）。navigator check で"
                                            "問題を確かめ、直してから使ってください。"), disabled=True))
            return
        for item in contacts:
            department = _value(item, "department")
            window = fill(_value(item, "window"), department, _value(item, "organization"))
            options.add_option(Option(_text(f"窓口: {window}（{department or NOT_STATED}）  [{item.id}]"),
                                      id=f"contact:{item.id}"))
        options.add_option(Option(_text("＋ 新しい窓口を追加"), id="new-contact"))
        for item in rules:
            options.add_option(Option(_text(f"ルール: {_value(item, 'program')}  [{item.id}]"), id=f"rule:{item.id}"))
        options.highlighted = 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        kind, _, ident = (event.option.id or "").partition(":")
        if kind == "contact":
            self.app.push_screen(ContactForm(self.mid, ident))
        elif kind == "new-contact":
            self.app.push_screen(ContactForm(self.mid, None))
        elif kind == "rule":
            path = self.app.path_of("rules", self.mid)
            before = path.read_text(encoding="utf-8")
            after = edit.retire_rule(before, ident, self.app.today)
            self.app.push_screen(Review(self.mid, path, after, f"ルール {ident} を廃止（コメントにして残します）"))


def _value(item: edit.Item, key: str) -> str:
    """A field as the form shows it: the text as written, empty for null or missing."""
    node = item.values.get(key)
    if node is None or not isinstance(getattr(node, "value", None), str) or node.tag.endswith(":null"):
        return ""
    return node.value


class ContactForm(Screen):
    """One contact's fields; for a new contact also its id, organization and source."""

    BINDINGS = [Binding("escape", "app.pop_screen", "戻る"), Binding("ctrl+s", "review", "確認へ")]

    def __init__(self, mid: str, ident: str | None):
        super().__init__()
        self.mid, self.ident = mid, ident
        self.path = None

    def compose(self) -> ComposeResult:
        self.path = self.app.path_of("contacts", self.mid)
        text = self.path.read_text(encoding="utf-8")
        item = edit.find(text, "contacts", self.ident) if self.ident else None
        self.original = {k: (_value(item, k) if item else "") for k in edit.CONTACT_FIELDS}
        yield Header()
        head = f"窓口 {self.ident} を直します" if self.ident else f"{self.mid} に新しい窓口を足します"
        yield Static(_text(head + "。空欄は「記載なし」（null）になります。日付は 2026-04-01 の形で。Ctrl+S で確認へ。"))
        with VerticalScroll(id="form"):
            if not self.ident:
                yield from _field("id", "id（英数字）", f"{self.mid}-")
                yield from _field("organization", "組織", "")
            for key in edit.CONTACT_FIELDS:
                yield from _field(key, edit.FIELD_LABELS[key], self.original[key])
            if not self.ident:
                yield from self._source_fields()
        with Horizontal(id="buttons"):
            yield Button("確認へ（Ctrl+S）", id="review", variant="primary")
            yield Button("戻る", id="back")
        yield Footer()

    def _source_fields(self) -> ComposeResult:
        """Section and quote chosen from the plan's own text when it is at hand, so the
        citation is verbatim; typed otherwise (check --plans then verifies it)."""
        plan = self.app.plan_text(self.mid)
        self.plan = plan
        if plan is None:
            yield from _field("section", "出典の節", "")
            yield from _field("quote", "出典の文章", "")
            return
        headings = [line.strip() for line in plan.raw_lines if _heading(line)]
        with Horizontal(classes="field"):
            yield Label("出典の節")
            yield Select([(h[:60], h) for h in dict.fromkeys(headings)], id="field-section", prompt="計画の見出しから選ぶ")
        with Horizontal(classes="field"):
            yield Label("出典の文章")
            yield Select([], id="field-quote", prompt="窓口名を入れると計画の文章から選べます")

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "field-window" and not self.ident and getattr(self, "plan", None) is not None:
            words = [w for w in (event.value.strip(),) if len(w) >= 2]
            lines = [line.strip() for line in self.plan.raw_lines if words and words[0] in line]
            self.query_one("#field-quote", Select).set_options([(q[:70], q) for q in dict.fromkeys(lines)][:30])

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "review":
            self.action_review()
        else:
            self.app.pop_screen()

    def values(self) -> dict[str, str]:
        found = {}
        for widget in self.query(".field Input, .field Select"):
            value = widget.value
            found[widget.id.removeprefix("field-")] = value.strip() if isinstance(value, str) else ""  # no choice: empty
        return found

    def action_review(self) -> None:
        values = self.values()
        try:
            changes = {k: (edit.date_value(values[k]) if k in edit.CONTACT_DATES else values[k] or None)
                       for k in edit.CONTACT_FIELDS if values[k] != self.original[k]}
        except ValueError as exc:
            self.notify(printable(f"日付は 2026-04-01 の形で書いてください（「{exc}」）。"), severity="error", markup=False)
            return
        text = self.path.read_text(encoding="utf-8")
        try:
            if self.ident:
                if not changes:
                    self.notify("変更がありません。")
                    return
                after, what = edit.set_fields(text, "contacts", self.ident, changes), f"窓口 {self.ident} を変更"
            else:
                source = {"file": self._seed(), "section": values.get("section", ""), "quote": values.get("quote", "")}
                after = edit.add_contact(text, {**values, **{k: v for k, v in changes.items()}}, source)
                what = f"窓口 {values.get('id')} を追加"
        except edit.EditError as exc:
            self.notify(printable(f"この変更はエディタではできません（{exc}）。ファイルを直接直してください。"),
                        severity="error", markup=False)
            return
        self.app.push_screen(Review(self.mid, self.path, after, what))

    def _seed(self) -> str:
        loaded = load(self.app.rules_dir, self.app.contacts_dir, [self.mid])
        plan = loaded.ruleset.plans.get(self.mid)
        return plan.municipality.seed if plan else ""


def _field(key: str, label: str, value: str) -> ComposeResult:
    with Horizontal(classes="field"):
        yield Label(label)
        yield Input(value=value, id=f"field-{key}")


def _heading(line: str) -> bool:
    stripped = line.strip()
    return 2 <= len(stripped) <= 60 and stripped[0] in "第基方【（(■●◆1234567890１２３４５６７８９" and "。" not in stripped
