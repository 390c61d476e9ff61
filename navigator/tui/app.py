"""The Textual app: loads the rules, holds the consultation, moves between screens."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from textual import constants
from textual.app import App
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from ..engine import route
from ..loading import Loaded, load, municipality_ids
from ..model import Common, RuleSet
from ..problems import Problem
from ..search import ConcernMatcher
from ..text import printable
from .screens.errors import LoadErrorScreen
from .screens.guard import guarded
from .state import Consultation
from .watch import Snapshot


def _leave_no_traces() -> None:
    """Textual writes what the resident types to disk when asked to by the environment: every
    event to the file named by TEXTUAL_LOG, every key press to ./keys.log with TEXTUAL_DEBUG
    (its input parser's debug log, 0644), a screenshot after TEXTUAL_SCREENSHOT seconds; and
    TEXTUAL_PRESS would type keys of its own (an export, say). Switch them all off, whatever
    the environment says, before the app starts its driver (devtools: see __init__)."""
    constants.LOG_FILE = None
    constants.DEBUG = False
    constants.SCREENSHOT_DELAY = -1
    constants.SCREENSHOT_LOCATION = constants.SCREENSHOT_FILENAME = None
    constants.PRESS = ""


def _tolerate_bad_bytes() -> None:
    """The terminal driver decodes input as strict UTF-8 in its input thread: one byte that is
    not UTF-8 (an 8-bit Meta key, a paste from a Shift_JIS source) ended the app. Decode with
    replacement instead, so the byte shows as U+FFFD and the consultation goes on."""
    import codecs

    try:
        from textual.drivers import linux_driver
    except ImportError:  # no termios (Windows): another driver, which reads keys, not bytes
        return

    def lenient(encoding: str):
        decoder = codecs.getincrementaldecoder(encoding)
        return lambda errors="replace": decoder(errors)

    linux_driver.getincrementaldecoder = lenient


def usable(loaded: Loaded) -> Loaded | None:
    """The loaded rules with only the municipalities that loaded without an error of their own;
    None when there is none (or common.yaml, which every one needs, has an error)."""
    plans = loaded.usable()
    if not plans:
        return None
    return Loaded(RuleSet(loaded.ruleset.common, plans), loaded.problems)


def keep_last_good(old: RuleSet, loaded: Loaded, good: Loaded | None) -> tuple[RuleSet | None, tuple[str, ...]]:
    """The new usable plans, with the old plan kept for each municipality whose new files are
    broken, as long as the common file is unchanged (an old plan was checked against the old
    common file). None when the common file itself is broken. Also: the municipalities kept."""
    if good is None and "" in loaded.broken():
        return None, ()
    common = loaded.ruleset.common
    plans = dict(good.ruleset.plans) if good else {}
    kept = []
    if common == old.common:
        for mid in loaded.broken():
            if mid and mid in old.plans:
                plans[mid] = old.plans[mid]
                kept.append(mid)
    if not plans:
        return None, ()
    ordered = {mid: plans[mid] for mid in sorted(plans, key=_plan_order(loaded, old))}
    return RuleSet(common, ordered), tuple(kept)


def _plan_order(loaded: Loaded, old: RuleSet):
    order = list(loaded.expected) + [m for m in old.plans if m not in loaded.expected]
    return lambda mid: order.index(mid) if mid in order else len(order)


class NavigatorApp(App):
    CSS_PATH = str(resources.files(__package__) / "navigator.tcss")  # package data, also in a wheel
    TITLE = "相談窓口ナビ"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("f1", "help", "ヘルプ"),
        Binding("ctrl+n", "new_consultation", "新しい相談"),
        Binding("f3", "toggle_theme", "明るさ"),
        Binding("f4", "show_problems", "ルールの問題"),
        Binding("ctrl+q", "quit", "終了", priority=True),
    ]
    THEMES = ("textual-dark", "textual-light")
    # Footer key names as written on the keys, not terminal notation (^q, esc, ⏎)
    KEY_NAMES = {"escape": "Esc", "enter": "Enter", "space": "スペース", "tab": "Tab", "up": "↑", "down": "↓",
                 "left": "←", "right": "→", "backspace": "BS", "delete": "Del"}

    def __init__(self, rules_dir: Path, contacts_dir: Path, municipality: str | None = None,
                 watch_interval: float | None = 2.0):
        super().__init__()
        _leave_no_traces()
        _tolerate_bad_bytes()
        self.devtools = None  # TEXTUAL=devtools would stream every event to the dev console
        self.rules_dir, self.contacts_dir = Path(rules_dir), Path(contacts_dir)
        self.consultation = Consultation()
        self.wanted = municipality
        self.watch_interval = watch_interval
        self.ruleset: RuleSet | None = None
        self.matcher: ConcernMatcher | None = None
        self.problems: list[Problem] = []
        self.unavailable: dict[str, list[Problem]] = {}   # municipality → why it cannot be used
        self.snapshot = Snapshot.of(self.rules_dir, self.contacts_dir)

    # ---- privacy: nothing leaves memory unless the user exports a slip
    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        self.notify("画面の保存はできません（相談内容を守るため）。", severity="warning")

    def _fatal_error(self) -> None:
        """Textual's crash report lists local variables, which can hold what the resident said,
        and stays in the terminal's scrollback: show where it failed, not the data."""
        from rich.traceback import Traceback

        self.panic(Traceback(show_locals=False))

    def _exit_if_terminal_closed(self) -> None:
        """Started under make or a shell script, the app is not told when its terminal window
        closes, and Textual then spins on the dead terminal at full CPU: leave instead."""
        import os
        import sys

        if not hasattr(os, "tcgetpgrp"):  # Windows: closing the console window ends the process
            return
        try:
            os.tcgetpgrp(sys.__stdin__.fileno())
        except (OSError, ValueError, AttributeError):
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
        from .screens.dialogs import ConfirmScreen

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
            problem = Problem.coded("NAV-E016", (str(self.rules_dir), 0, 0), detail=type(exc).__name__)
            return Loaded(RuleSet(Common((), (), ()), {}), [problem])

    def _adopt(self, loaded: Loaded) -> None:
        self.ruleset = loaded.ruleset
        # Written forms first (instant); the dictionary loads after the first screen is shown.
        self.matcher = ConcernMatcher(loaded.ruleset.common.concerns, deep=False)
        self.call_after_refresh(self._deepen, self.matcher)

    def _deepen(self, matcher: ConcernMatcher) -> None:
        """Load the dictionary and analyse the keywords in a thread: typing never waits for it,
        and until it is done the intake screen matches keywords as written."""
        self.run_worker(lambda: matcher.deepen() and matcher.examples, thread=True, group="dictionary",
                        exit_on_error=False)

    def on_mount(self) -> None:
        if self.watch_interval:
            self.set_interval(self.watch_interval, self.reload_if_changed)
        if not self.is_headless and not self.is_web:  # in a browser (navigator serve) stdin is a pipe
            self.set_interval(1.0, self._exit_if_terminal_closed)
        loaded = self._load()
        if self.wanted and not usable(loaded):  # the one asked for is broken: the others may not be
            self.wanted = None
            loaded = self._load()
        self._take_problems(loaded)
        good = usable(loaded)
        if good is None:
            self.push_screen(LoadErrorScreen(loaded.problems, fatal=True))
            return
        self._begin(good)
        self._tell_unavailable()

    def _take_problems(self, loaded: Loaded) -> None:
        self.problems = loaded.problems
        self.unavailable = {mid: found for mid, found in loaded.broken().items() if mid}

    def _tell_unavailable(self, kept: tuple[str, ...] = ()) -> None:
        """One notice naming the municipalities that cannot be used; the others work as usual."""
        lost = [mid for mid in self.unavailable if mid not in kept]
        if lost:
            self.notify(printable(f"{'、'.join(lost)} はルールファイルに問題があるため使えません。ほかの市町村は"
                                  "使えます（F4 で問題を表示）。"), severity="error", markup=False, timeout=10)
        if kept:
            self.notify(printable(f"{'、'.join(kept)} の変更後のルールファイルに問題があります。直すまで前のルールで"
                                  "案内を続けます（F4 で問題を表示）。"), severity="error", markup=False, timeout=10)

    def action_show_problems(self) -> None:
        if self.problems and not isinstance(self.screen, LoadErrorScreen):
            self.push_screen(LoadErrorScreen(self.problems, fatal=False))

    def _begin(self, loaded: Loaded) -> None:
        self._adopt(loaded)
        if self.wanted and self.wanted in self.ruleset.plans:
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
        self._adopt(Loaded(merged, loaded.problems))
        self._close_error_screen()
        self._refresh_intake()
        changed = self._reroute_results()
        if loaded.ok:
            self.notify("ルールファイルの変更を読み込みました。" + changed)
        else:
            self._tell_unavailable(kept)

    def _reroute_results(self) -> str:
        """An open result is routed again with the new rules, so the screen and any slip made
        from it show the new 担当課; says what changed."""
        from ..present import result_changes
        from .screens.result import ResultScreen

        said = ""
        for screen in self.screen_stack:
            if isinstance(screen, ResultScreen):
                new = route(self.ruleset, self.consultation.case())
                changes = result_changes(screen.result, new)
                screen.show(new)
                said = ("相談先を選び直しました: " + "／".join(changes[:4]) + ("ほか" if len(changes) > 4 else "")
                        if changes else "相談先は変わりません。")
        return said

    def _refresh_intake(self) -> None:
        from .screens.intake import IntakeScreen

        for screen in self.screen_stack:
            if isinstance(screen, IntakeScreen):
                screen.refresh_concerns()

    def _close_error_screen(self) -> None:
        """An earlier reload's problem list is out of date once the files change again."""
        if isinstance(self.screen, LoadErrorScreen) and not self.screen.fatal:
            self.pop_screen()

    # ---- navigation
    def _reset_stack(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    @guarded
    def action_choose_municipality(self) -> None:
        from .screens.municipality import MunicipalityScreen

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
        self.push_screen(MunicipalityScreen())

    @guarded
    def start(self, municipality: str) -> None:
        from .screens.intake import IntakeScreen

        if municipality in self.unavailable and municipality not in self.ruleset.plans:
            self.push_screen(LoadErrorScreen(self.unavailable[municipality], fatal=False, municipality=municipality))
            return
        if municipality not in self.ruleset.plans:
            raise KeyError(municipality)  # before the screen is built, where it could not be caught
        self.consultation.municipality = municipality
        self.consultation.clear()
        self._reset_stack()
        self.push_screen(IntakeScreen())

    @guarded
    def action_new_consultation(self) -> None:
        if self.ruleset is None or not self.consultation.municipality:
            return
        self.confirm("相談の途中です。\n新しい相談を始めると、いまの入力と回答は消えます。始めますか。",
                     self._new_consultation)

    def _new_consultation(self) -> None:
        self.start(self.consultation.municipality)
        self.notify("新しい相談を始めます。前の相談内容は消去しました。")

    @guarded
    def start_guided(self) -> None:
        """どなたのことですか → どんなことでお困りですか → the usual follow-ups."""
        from .screens.guided import WhoScreen

        self.push_screen(WhoScreen())

    def action_toggle_theme(self) -> None:
        """Light rooms and projectors want a light screen; the choice is not saved anywhere."""
        self.theme = self.THEMES[1] if self.theme == self.THEMES[0] else self.THEMES[0]

    def action_help(self) -> None:
        from .screens.dialogs import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    @guarded
    def next_step(self, index: int) -> None:
        """After the intake (index 0) or question index-1: the next question, or the result.
        The result is routed here, not while its screen is built, so a failure leaves the
        user where they were."""
        from .screens.question import QuestionScreen
        from .screens.result import ResultScreen

        steps = self.consultation.steps(self.ruleset)
        if index < len(steps):
            self.push_screen(QuestionScreen(steps[index], index, len(steps)))
        else:
            self.push_screen(ResultScreen(route(self.ruleset, self.consultation.case(self.ruleset))))


class StatusLine(Static):
    """The latest notice, one line above the footer, gone after a few seconds."""

    DEFAULT_CSS = """
    StatusLine { dock: bottom; height: auto; padding: 0 1; background: $panel; color: $text; }
    StatusLine.-warning { background: $warning 40%; }
    StatusLine.-error { background: $error 50%; }
    """

    @classmethod
    def say(cls, screen, message: str, severity: str, timeout: float) -> None:
        found = screen.query(cls)
        line = found.first() if found else cls()
        if not found:
            screen.mount(line)
        line.set_classes(f"-{severity}")
        line.update(Content(printable(str(message))))
        line.display = True
        if getattr(line, "_timer", None):
            line._timer.stop()
        line._timer = line.set_timer(timeout, line.clear)

    def clear(self) -> None:
        self.display = False
