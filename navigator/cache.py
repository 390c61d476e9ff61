"""Loaded results kept by file content: in memory always, on disk only with NAVIGATOR_CACHE=1."""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from functools import lru_cache
from pathlib import Path
from typing import Callable

from . import yamlnodes
from .problems import Problem

# Composing YAML is nearly all of a load. What a file yields depends only on its bytes, the
# bytes it is checked against (common.yaml, for a municipality) and the paths shown in its
# origins, so these are the key: a cached result can never be stale. Only results without
# problems are kept, so a broken file is always parsed and reported with file:line:col.
# In memory it serves reloads within a process (live reload, the municipality picker after a
# one-municipality start); results are shared between loads, so they are never modified. With
# NAVIGATOR_CACHE=1 results are also kept on disk for later processes (off by default: nothing
# is written unless asked; rule files hold no personal data).

CACHE_ENV = "NAVIGATOR_CACHE"
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
            for part in (shown(path).encode(), raw):  # each with its length: no two run together
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
        if not stat.S_ISREG(info.st_mode) or info.st_size > yamlnodes.MAX_FILE_BYTES:
            return None
        with open(path, "rb") as handle:
            raw = handle.read(info.st_size + 1)  # not the limit: allocating 1 MB a file costs
    except OSError:
        return None
    return raw if len(raw) <= info.st_size else None  # grown since stat: let the reader see to it


class Cache:
    def __init__(self):
        wanted = os.environ.get(CACHE_ENV) == "1" and _code() is not None
        self.folder = _private_cache_dir() if wanted else None

    def get(self, files: Files, problems: list[Problem], parse):
        """parse(texts), or what it gave for the same key before."""
        if files.key is None:
            return parse({})
        hit = _memory.get(files.slot)
        if hit is not None and hit[0] == files.key:
            return hit[1]
        result = self._from_disk(files)
        if result is None:
            texts = files.texts()
            if texts is None:  # not UTF-8: the file reader reports where
                return parse({})
            before = len(problems)
            result = parse(texts)
            if result is None or len(problems) > before:
                return result
            self._to_disk(files, result)
        _memory[files.slot] = (files.key, result)
        return result

    # ---- on disk: a pickle per file set, stamped with the key and the loader's code
    def _path(self, files: Files) -> Path:
        return self.folder / (hashlib.sha256(files.slot.encode()).hexdigest()[:32] + ".pickle")

    def _from_disk(self, files: Files):
        if self.folder is None:
            return None
        try:
            data = self._path(files).read_bytes()
        except OSError:
            return None
        stamp = _stamp(files.key)
        if not data.startswith(stamp):
            return None
        import pickle  # only with the disk cache

        try:
            return pickle.loads(memoryview(data)[len(stamp):])
        except Exception:  # a truncated or foreign file is a miss, never an error
            return None

    def _to_disk(self, files: Files, result) -> None:
        if self.folder is None:
            return
        import pickle

        path = self._path(files)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            temporary.write_bytes(_stamp(files.key) + pickle.dumps(result, pickle.HIGHEST_PROTOCOL))
            os.replace(temporary, path)  # whole or not at all, even with two writers
        except (OSError, pickle.PicklingError):
            temporary.unlink(missing_ok=True)


def _private_cache_dir() -> Path | None:
    """$XDG_CACHE_HOME/navigator (default ~/.cache/navigator), only if it is the user's own and
    closed to others: a pickle can run code, so no one else may be able to plant one there."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # no owner to check (Windows): no disk cache
        return None
    try:
        base = os.environ.get("XDG_CACHE_HOME", "")
        folder = Path(base if os.path.isabs(base) else Path.home() / ".cache") / "navigator"
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except (OSError, RuntimeError):  # RuntimeError: no home directory
        return None
    if info.st_uid != getuid() or info.st_mode & 0o077:
        return None
    return folder


@lru_cache(maxsize=None)
def _code() -> bytes | None:
    """The source of the modules that make and define a result: a change to them is a miss.
    None if the source cannot be read (then no disk cache)."""
    digest = hashlib.sha256(sys.version.encode())
    try:
        for name in ("model.py", "problems.py", "yamlnodes.py", "loading.py", "cache.py"):
            digest.update((Path(__file__).parent / name).read_bytes())
    except OSError:
        return None
    return digest.digest()


def _stamp(key: bytes) -> bytes:
    return hashlib.sha256(_code() + key).digest()
