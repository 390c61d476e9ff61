"""The package as people install it: build the wheel, install it into a fresh virtual environment,
and use it there, away from the checkout (no rules/ or tests/ beside it)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import venv
import zipfile
from pathlib import Path

import pytest

from navigator.files.scenarios import load_scenarios, shipped_scenario_files
from navigator.shipped import IN_CHECKOUT
from conftest import ROOT

# What the build needs from the checkout; copied so that the build leaves nothing behind in it.
SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "navigator", *IN_CHECKOUT.values())


def _copy_sources(target: Path) -> Path:
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def _run(*argv, cwd: Path, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=timeout)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    src = _copy_sources(tmp_path_factory.mktemp("src"))
    out = tmp_path_factory.mktemp("dist")
    done = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", out, src, cwd=src)
    assert done.returncode == 0, done.stderr[-3000:]
    (built,) = out.glob("navigator-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> tuple[Path, dict]:
    """A fresh venv with only the wheel (and its dependencies from the package index) in it."""
    home = tmp_path_factory.mktemp("venv")
    venv.create(home, with_pip=True)
    python = home / ("Scripts" if os.name == "nt" else "bin") / "python"
    done = _run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel, cwd=home)
    assert done.returncode == 0, done.stderr[-3000:]
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("NAVIGATOR_", "PYTHON", "VIRTUAL_ENV", "TEXTUAL"))}
    return python, env


def test_the_wheel_carries_every_subpackage_and_the_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for module in ROOT.joinpath("navigator").rglob("*.py"):
        assert module.relative_to(ROOT).as_posix() in names
    assert "navigator/tui/navigator.tcss" in names
    assert "navigator/rule_forms.json" in names and "navigator/danger_letters.json" in names
    for name, folder in IN_CHECKOUT.items():
        shipped = sorted(p.name for p in (ROOT / folder).iterdir() if p.suffix in (".yaml", ".json"))
        assert shipped, folder
        assert {f"navigator/data/{name}/{n}" for n in shipped} <= names
    for folder in ("danger_sentences", "examples"):   # folders in rules/
        files = sorted(p.name for p in (ROOT / "rules" / folder).glob("*.yaml"))
        assert files and {f"navigator/data/rules/{folder}/{n}" for n in files} <= names


def _navigator(installed, *args, cwd: Path) -> subprocess.CompletedProcess:
    python, env = installed
    return _run(python, "-m", "navigator", *args, cwd=cwd, env=env, timeout=120)


def test_installed_copy_checks_routes_and_tests_its_shipped_data(installed, tmp_path):
    version = _navigator(installed, "--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.strip() == "navigator 0.1.0"

    check = _navigator(installed, "check", cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "市町村 5（読み込めたもの 5）" in check.stdout.splitlines()[-1]

    route = _navigator(installed, "route", "-m", "asaka", "--text", "家賃が払えなくて、仕事もなくなった",
                       "--format", "json", cwd=tmp_path)
    assert route.returncode == 0, route.stderr
    referrals = json.loads(route.stdout)["referrals"]
    assert referrals and referrals[0]["department"] == "福祉相談課"

    scenarios, _ = load_scenarios(shipped_scenario_files())
    test = _navigator(installed, "test", cwd=tmp_path)
    assert test.returncode == 0, test.stdout[-2000:]
    assert test.stdout.splitlines()[-1] == f"合格 {len(scenarios)} 件、不合格 0 件、読めない相談例ファイルの問題 0 件"
    assert len(scenarios) > 10

    empty = tmp_path / "empty"
    empty.mkdir()
    none = _navigator(installed, "test", empty, cwd=tmp_path)
    assert none.returncode == 1 and "NAV-C611" in none.stderr
    assert list(tmp_path.iterdir()) == [empty]  # nothing written where it ran


def test_installed_copy_reads_its_own_data_not_the_checkout(installed, tmp_path):
    python, env = installed
    where = _run(python, "-c", "import navigator, navigator.loading as l; print(navigator.__file__); "
                 "print(*l.default_dirs(), sep='\\n')", cwd=tmp_path, env=env)
    module, rules, contacts = where.stdout.splitlines()
    for path in (module, rules, contacts):
        assert str(ROOT) not in path and "site-packages" in path
    table = _run(python, "-c", "from navigator import rule_forms as r; print(len(r._table()))", cwd=tmp_path, env=env)
    assert int(table.stdout) > 1000, table.stderr   # the analysed rule words are used there too


TUI_START = textwrap.dedent("""
    import asyncio
    from pathlib import Path
    from navigator.loading import default_dirs
    from navigator.tui.app import NavigatorApp

    async def main():
        app = NavigatorApp(*default_dirs(), "asaka", watch_interval=None)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press(*"家賃が払えない")
            await pilot.pause()
            styled = all(Path(p).is_file() for p in app.css_path) and app.css_path
            print(type(app.screen).__name__, app.consultation.municipality, bool(styled))

    asyncio.run(main())
""")


def test_installed_copy_starts_the_tui_to_its_first_screen(installed, tmp_path):
    python, env = installed
    done = _run(python, "-c", TUI_START, cwd=tmp_path, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split() == ["IntakeScreen", "asaka", "True"]
