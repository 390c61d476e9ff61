"""The TUI's seams: screens and widgets never read or write the app's attributes (they get what
they need in their constructor and answer with dismiss or a message), and the one intake."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

# Textual's own App API that a screen may call; anything else on self.app is the app's state
TEXTUAL_API = {"notify", "push_screen", "pop_screen", "exit", "bell", "open_url", "copy_to_clipboard"}


def app_uses(source: str) -> list[tuple[int, str]]:
    """(line, what) for every self.app use that is not one of TEXTUAL_API."""
    found = []
    tree = ast.parse(source)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and node.attr == "app" and isinstance(node.value, ast.Name)
                and node.value.id == "self"):
            parent = parents.get(node)
            attr = parent.attr if isinstance(parent, ast.Attribute) else None
            if attr not in TEXTUAL_API:
                found.append((node.lineno, f"self.app.{attr}" if attr else "self.app"))
    return sorted(found)


def test_the_scan_finds_app_state_access():
    assert app_uses("def f(self):\n    self.app.ruleset\n    a = self.app\n    self.app.notify('x')\n") == [
        (2, "self.app.ruleset"), (3, "self.app")]


def test_no_screen_or_widget_reads_or_writes_the_app():
    tui = ROOT / "navigator" / "tui"
    files = sorted((tui / "screens").glob("*.py")) + sorted((tui / "widgets").glob("*.py"))
    assert len(files) >= 12
    bad = {str(f.relative_to(ROOT)): uses for f in files if (uses := app_uses(f.read_text(encoding="utf-8")))}
    assert bad == {}


def test_the_tui_has_no_intake_of_its_own():
    assert not (ROOT / "navigator" / "tui" / "state.py").exists()
    for f in (ROOT / "navigator" / "tui").rglob("*.py"):
        assert "infer_answers" not in f.read_text(encoding="utf-8"), f  # answers are inferred in intake.py only


def test_modules_stay_small():
    for f in [ROOT / "navigator" / "tui" / "app.py", ROOT / "navigator" / "tui" / "editor.py"]:
        assert len(Path(f).read_text(encoding="utf-8").splitlines()) <= 300, f
