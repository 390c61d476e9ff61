"""The Textual app: loads the rules, holds the consultation (an Intake), and drives the flow.

Screens get what they need in their constructor and answer with `dismiss` (push_screen
callbacks) or a message; none reads or writes the app's attributes (tests/test_tui_layout.py).
intake → questions (one per Step) → result; the guided path (who → trouble) joins the questions."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding

from ..intake import Intake
from ..rule_files import municipality_ids
from ..text import printable
from .flow import Flow, route
from .hardening import leave_no_traces, terminal_gone, tolerate_bad_bytes
from . import kinsoku
from .keyorder import KeyOrder
from .reload import keep_last_good, usable
from .screens.confirm import ConfirmScreen
from .screens.errors import LoadErrorScreen
from .screens.guard import guarded
from .screens.intake import IntakeScreen
from .screens.municipality import MunicipalityScreen, choices
from .start import Start
from .watch import Snapshot
from .widgets.status import StatusLine

# The first screen (the intake, before the rules) needs Textual, that screen and an Intake. The
# loader, the model, the matcher and the other screens (≈ 60 ms of imports) are imported where
# they are used: in the loading thread, after that screen is drawn.
if TYPE_CHECKING:
    from ..engine import Result
    from ..loading import Loaded
    from ..model import RuleSet
    from ..problems import Problem
    from ..search import ConcernMatcher

__all__ = ["NavigatorApp", "StatusLine", "route", "load"]


def load(rules_dir: Path, contacts_dir: Path, only: list[str] | None = None) -> Loaded:
    """loading.load, imported with the first load (see the imports)."""
    from ..loading import load as loaded

    return loaded(rules_dir, contacts_dir, only)


class NavigatorApp(KeyOrder, Start, Flow, App):
    CSS_PATH = str(Path(__file__).with_name("navigator.tcss"))  # package data, beside the module in a wheel too
    TITLE = "相談窓口ナビ"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("f1", "help", "ヘルプ"),
        # ? as in most programs; a field being typed in takes it as a character (non-priority)
        Binding("question_mark,fullwidth_question_mark", "help", "ヘルプ", show=False),
        # The footer holds what fits in 80 columns; F3 and F4 are in the help (F1), and the
        # notices of rule problems say F4
        Binding("ctrl+n", "new_consultation", "新規"),
        Binding("f3", "toggle_theme", "明るさ", show=False),
        Binding("f4", "show_problems", "ルールの問題", show=False),
        Binding("ctrl+q", "quit", "終了", priority=True),
    ]
    THEMES = ("textual-dark", "textual-light")
    # Footer key names as written on the keys, not terminal notation (^q, esc, ⏎)
    KEY_NAMES = {"escape": "Esc", "enter": "Enter", "space": "スペース", "tab": "Tab", "up": "↑", "down": "↓",
                 "left": "←", "right": "→", "backspace": "BS", "delete": "Del"}

    def __init__(self, rules_dir: Path, contacts_dir: Path, municipality: str | None = None,
                 watch_interval: float | None = 2.0):
        super().__init__()
        leave_no_traces()
        tolerate_bad_bytes()
        kinsoku.install()   # no wrapped line starts with 、。
        self.devtools = None  # TEXTUAL=devtools would stream every event to the dev console
        self.rules_dir, self.contacts_dir = Path(rules_dir), Path(contacts_dir)
        self.consultation = Intake()
        self.wanted = municipality
        self.watch_interval = watch_interval
        self.ruleset: RuleSet | None = None
        self.matcher: ConcernMatcher | None = None
        self.problems: list[Problem] = []
        self.unavailable: dict[str, list[Problem]] = {}   # municipality → why it cannot be used
        self.snapshot = Snapshot.of(self.rules_dir, self.contacts_dir)
        self.loading = False   # the first load, in a thread (load_in_background)

    # ---- privacy: nothing leaves memory unless the user exports a slip
    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        self.notify("画面の保存はできません（相談内容を守るため）。", severity="warning")

    def _fatal_error(self) -> None:
        """Textual's crash report lists local variables, which can hold what the resident said,
        and stays in the terminal's scrollback: show where it failed, not the data."""
        from rich.traceback import Traceback

        self.panic(Traceback(show_locals=False))

    def _exit_if_terminal_closed(self) -> None:
        if terminal_gone():
            self.exit()

    def get_key_display(self, binding: Binding) -> str:
        if binding.key_display:
            return binding.key_display
        modifiers, key = binding.parse_key()
        name = self.KEY_NAMES.get(key, key.upper() if len(key) <= 3 else key)
        return "+".join([*(m.capitalize() for m in modifiers), name])

    # ---- notices go to a status line above the footer: a toast would cover what staff read
    def notify(self, message: str, *, title: str = "", severity: str = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)
        try:
            StatusLine.say(self.screen, message, severity, timeout or 6.0)
        except Exception:  # no screen yet, or one being torn down: the notice is kept anyway
            pass

    # ---- leaving with a case in progress asks first
    def in_progress(self) -> bool:
        c = self.consultation
        return bool(c.text.strip() or c.ticked or c.answers)

    def confirm(self, question: str, then) -> None:
        """Run `then` at once when nothing would be lost, else after the user says yes."""
        if not self.in_progress():
            then()
            return
        self.push_screen(ConfirmScreen(question), lambda yes: then() if yes else None)

    async def action_quit(self) -> None:
        self.confirm("相談の途中です。\n終了すると、入力した内容と回答は消えます。終了しますか。", self.exit)

    # ---- loading
    def _load(self) -> Loaded:
        """Load the rules; a bug in the loader is a problem to show, not the end of the app."""
        try:
            only = [self.wanted] if self.wanted in municipality_ids(self.rules_dir) else None
            return load(self.rules_dir, self.contacts_dir, only)
        except Exception as exc:
            from ..loading import Loaded   # loaded by then, unless the import itself failed
            from ..model import Common, RuleSet
            from ..problems import Problem

            problem = Problem.coded("NAV-E016", (str(self.rules_dir), 0, 0), detail=type(exc).__name__)
            return Loaded(RuleSet(Common((), (), ()), {}), [problem])

    def _adopt(self, loaded: Loaded, matcher: ConcernMatcher | None = None) -> None:
        from ..search import ConcernMatcher   # after the first screen (see the imports)

        self.ruleset = loaded.ruleset
        # Written forms first (instant); the dictionary loads after the first screen is shown.
        self.matcher = matcher or ConcernMatcher(loaded.ruleset.common.concerns, deep=False)
        self.call_after_refresh(self._deepen, self.matcher)

    def action_show_problems(self) -> None:
        if self.problems and not isinstance(self.screen, LoadErrorScreen):
            self.push_screen(LoadErrorScreen(self.problems, fatal=False))

    def _begin(self, loaded: Loaded, matcher: ConcernMatcher | None = None) -> None:
        self._adopt(loaded, matcher)
        waiting = self.screen if isinstance(self.screen, IntakeScreen) and self.screen.ruleset is None else None
        if waiting and self.wanted in self.ruleset.plans:
            waiting.ready(self.ruleset, self.matcher)   # what was typed meanwhile stays
        elif self.wanted and self.wanted in self.ruleset.plans:
            self.start(self.wanted)
        else:
            if self.wanted:
                self.notify(printable(f"市町村「{self.wanted}」は見つかりません。一覧から選んでください。"),
                            severity="warning", markup=False)
            self.action_choose_municipality()

    @guarded
    def reload_if_changed(self) -> None:
        """Live reload, municipality by municipality: a city whose files load cleanly takes its
        new rules; a city whose new files are broken keeps its last good rules (while common.yaml
        is unchanged), so a consultation in progress goes on; problems are a notice, never a
        screen that takes over."""
        if self.loading:  # the first load is still running: it reads the files as they are now
            return
        current = Snapshot.of(self.rules_dir, self.contacts_dir)
        if current == self.snapshot:
            return
        self.snapshot = current
        loaded = self._load()
        good = usable(loaded)
        if self.ruleset is None:  # nothing usable yet: start once something is
            self._take_problems(loaded)
            if good is not None:
                self._reset_stack()
                self._begin(good)
                self._tell_unavailable()
            return
        where = self.consultation.municipality
        merged, kept = keep_last_good(self.ruleset, loaded, good)
        if merged is None or (where and where not in merged.plans):
            self.problems = loaded.problems
            self.notify(printable(f"変更後のルールファイルに問題があるか、「{where or '共通ファイル'}」がありません。"
                                  "前のルールのまま案内を続けます（F4 で問題を表示）。"), severity="error", markup=False)
            return
        self._take_problems(loaded)
        from ..loading import Loaded   # imported by the load above

        self._adopt(Loaded(merged, loaded.problems))
        changed = self.refresh_screens()
        self._replace_stale_screens()
        # said once the screen shown now is up (said at once, it went to the one being left)
        if loaded.ok:
            self.call_after_refresh(self.notify, "ルールファイルの変更を読み込みました。" + changed)
        else:
            self.call_after_refresh(self._tell_unavailable, kept)

    # ---- navigation
    def _reset_stack(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    @guarded
    def action_choose_municipality(self) -> None:
        if self.ruleset is None:
            return
        if self.wanted and len(self.ruleset.plans) == 1:
            self.wanted = None  # loaded one municipality for a fast start; the picker needs all
            loaded = self._load()
            good = usable(loaded)
            if good is not None:
                self._take_problems(loaded)
                self._adopt(good)
        self._reset_stack()
        self.push_screen(MunicipalityScreen(choices(self.ruleset, self.unavailable, self.rules_dir),
                                            kept=self.in_progress()), self.start)

    @guarded
    def action_new_consultation(self) -> None:
        if self.ruleset is None or not self.consultation.municipality:
            return
        self.confirm("相談の途中です。\n新しい相談を始めると、いまの入力と回答は消えます。始めますか。",
                     self._new_consultation)

    def _new_consultation(self) -> None:
        self.start(self.consultation.municipality, fresh=True)
        # on the new intake screen once it is up (said earlier, it went to the screen being left)
        self.call_after_refresh(self.notify, "新しい相談を始めます。前の相談内容は消去しました。", timeout=4)

    def action_toggle_theme(self) -> None:
        """Light rooms and projectors want a light screen; the choice is not saved anywhere."""
        self.theme = self.THEMES[1] if self.theme == self.THEMES[0] else self.THEMES[0]

    def action_help(self) -> None:
        from .screens.help import HelpScreen   # its Markdown and layout: only when asked for

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    # ---- what the result screen asks for
    def community(self, result: Result) -> dict:
        from ..community import community_dir, for_municipality, load_items   # reads YAML: with the first result

        return for_municipality(load_items(community_dir(self.rules_dir)), result.municipality.id)

    @guarded
    def on_result_screen_why_requested(self, event) -> None:
        from ..search import explain_understanding
        from .screens.why import WhyScreen, why_text

        label = self.ruleset.common.concern
        understood = explain_understanding(self.matcher.understand(self.consultation.text),
                                           lambda c: label(c).label if label(c) else c)
        self.push_screen(WhyScreen(why_text(self.ruleset, event.result, understood)))

    @guarded
    def on_result_screen_export_requested(self, event) -> None:
        from .screens.export import ExportScreen, write_slip

        shown, intake = event.screen, self.consultation

        def write(path: Path, request) -> None:  # what is on screen when written (live reload)
            request = replace(request, free_text=intake.text, subject=intake.subject)
            write_slip(self.ruleset, shown.result, path, request, self.community(shown.result))

        self.push_screen(ExportScreen(write, lambda: shown.result), self._exported)

    def _exported(self, path: Path | None) -> None:
        if path is None:
            return
        self.notify(printable(f"書き出しました: {path}"), markup=False)
        if path.suffix.lower() in (".html", ".htm") and not self.is_headless:
            self.open_url(path.resolve().as_uri())  # the browser prints it with the system's Japanese fonts

