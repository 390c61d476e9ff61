"""Run the real TUI on a pseudo-terminal: raw bytes in, the screen's bytes out.

Pilot drives the app through Textual's headless driver, which never decodes terminal bytes nor
opens Textual's debug files; these tests need the real driver, so they spawn `navigator` with a
pty as its controlling terminal, as a terminal emulator would."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import sys
import termios
import time
from pathlib import Path


class Terminal:
    def __init__(self, args: list[str], cwd: Path, env: dict[str, str], size=(80, 24)):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: becomes navigator
            try:
                os.chdir(cwd)
                os.execve(sys.executable, [sys.executable, "-m", "navigator", *args], env)
            finally:
                os._exit(127)
        self.output = b""
        self.status: int | None = None
        self.resize(*size)

    def resize(self, columns: int, rows: int) -> None:
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))

    def read(self, seconds: float) -> bytes:
        """Everything the app writes for `seconds` (it must be drained or it blocks)."""
        end, start = time.monotonic() + seconds, len(self.output)
        while time.monotonic() < end:
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:  # the child is gone
                    break
                if not chunk:
                    break
                self.output += chunk
        return self.output[start:]

    def wait_for(self, text: str, seconds: float = 20) -> bool:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if text.encode() in self.output:
                return True
            self.read(0.2)
            if not self.alive():
                return text.encode() in self.output
        return False

    def send(self, data: bytes, settle: float = 0.3) -> None:
        os.write(self.fd, data)
        self.read(settle)

    def alive(self) -> bool:
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
        return self.status is None

    def quit(self, seconds: float = 15) -> int | None:
        """Ctrl+Q (and yes, when it asks), then the exit code (None if it did not leave in time:
        then it is killed)."""
        if self.alive():
            self.send(b"\x11", settle=0.8)
        if self.alive():
            os.write(self.fd, b"y")
        end = time.monotonic() + seconds
        while self.alive() and time.monotonic() < end:
            self.read(0.1)
        if self.alive():
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
            return None
        os.close(self.fd)
        return os.waitstatus_to_exitcode(self.status)


def environment(home: Path, **extra: str) -> dict[str, str]:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "TERM": "xterm-256color",
           "LANG": "C.UTF-8", "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
           "XDG_CACHE_HOME": str(home / ".cache"), "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_DATA_HOME": str(home / ".local" / "share"), "TMPDIR": str(home / "tmp")}
    (home / "tmp").mkdir(parents=True, exist_ok=True)
    env.update(extra)
    return env
