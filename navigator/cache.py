"""Loaded results kept by file content, in memory, for reloads within one process."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import Callable

from .files import compose
from .problems import Problem

# Composing YAML is nearly all of a load. What a file yields depends only on its bytes, the
# bytes it is checked against (common.yaml, for a municipality) and the paths shown in its
# origins, so these are the key: a cached result can never be stale. Only results without
# problems are kept, so a broken file is always parsed and reported with file:line:col.
# It serves reloads within a process (live reload, the municipality picker after a
# one-municipality start); results are shared between loads, so they are never modified.
# There is no disk cache any more: it was a pickle, which a planted file could use to run code
# (red-team B12), and it saved 75 ms a process on the shipped rules (SECURITY.md).
_memory: dict[str, tuple[bytes, object]] = {}     # slot → (key, result)


def clear_cache() -> None:
    """Forget the results kept in memory, so that the next load parses every file."""
    _memory.clear()


class Files:
    """The files one result is made from, read once: their bytes and the key."""

    def __init__(self, slot: str, key: bytes | None = None, raw: dict[Path, bytes] | None = None):
        self.slot = slot        # where the result is kept: one per file set
        self.key = key          # None: a file could not be read; no caching
        self.raw = raw or {}

    @classmethod
    def read(cls, paths: list[Path], shown: Callable[[Path], str], depends_on: "Files | None" = None
             ) -> "Files":
        slot = "\n".join(os.path.abspath(p) for p in paths)
        if depends_on is not None and depends_on.key is None:
            return cls(slot)
        digest = hashlib.sha256(depends_on.key if depends_on else b"")
        found = {}
        for path in paths:
            raw = found[path] = _plain_bytes(path)
            if raw is None:
                return cls(slot)
            for part in (os.fsencode(shown(path)), raw):  # each with its length: no two run together
                digest.update(len(part).to_bytes(8, "big") + part)
        return cls(slot, digest.digest(), found)

    def texts(self) -> dict[Path, str] | None:
        """Decoded only on a cache miss (decoding is a fifth of a warm load); None if not UTF-8."""
        try:
            return {path: raw.decode("utf-8-sig") for path, raw in self.raw.items()}
        except UnicodeDecodeError:
            return None


def _plain_bytes(path: Path) -> bytes | None:
    """A regular file's bytes if within the size limit (checked before reading); else None."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > compose.MAX_FILE_BYTES:
            return None
        with open(path, "rb") as handle:
            raw = handle.read(info.st_size + 1)  # not the limit: allocating 1 MB a file costs
    except OSError:
        return None
    return raw if len(raw) <= info.st_size else None  # grown since stat: let the reader see to it


class Cache:
    """Results by key, in this process's memory only."""

    def get(self, files: Files, problems: list[Problem], parse):
        """parse(texts), or what it gave for the same key before."""
        if files.key is None:
            return parse({})
        hit = _memory.get(files.slot)
        if hit is not None and hit[0] == files.key:
            return hit[1]
        texts = files.texts()
        if texts is None:  # not UTF-8: the file reader reports where
            return parse({})
        before = len(problems)
        result = parse(texts)
        if result is not None and len(problems) == before:
            _memory[files.slot] = (files.key, result)
        return result
