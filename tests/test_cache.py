"""Loaded results are kept by file content: never stale, never hiding an error, on disk only if asked."""

from __future__ import annotations

import os

from navigator import cache
from navigator.cache import clear_cache
from navigator.loading import load
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


def test_nothing_is_read_from_or_written_to_a_disk_cache(mini, tmp_path, monkeypatch):
    """The opt-in disk cache was a pickle with an unkeyed stamp: a planted file changed phone
    numbers and could run code (red-team B12). It is gone: NAVIGATOR_CACHE=1 changes nothing."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    monkeypatch.setenv("NAVIGATOR_CACHE", "1")
    (folder / "navigator").mkdir(parents=True, mode=0o700)
    marker = tmp_path / "ran"
    forged = b"\x80\x04cos\nsystem\n(Vtouch " + str(marker).encode() + b"\ntR."
    import hashlib

    slot = "\n".join(os.path.abspath(p) for p in (mini / "rules" / "town.yaml", mini / "contacts" / "town.yaml"))
    for prefix in (b"", hashlib.sha256(b"x").digest()):
        (folder / "navigator" / (hashlib.sha256(slot.encode()).hexdigest()[:32] + ".pickle")).write_bytes(
            prefix + forged)
        clear_cache()
        loaded = load(mini / "rules", mini / "contacts")
        assert loaded.ok and "town" in loaded.ruleset.plans and not marker.exists()
    assert sorted(p.name for p in (folder / "navigator").iterdir()) == [
        hashlib.sha256(slot.encode()).hexdigest()[:32] + ".pickle"]  # nothing written
    assert "import pickle" not in open(cache.__file__, encoding="utf-8").read()
