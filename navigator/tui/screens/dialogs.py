"""Dialogs over the current screen: help, the "why" trace, and exporting a referral slip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Static

from ...danger import why_line
from ...engine import Result, explain
from ...model import RuleSet
from ...slip import render, rules_version, write_private
from ...text import printable
from .guard import guarded

HELP_KEYS = [
    ("相談内容", "文字を入力→候補／Enter 決定して次へ／F5 質問に答えて探す"),
    ("", "Tab 一覧へ／↑↓←→ 移動／スペース 選ぶ・外す／F2 次へ"),
    ("質問", "数字キー 答える（画面の番号だけ）／Esc 前に戻る"),
    ("相談先", "↑↓ 窓口を選ぶ→下に詳細／Enter 詳細を読む"),
    ("", "W 理由の詳細／E つなぎシート"),
    ("どこでも", "Ctrl+N 新しい相談／F3 明るさ／F4 ルールの問題"),
    ("", "F1 ヘルプ／Ctrl+Q 終了（相談の途中なら確かめます）"),
]
HELP_NOTE = ("マウスでも操作できます（クリックで選ぶ・ホイールで送る）。\n"
             "相談内容はファイルに保存されません。つなぎシートを書き出したときだけ、\n"
             "指定した場所に書き出されます（本人の言葉は同意があるときだけ）。")


def help_text() -> Content:
    """Key help that fits 80×24: one aligned row per screen."""
    from ..widgets.referrals import fit

    width = max(len(name) for name, _ in HELP_KEYS) * 2 + 2
    rows = [f"{fit(name, width)}{keys}" for name, keys in HELP_KEYS]
    return Content("キー操作（Esc で閉じる）\n\n" + "\n".join(rows) + "\n\n" + HELP_NOTE)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; いいえ has the focus, so a stray Enter loses nothing."""

    BINDINGS = [Binding("y", "answer(True)", "はい", show=False),
                Binding("n,escape", "answer(False)", "いいえ", show=False)]

    def __init__(self, question: str):
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(printable(self.question)))
            with Horizontal(id="confirm-buttons"):
                yield Button("はい（Y）", id="yes", variant="error")
                yield Button("いいえ（N・Esc）", id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class HelpScreen(ModalScreen):
    BINDINGS = [Binding("escape,f1,q", "app.pop_screen", "閉じる")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(help_text())


def why_text(ruleset: RuleSet, result: Result, understood: list[str] = ()) -> Content:
    """Which words, answers and rules led to each referral (built before the dialog opens, so a
    failure here leaves the result screen as it was). `understood`: search.explain_understanding."""
    common = ruleset.common
    lines = ["理由の詳細（Escで閉じる）", ""]
    if understood:
        lines += ["相談内容から見つかったこと:"] + [f"  {line}" for line in understood] + [""]
    given = [f"{q.prompt} → {q.option(v).label}" for q in common.questions
             if (v := result.answers.get(q.id)) and q.option(v)]
    lines += ["回答:"] + [f"  {g}" for g in given] if given else ["回答: なし"]
    if result.emergency:  # each line its own reason (D5), not one sentence for all
        lines += ["", "緊急連絡先を表示した理由:"]
        lines += [f"  {e.phone} {e.name}: {why_line(ruleset.common, result.danger, e)}" for e in result.emergency]
    for r in result.referrals:
        lines += ["", f"{r.rank}. {r.contact.window}"]
        lines += [f"   {line}" for line in explain(ruleset, r)]
    return Content(printable("\n".join(lines)))


class WhyScreen(ModalScreen):
    """Which answers and rules led to each referral."""

    BINDINGS = [Binding("escape,w,q", "app.pop_screen", "閉じる")]

    def __init__(self, text: Content):
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(self.text)


def default_slip_path(today: dt.date | None = None) -> Path:
    return Path.cwd() / f"つなぎシート_{(today or dt.date.today()).isoformat()}.md"


class ExportScreen(ModalScreen):
    """Ask where to write the slip, with what, and write it only when the user confirms."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "やめる"),
        Binding("ctrl+s", "write", "書き出す"),
    ]

    def __init__(self, result: Result):
        super().__init__()
        self.result = result

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("つなぎシートを書き出します。書き出し先（.md は Markdown、それ以外はテキスト）:")
            yield Input(str(default_slip_path()), id="path", select_on_focus=False)  # a stray key must not wipe it
            yield Checkbox("本人の同意あり", id="consent")
            yield Checkbox("相談内容（本人の言葉）も含める", id="include-text")
            yield Static("", id="export-message")
            yield Static("Enter または Ctrl+S で書き出す・Esc でやめる", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_write()

    @guarded
    def action_write(self) -> None:
        app = self.app
        raw = self.query_one("#path", Input).value.strip()
        message = self.query_one("#export-message", Static)
        if not raw:
            message.update("書き出し先を入力してください。")
            return
        path, refusal = _target(raw)
        if refusal:
            message.update(Content(printable(refusal)))
            return
        include_text = self.query_one("#include-text", Checkbox).value
        text = render(app.ruleset, self.result, markdown=path.suffix.lower() == ".md",
                      consent=self.query_one("#consent", Checkbox).value,
                      version=rules_version(app.rules_dir, app.contacts_dir),
                      free_text=app.consultation.text.strip() if include_text else None)
        try:
            write_private(path, text)
        except (OSError, ValueError) as exc:  # ValueError: e.g. a NUL character in the path
            message.update(Content(printable(f"書き出せませんでした（{getattr(exc, 'strerror', None) or exc}）: {path}")))
            return
        app.pop_screen()
        app.notify(printable(f"書き出しました: {path}"), markup=False)


def _target(raw: str) -> tuple[Path, str | None]:
    """The path to write, or why not: an existing file is never replaced."""
    try:
        path = Path(raw).expanduser()
    except RuntimeError:  # ~someone who does not exist
        return Path(raw), f"ホームフォルダが見つかりません: {raw}"
    if path.is_dir():
        return path, f"フォルダです。ファイル名まで入力してください: {path}"
    if path.exists() or path.is_symlink():
        return path, f"同じ名前のファイルがあります。別の名前にしてください: {path}"
    return path, None
