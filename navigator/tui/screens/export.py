"""E: write a referral slip (つなぎシート). The dialog asks where and with what, and calls the
writer it is given (the app's: the slip of what the result screen shows at that moment); it
stays open with the reason when the slip cannot be written, and dismisses with the path."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Static

from ...engine import Result
from ...model import RuleSet
from ...render.slip import DESK, MINSEI, SlipRequest, render, render_html
from ...render.slip_file import default_folder, unique_path, write_private
from ...text import printable
from .guard import guarded

Writer = Callable[[Path, SlipRequest], None]


def default_slip_path(now: dt.datetime | None = None) -> Path:
    """A new name (date and time) in the slips folder, which is never inside a git work tree."""
    return unique_path(default_folder(), now)


def write_slip(ruleset: RuleSet, result: Result, path: Path, request: SlipRequest, community: dict) -> None:
    """Render the slip for `path`'s kind (.html to print, .md, .txt) and write it privately."""
    version = ruleset.plans[result.municipality.id].version
    if path.suffix.lower() in (".html", ".htm"):
        text = render_html(ruleset, result, request, version, community=community)
    else:
        text = render(ruleset, result, markdown=path.suffix.lower() == ".md", consent=request.consent,
                      version=version, request=request, community=community)
    if path.parent == default_folder():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_private(path, text)


class TickBox(Checkbox):
    """A checkbox that reads ☑ / ☐ without colour."""

    @property
    def _button(self) -> Content:
        return Content("☑" if self.value else "☐")


class ExportScreen(ModalScreen[Path | None]):
    BINDINGS = [
        Binding("escape", "cancel", "やめる"),
        Binding("ctrl+s", "write", "書き出す"),
    ]

    def __init__(self, write: Writer, shown: Callable[[], Result], path: Path | None = None):
        """`shown`: the result the slip is made from, as the screen shows it when written."""
        super().__init__()
        self.write, self.shown, self.path = write, shown, path or default_slip_path()

    @property
    def result(self) -> Result:
        return self.shown()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(printable(f"つなぎシートを書き出します。書き出し先（{default_folder()} に作ります。"
                                           "変えてもかまいません）:")))
            # one line each (compact), so the way to confirm stays inside the box at 80×24
            yield Input(str(self.path), id="path", select_on_focus=False, compact=True)  # a stray key must not wipe it
            yield Static(".html は印刷用（A4、ブラウザで開きます）・.md は Markdown・.txt はテキスト", classes="hint")
            with Vertical(id="export-ticks"):
                yield TickBox("情報共有に同意あり（本人が関係機関との共有に同意した）", id="consent", compact=True)
                yield TickBox("相談内容（本人の言葉）も含める（同意があるときだけ）", id="include-text", compact=True)
                yield TickBox("民生委員用（地域でできること・記入欄つき）", id="minsei", compact=True)
            yield Static("", id="export-message")
            with Horizontal(id="export-buttons"):
                yield Button("書き出す（Ctrl+S）", id="write", variant="primary", compact=True)
                yield Button("やめる（Esc）", id="cancel", compact=True)
            yield Static("Tab 次へ・スペース 選ぶ／外す・Enter か Ctrl+S 書き出す・Esc やめる", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_write()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_write() if event.button.id == "write" else self.action_cancel()

    def request(self) -> SlipRequest:
        """What staff chose; the app adds the resident's words (only with consent) and 本人."""
        consent = self.query_one("#consent", Checkbox).value
        return SlipRequest(consent=consent, include_text=consent and self.query_one("#include-text", Checkbox).value,
                           variant=MINSEI if self.query_one("#minsei", Checkbox).value else DESK)

    @guarded
    def action_write(self) -> None:
        raw = self.query_one("#path", Input).value.strip()
        message = self.query_one("#export-message", Static)
        if not raw:
            message.update("書き出し先を入力してください。")
            return
        path, refusal = target(raw)
        if refusal:
            message.update(Content(printable(refusal)))
            return
        if self.query_one("#include-text", Checkbox).value and not self.query_one("#consent", Checkbox).value:
            message.update("本人の言葉は、情報共有の同意があるときだけ書き出せます。")
            return
        try:
            self.write(path, self.request())
        except (OSError, ValueError) as exc:  # ValueError: e.g. a NUL character in the path
            message.update(Content(printable(f"書き出せませんでした（{getattr(exc, 'strerror', None) or exc}）: {path}")))
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)


def target(raw: str) -> tuple[Path, str | None]:
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
