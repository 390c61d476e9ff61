"""Import rules, checked in a fresh interpreter: everything outside navigator/tui (and serve,
which runs the TUI in a browser) works without Textual, and `navigator route` loads nothing of
the TUI. A headless module that imports Textual slows every script and CI run and ties the
core to the screens."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import navigator
from conftest import MINI, ROOT

SCREENS = ("navigator.tui", "navigator.serve", "navigator.__main__")


def headless_modules() -> list[str]:
    names = [m.name for m in pkgutil.walk_packages(navigator.__path__, "navigator.")]
    return sorted(n for n in names if not n.startswith(SCREENS) and not n.endswith(".__main__"))


def _fresh(code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


PROBE = ("import importlib, json, sys\n"
         "def gui(): return sorted(m for m in sys.modules if m == 'textual' or m.startswith(('textual.', 'navigator.tui')))\n")


def test_the_core_never_imports_textual():
    modules = headless_modules()
    assert {"navigator.engine", "navigator.search", "navigator.loading", "navigator.files.spec",
            "navigator.explain", "navigator.checks.lint", "navigator.present", "navigator.render.slip"} <= set(modules)
    found = _fresh(PROBE + f"bad = {{}}\nfor name in {modules!r}:\n"
                   "    importlib.import_module(name)\n"
                   "    if gui(): bad[name] = gui(); break\n"
                   "print(json.dumps(bad))")
    assert found == {}, f"the first module that pulled in the TUI: {found}"


def test_the_probe_sees_textual_when_it_is_imported():
    """The check above must be able to fail: importing the TUI shows up in sys.modules."""
    found = _fresh(PROBE + "import navigator.tui.app\nprint(json.dumps(gui()))")
    assert "textual" in found and "navigator.tui.app" in found


def test_route_imports_nothing_of_the_tui():
    for fmt in ("text", "json"):
        for dirs in ([], ["--rules", str(MINI / "rules"), "--contacts", str(MINI / "contacts")]):
            mid, concern = ("town", "poverty") if dirs else ("asaka", "poverty")
            args = ["route", *dirs, "-m", mid, "-c", concern, "--text", "家賃が払えない", "--format", fmt]
            found = _fresh(PROBE + "import io, contextlib\nfrom navigator.cli import main\n"
                           f"with contextlib.redirect_stdout(io.StringIO()): rc = main({args!r})\n"
                           "assert rc == 0, rc\nprint(json.dumps(gui()))")
            assert found == [], (args, found)


def test_the_first_screen_imports_no_loader():
    """The TUI shows its intake screen before the rules load: the app's module brings in no YAML
    reader, model, matcher or engine (they come in the loading thread, after that screen)."""
    heavy = ("yaml", "navigator.model", "navigator.loading", "navigator.search", "navigator.engine", "navigator.community")
    found = _fresh(PROBE + f"import navigator.tui.app\nprint(json.dumps(sorted(m for m in sys.modules if m in {heavy!r})))")
    assert found == []


def test_the_first_screen_leaves_the_danger_cues_for_later():
    """The TUI's modules hold only what danger detection found (danger_found); the cues and
    their weighings (navigator.danger, ~15 ms of imports) come with the first text read."""
    found = _fresh("import json, sys\nimport navigator.tui.app\n"
                   "print(json.dumps(sorted(m for m in sys.modules if m.startswith('navigator.danger'))))")
    assert found == ["navigator.danger_found"]
