"""`navigator edit`'s last screen: what the change does before it is written (the changed lines,
check, test and diff on a copy), and the save."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Static

from .. import edit
from ..problems import describe_all
from ..text import printable


def _text(value: str) -> Content:
    return Content(printable(value))


class Review(Screen):
    """What the change does, before it is written: the lines, check, test and diff."""

    BINDINGS = [Binding("escape", "app.pop_screen", "戻る")]

    def __init__(self, mid: str, path: Path, text: str, what: str):
        super().__init__()
        self.mid, self.path, self.text, self.what = mid, path, text, what
        self.result: edit.Preview | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_text(f"{self.what}: 保存する前に点検（check）・相談例のテスト（test）・案内の変化（diff）を"
                           "確かめています…"), id="review-head")
        with VerticalScroll(id="review-body"):
            yield Static("", id="review-text")
        with Horizontal(id="buttons"):
            yield Button("保存する", id="save", variant="success", disabled=True)
            yield Button("戻る", id="back")
        yield Footer()

    def on_mount(self) -> None:
        self.run_preview()

    @work(thread=True, exclusive=True)
    def run_preview(self) -> None:
        app = self.app
        result = edit.preview(app.rules_dir, app.contacts_dir, self.path, self.text, self.mid, app.today,
                              app.plans_dir)
        app.call_from_thread(self.show, result)

    def show(self, result: edit.Preview) -> None:
        self.result = result
        parts = ["変わる行:", *result.changed, ""]
        if result.ok:
            parts.append("点検（check）: エラーなし" + (f"（注意 {len(result.problems)} 件）" if result.problems else ""))
        else:
            parts.append("点検（check）: エラーがあるため保存できません。直してからもう一度確認してください。")
        if result.problems:
            parts.append(describe_all(result.problems[:20]))
        parts.append("")
        parts.append("相談例のテスト（test）: " + ("新しく失敗する相談例はありません" if not result.newly_failing
                                                  else "新しく失敗する相談例: " + "、".join(result.newly_failing)))
        if result.newly_passing:
            parts.append("新しく合格する相談例: " + "、".join(result.newly_passing))
        parts += ["", "案内の変化（diff）:", result.diff or "（点検が通るまで比べられません）"]
        self.query_one("#review-text", Static).update(_text("\n".join(parts)))
        self.query_one("#review-head", Static).update(_text(
            f"{self.what}: " + ("内容を確かめて「保存する」を押してください。" if result.ok else "このままでは保存できません。")))
        self.query_one("#save", Button).disabled = not result.ok

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.save()
        else:
            self.app.pop_screen()

    def save(self) -> None:
        if self.result is None or not self.result.ok:  # never a file that fails check
            return
        edit.write_atomically(self.path, self.text)
        self.app.notify(printable(f"保存しました: {self.path}（git で確かめてコミットしてください）"), markup=False)
        from .editor import PickItem  # the editor imports this module

        while not isinstance(self.app.screen, PickItem):
            self.app.pop_screen()
