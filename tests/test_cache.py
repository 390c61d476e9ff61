"""Loaded results are kept by file content: never stale, never hiding an error, on disk only if asked."""

from __future__ import annotations

import os

from navigator import cache
from navigator.loading import clear_cache, load
from test_loading import replace


def test_an_edit_of_the_same_size_and_time_is_seen(mini):
    clear_cache()
    contacts = mini / "contacts" / "town.yaml"
    assert load(mini / "rules", mini / "contacts").ruleset.plans["town"].contacts["town-jiritsu"].window == "自立相談"
    before = os.stat(contacts)
    replace(contacts, "window: 自立相談", "window: 自立窓口")  # same length in bytes
    os.utime(contacts, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(contacts).st_size == before.st_size
    loaded = load(mini / "rules", mini / "contacts")
    assert loaded.ruleset.plans["town"].contacts["town-jiritsu"].window == "自立窓口"


def test_a_broken_file_reports_its_error_on_every_load(mini):
    clear_cache()
    replace(mini / "rules" / "village.yaml", "priority: 10", "priority: ten")
    first = [str(p) for p in load(mini / "rules", mini / "contacts").problems]
    second = [str(p) for p in load(mini / "rules", mini / "contacts").problems]
    assert first == second and any("NAV-E210" in p for p in first)


def test_a_second_load_reuses_the_first(mini):
    clear_cache()
    one = load(mini / "rules", mini / "contacts").ruleset.plans["town"]
    two = load(mini / "rules", mini / "contacts").ruleset.plans["town"]
    assert one is two


def test_disk_cache_only_when_asked_and_only_in_a_private_folder(mini, tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    monkeypatch.delenv("NAVIGATOR_CACHE", raising=False)
    clear_cache()
    load(mini / "rules", mini / "contacts")
    assert not folder.exists()

    monkeypatch.setenv("NAVIGATOR_CACHE", "1")
    clear_cache()
    first = load(mini / "rules", mini / "contacts")
    written = sorted((folder / "navigator").iterdir())
    assert written and all(p.suffix == ".pickle" for p in written)
    assert (folder / "navigator").stat().st_mode & 0o077 == 0
    clear_cache()
    again = load(mini / "rules", mini / "contacts")  # from disk
    assert again.ruleset.plans["town"] == first.ruleset.plans["town"]

    os.chmod(folder / "navigator", 0o777)  # others could plant a pickle: do not read it
    assert cache._private_cache_dir() is None
