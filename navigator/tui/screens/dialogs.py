"""Dialogs over the current screen: help, the "why" trace, and exporting a referral slip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Static

from ...engine import Result
from ...explain import result_why
from ...model import RuleSet
from ...community import community_dir, for_municipality, load_items
from ...render.slip import DESK, MINSEI, SlipRequest, render, render_html
from ...render.slip_file import default_folder, unique_path, write_private
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
    """The why dialog's text (navigator/explain.py), built before the dialog opens, so a failure
    there leaves the result screen as it was."""
    return Content(printable("\n".join(result_why(ruleset, result, understood))))


class WhyScreen(ModalScreen):
    """Which answers and rules led to each referral."""

    BINDINGS = [Binding("escape,w,q", "app.pop_screen", "閉じる")]

    def __init__(self, text: Content):
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(self.text)


def default_slip_path(now: dt.datetime | None = None) -> Path:
    """A new name (date and time) in the slips folder, which is never inside a git work tree."""
    return unique_path(default_folder(), now)


class ExportScreen(ModalScreen):
    """Ask where to write the slip, with what, and write it only when the user confirms. The
    slip is made from what the result screen shows at that moment (after a live reload too)."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "やめる"),
        Binding("ctrl+s", "write", "書き出す"),
    ]

    def __init__(self, result: Result | Callable[[], Result]):
        super().__init__()
        self.current = result if callable(result) else (lambda: result)

    @property
    def result(self) -> Result:
        return self.current()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(printable(f"つなぎシートを書き出します。書き出し先（{default_folder()} に作ります。"
                                           "変えてもかまいません）:")))
            yield Input(str(default_slip_path()), id="path", select_on_focus=False)  # a stray key must not wipe it
            yield Static(".html は印刷用（A4、ブラウザで開きます）・.md は Markdown・.txt はテキスト", classes="hint")
            yield TickBox("情報共有に同意あり（本人が関係機関との共有に同意した）", id="consent")
            yield TickBox("相談内容（本人の言葉）も含める（同意があるときだけ）", id="include-text")
            yield TickBox("民生委員用（地域でできること・記入欄つき）", id="minsei")
            yield Static("", id="export-message")
            yield Static("Enter または Ctrl+S で書き出す・Esc でやめる", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_write()

    def request(self) -> SlipRequest:
        consent = self.query_one("#consent", Checkbox).value
        return SlipRequest(consent=consent, include_text=consent and self.query_one("#include-text", Checkbox).value,
                           variant=MINSEI if self.query_one("#minsei", Checkbox).value else DESK,
                           free_text=self.app.consultation.text, subject=self.app.consultation.subject)

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
        if self.query_one("#include-text", Checkbox).value and not self.query_one("#consent", Checkbox).value:
            message.update("本人の言葉は、情報共有の同意があるときだけ書き出せます。")
            return
        request, version = self.request(), app.ruleset.plans[self.result.municipality.id].version
        community = for_municipality(load_items(community_dir(app.rules_dir)), self.result.municipality.id)
        if path.suffix.lower() in (".html", ".htm"):
            text = render_html(app.ruleset, self.result, request, version, community=community)
        else:
            text = render(app.ruleset, self.result, markdown=path.suffix.lower() == ".md", consent=request.consent,
                          version=version, request=request, community=community)
        try:
            if path.parent == default_folder():
                path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_private(path, text)
        except (OSError, ValueError) as exc:  # ValueError: e.g. a NUL character in the path
            message.update(Content(printable(f"書き出せませんでした（{getattr(exc, 'strerror', None) or exc}）: {path}")))
            return
        app.pop_screen()
        app.notify(printable(f"書き出しました: {path}"), markup=False)
        if path.suffix.lower() in (".html", ".htm") and not app.is_headless:
            app.open_url(path.resolve().as_uri())  # the browser prints it with the system's Japanese fonts


class TickBox(Checkbox):
    """A checkbox that reads ☑ / ☐ without colour."""

    @property
    def _button(self) -> Content:
        return Content("☑" if self.value else "☐")


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
