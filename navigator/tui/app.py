"""The Textual app: loads the rules, holds the consultation, moves between screens."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from ..loading import Loaded, load, municipality_ids
from ..model import RuleSet
from ..problems import Problem
from ..search import ConcernMatcher
from .state import Consultation
from .watch import Snapshot


class NavigatorApp(App):
    CSS_PATH = "navigator.tcss"
    TITLE = "相談窓口ナビ"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("f1", "help", "ヘルプ"),
        Binding("ctrl+n", "new_consultation", "新しい相談"),
        Binding("ctrl+q", "quit", "終了", priority=True),
    ]

    def __init__(self, rules_dir: Path, contacts_dir: Path, municipality: str | None = None,
                 watch_interval: float | None = 2.0):
        super().__init__()
        self.rules_dir, self.contacts_dir = Path(rules_dir), Path(contacts_dir)
        self.consultation = Consultation()
        self.wanted = municipality
        self.watch_interval = watch_interval
        self.ruleset: RuleSet | None = None
        self.matcher: ConcernMatcher | None = None
        self.problems: list[Problem] = []
        self.snapshot = Snapshot.of(self.rules_dir, self.contacts_dir)

    # ---- loading
    def _load(self) -> Loaded:
        only = [self.wanted] if self.wanted in municipality_ids(self.rules_dir) else None
        return load(self.rules_dir, self.contacts_dir, only)

    def _adopt(self, loaded: Loaded) -> None:
        self.ruleset = loaded.ruleset
        self.matcher = ConcernMatcher(loaded.ruleset.common.concerns)

    def on_mount(self) -> None:
        from .screens.errors import LoadErrorScreen

        if self.watch_interval:
            self.set_interval(self.watch_interval, self.reload_if_changed)
        loaded = self._load()
        self.problems = loaded.problems
        if not loaded.ok:
            self.push_screen(LoadErrorScreen(loaded.problems, fatal=True))
            return
        self._begin(loaded)

    def _begin(self, loaded: Loaded) -> None:
        self._adopt(loaded)
        if self.wanted and self.wanted in self.ruleset.plans:
            self.start(self.wanted)
        else:
            if self.wanted:
                self.notify(f"市町村「{self.wanted}」は見つかりません。一覧から選んでください。", severity="warning")
            self.action_choose_municipality()

    def reload_if_changed(self) -> None:
        """Live reload: new rules replace the old only if they load without errors."""
        from .screens.errors import LoadErrorScreen

        current = Snapshot.of(self.rules_dir, self.contacts_dir)
        if current == self.snapshot:
            return
        self.snapshot = current
        loaded = self._load()
        if loaded.ok and self.ruleset is None:  # the first good rules since a failed start
            self.problems = []
            self._reset_stack()
            self._begin(loaded)
        elif loaded.ok:
            self._adopt(loaded)
            self.problems = []
            self.notify("ルールファイルの変更を読み込みました。")
        else:
            self.problems = loaded.problems
            self.notify("変更されたルールファイルに問題があります。前のルールのまま使えます。", severity="error")
            self.push_screen(LoadErrorScreen(loaded.problems, fatal=False))

    # ---- navigation
    def _reset_stack(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def action_choose_municipality(self) -> None:
        from .screens.municipality import MunicipalityScreen

        if self.ruleset is None:
            return
        if self.wanted and len(self.ruleset.plans) == 1:
            self.wanted = None  # loaded one municipality for a fast start; the picker needs all
            loaded = self._load()
            if loaded.ok:
                self._adopt(loaded)
        self._reset_stack()
        self.push_screen(MunicipalityScreen())

    def start(self, municipality: str) -> None:
        from .screens.intake import IntakeScreen

        self.consultation.municipality = municipality
        self.consultation.clear()
        self._reset_stack()
        self.push_screen(IntakeScreen())

    def action_new_consultation(self) -> None:
        if self.ruleset is None or not self.consultation.municipality:
            return
        self.start(self.consultation.municipality)
        self.notify("新しい相談を始めます。前の相談内容は消去しました。")

    def action_help(self) -> None:
        from .screens.dialogs import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def next_step(self, index: int) -> None:
        """After the intake (index 0) or question index-1: the next question, or the result."""
        from .screens.question import QuestionScreen
        from .screens.result import ResultScreen

        questions = self.consultation.questions(self.ruleset)
        if index < len(questions):
            self.push_screen(QuestionScreen(questions[index], index, len(questions)))
        else:
            self.push_screen(ResultScreen())
