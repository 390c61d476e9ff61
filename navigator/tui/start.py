"""Start-up, mixed into NavigatorApp: the intake screen first, then the rules, loaded in a thread
(typing works meanwhile; the screen fills in when they are ready), then the dictionary, in
another thread after the rules (the intake matches keywords as written until it is loaded)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..rule_files import municipality_ids
from ..text import printable
from .reload import usable
from .screens.errors import LoadErrorScreen
from .screens.guard import guarded
from .screens.intake import IntakeScreen
from .screens.municipality import written_name

if TYPE_CHECKING:   # the loader and the matcher are imported in the loading thread, after the first screen
    from ..loading import Loaded
    from ..search import ConcernMatcher


class Start:
    load_in_background = True  # the rules load in a thread after the first screen (tests may say False)

    def _deepen(self, matcher: ConcernMatcher) -> None:
        """Load the dictionary and analyse the keywords in a thread: typing never waits for it,
        and until it is done the intake screen matches keywords as written. The danger cues are
        compiled for the dictionary there too (for a text in kanji and one in kana), not on the
        first keystrokes after it (20 ms, and 18 ms more for the first text typed in kana)."""
        danger = self.ruleset.common.danger

        def work() -> None:
            from ..danger import detect   # the cues: in this thread, not before the first screen

            if matcher.deepen():
                _ = matcher.fallback   # the example indexes: built here, not on a first text no keyword finds
                for text in ("相談", "そうだん"):
                    detect(danger, text)   # no cue in these: it builds the danger example index too
        self.run_worker(work, thread=True, group="dictionary", exit_on_error=False)

    def on_mount(self) -> None:
        if self.watch_interval:
            self.set_interval(self.watch_interval, self.reload_if_changed)
        if not self.is_headless and not self.is_web:  # in a browser (navigator serve) stdin is a pipe
            self.set_interval(1.0, self._exit_if_terminal_closed)
        if not self.load_in_background:
            self._loaded(*self._load_first())
            return
        first = self
        if self.wanted and self.wanted in municipality_ids(self.rules_dir):  # a directory listing
            # The intake screen first, so staff can type while the rules load; it fills in after.
            self.consultation.municipality = self.wanted
            first = IntakeScreen(self.consultation, None, None)
            self.push_screen(first)
        self.loading = True
        # After that screen's first refresh, not the app's: a thread started before it is drawn
        # takes turns with Textual building it, and the screen comes later.
        first.call_after_refresh(self.run_worker, self._load_in_thread, thread=True, group="rules",
                                 exit_on_error=False)

    def _load_first(self) -> tuple[Loaded, ConcernMatcher | None]:
        """The first load, and the matcher of written forms: off the UI thread (their imports too)."""
        from ..search import ConcernMatcher

        loaded = self._load()
        if self.wanted and not usable(loaded):  # the one asked for is broken: the others may not be
            self.wanted = None
            loaded = self._load()
        good = usable(loaded)
        try:
            return loaded, ConcernMatcher(good.ruleset.common.concerns, deep=False) if good else None
        except Exception:  # the app builds it again, where a failure is shown as a notice
            return loaded, None

    def _load_in_thread(self) -> None:
        loaded, matcher = self._load_first()
        self.call_from_thread(self._loaded, loaded, matcher)

    @guarded
    def _loaded(self, loaded: Loaded, matcher: ConcernMatcher | None) -> None:
        self.loading = False
        self._take_problems(loaded)
        good = usable(loaded)
        if good is None:
            self._reset_stack()
            self.push_screen(LoadErrorScreen(loaded.problems, fatal=True))
            return
        self._begin(good, matcher)
        self._tell_unavailable()

    def _take_problems(self, loaded: Loaded) -> None:
        self.problems = loaded.problems
        self.unavailable = {mid: found for mid, found in loaded.broken().items() if mid}

    def _tell_unavailable(self, kept: tuple[str, ...] = ()) -> None:
        """One notice naming the municipalities that cannot be used; the others work as usual."""
        lost = [written_name(self.rules_dir, mid) for mid in self.unavailable if mid not in kept]
        kept = tuple(self.ruleset.plans[mid].municipality.name if mid in self.ruleset.plans else mid for mid in kept)
        if lost:
            self.notify(printable(f"{'、'.join(lost)} はルールファイルに問題があるため使えません。ほかの市町村は"
                                  "使えます（F4 で問題を表示）。"), severity="error", markup=False, timeout=10)
        if kept:
            self.notify(printable(f"{'、'.join(kept)} の変更後のルールファイルに問題があります。直すまで前のルールで"
                                  "案内を続けます（F4 で問題を表示）。"), severity="error", markup=False, timeout=10)

