"""Start the TUI from the command line."""

from __future__ import annotations

from pathlib import Path


def run_tui(rules_dir: Path, contacts_dir: Path, municipality: str | None) -> int:
    from .app import NavigatorApp

    NavigatorApp(rules_dir, contacts_dir, municipality).run()
    return 0
