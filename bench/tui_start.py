"""Child process for bench/run.py: start one Textual app headless until its first screen is ready.

    python bench/tui_start.py navigator|minimal

Prints one JSON line: `ready` (time.monotonic() when ready, for the parent's wall-clock figure
from process start, imports included), `in_process_ms` (app construction → ready) and `cpu_ms`
(the process's CPU time, every thread, from its start to ready).
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Callable

from textual.app import App, ComposeResult
from textual.widgets import Input

ROOT = Path(__file__).resolve().parent.parent
POLL = 0.0005   # seconds between readiness checks; small against the figures measured


class Minimal(App):
    """The floor: a Textual app that mounts one focused text input."""

    def compose(self) -> ComposeResult:
        yield Input(id="text")


def navigator_app():
    """Imports first (they count in the wall figure, not in the in-process one)."""
    from navigator.tui.app import NavigatorApp
    from navigator.tui.screens.intake import IntakeScreen

    def build() -> tuple[App, Callable[[], bool]]:
        app = NavigatorApp(ROOT / "rules", ROOT / "contacts", "asaka", watch_interval=None)
        return app, lambda: isinstance(app.screen, IntakeScreen) and getattr(app.focused, "id", None) == "text"
    return build


def minimal_app():
    def build() -> tuple[App, Callable[[], bool]]:
        app = Minimal()
        return app, lambda: getattr(app.focused, "id", None) == "text"
    return build


async def measure(build) -> dict:
    start = time.perf_counter()
    app, ready = build()
    async with app.run_test(size=(80, 24)):
        while not ready():
            await asyncio.sleep(POLL)
        stamp, cpu = time.monotonic(), time.process_time()
        elapsed = time.perf_counter() - start
    return {"ready": stamp, "in_process_ms": elapsed * 1000, "cpu_ms": cpu * 1000}


if __name__ == "__main__":
    build = navigator_app() if sys.argv[1] == "navigator" else minimal_app()
    print(json.dumps(asyncio.run(measure(build))), flush=True)
