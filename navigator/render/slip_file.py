"""Where a slip is written and how: a dated name in the staff's folder (never inside a git
work tree), owner-readable, atomic, never over an existing file."""

from __future__ import annotations

import datetime as dt
import errno
import os
import tempfile
from pathlib import Path

SLIPS_ENV = "NAVIGATOR_SLIPS"   # the folder slips go to by default (staff may type another)


def default_folder() -> Path:
    """NAVIGATOR_SLIPS, else ~/Documents/つなぎシート (or ~/つなぎシート): never inside a git
    work tree, so a slip cannot end up committed with the rules."""
    chosen = os.environ.get(SLIPS_ENV)
    if chosen:
        return Path(chosen).expanduser()
    home = Path.home()
    base = home / "Documents" if (home / "Documents").is_dir() else home
    folder = base / "つなぎシート"
    if inside_git(folder):
        folder = Path(tempfile.gettempdir()) / f"navigator-slips-{os.getuid() if hasattr(os, 'getuid') else 'user'}"
    return folder


def inside_git(path: Path) -> bool:
    return any((parent / ".git").exists() for parent in [path, *path.parents])


def slip_name(now: dt.datetime | None = None, suffix: str = ".html") -> str:
    """つなぎシート_2026-12-02_064812.html: date and time, so the second slip of a day is its own."""
    return f"つなぎシート_{(now or dt.datetime.now()):%Y-%m-%d_%H%M%S}{suffix}"


def unique_path(folder: Path, now: dt.datetime | None = None, suffix: str = ".html") -> Path:
    path = folder / slip_name(now, suffix)
    n = 2
    while path.exists():
        path = folder / slip_name(now, f"_{n}{suffix}")
        n += 1
    return path


def write_private(path: Path, text: str) -> None:
    """Write atomically, readable by the owner only, never over an existing name: a temporary
    file in the same folder, flushed, then hard-linked to the name (which fails if anything
    appeared there meanwhile, a file, a link or a FIFO, where a rename would replace it), then
    the temporary name removed. Where the file system has no hard links, the file is created
    exclusively and written in place."""
    path = path.expanduser()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".navigator-", suffix=".tmp")  # created 0o600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            os.fchmod(handle.fileno(), 0o600)
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, path, follow_symlinks=False)
        except OSError as exc:
            if exc.errno not in _NO_HARD_LINKS:
                raise
            _write_exclusive(path, text)
    finally:
        Path(tmp).unlink(missing_ok=True)


_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS}  # FAT, some network shares


def _write_exclusive(path: Path, text: str) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        path.unlink(missing_ok=True)
        raise
