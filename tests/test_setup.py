"""scripts/venv.py, behind `make run` and `make test`: which .venv it keeps and which it rebuilds."""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(os.name == "nt", reason="the fake interpreters are shell scripts")


@pytest.fixture
def venv_script(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return runpy.run_path(str(ROOT / "scripts" / "venv.py"))


def fake_python(tmp_path: Path, body: str) -> None:
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True, exist_ok=True)
    python.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    python.chmod(0o755)


def test_no_venv_is_not_stale(venv_script):
    assert venv_script["why_stale"]() is None


def test_a_venv_of_a_good_python_is_kept(venv_script, tmp_path):
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "python").symlink_to(sys.executable)
    assert venv_script["why_stale"]() is None


def test_a_venv_of_an_old_python_is_rebuilt_saying_why(venv_script, tmp_path):
    fake_python(tmp_path, "echo 3 10 12")
    assert venv_script["why_stale"]() == "it was made with Python 3.10.12; navigator needs 3.11.4 or newer"


def test_a_venv_whose_python_is_gone_is_rebuilt(venv_script, tmp_path):
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "python").symlink_to(tmp_path / "removed-python")
    assert "no Python" in venv_script["why_stale"]()
    os.remove(tmp_path / ".venv" / "bin" / "python")
    fake_python(tmp_path, "exit 1")
    assert "no longer runs" in venv_script["why_stale"]()


def test_the_stamp_follows_pyproject(venv_script, tmp_path):
    (tmp_path / "pyproject.toml").write_text("a", encoding="utf-8")
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / ".installed-test").write_text(venv_script["wanted"]("test"), encoding="utf-8")
    assert venv_script["current"]("test") and venv_script["current"]("run")  # test tools include runtime
    (tmp_path / "pyproject.toml").write_text("b", encoding="utf-8")
    assert not venv_script["current"]("run")


def test_python_floor_matches_pyproject(venv_script):
    floor = ".".join(map(str, venv_script["NEED"]))
    assert f'requires-python = ">={floor}"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
