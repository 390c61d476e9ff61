"""Never lose a consultation to a bug: a failing handler becomes a notice, not a crash."""

from __future__ import annotations

import functools

NOTICE = "問題が発生しました。入力内容はそのまま残っています。"


def guarded(handler):
    """Run a screen's or the app's handler; if it raises, say so and carry on.

    Left alone, Textual ends the app with a traceback on the first unhandled exception
    (a message handler's exception also stops that screen's message loop for good), and
    the resident's words, ticks and answers would be gone. Only the exception's type is
    shown: its message may quote what the resident said, and nothing is logged.
    """

    @functools.wraps(handler)
    def run(self, *args, **kwargs):
        try:
            return handler(self, *args, **kwargs)
        except Exception as exc:
            self.app.notify(f"{NOTICE}（{type(exc).__name__}）", severity="error", markup=False)
            return None

    return run
