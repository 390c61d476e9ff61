"""`navigator serve`: the TUI in a web browser, through textual-serve.

textual-serve starts one app process per browser tab (each tab is its own consultation, held in
that process's memory only) and, in its released versions, has no authentication. So this module
puts a guard in front of its aiohttp app:
- it listens on 127.0.0.1 unless told otherwise, and any other address needs a password set by
  the operator (NAVIGATOR_SERVE_PASSWORD or --password-file), or it refuses to start;
- with a password, a browser logs in once with HTTP Basic authentication and then carries a
  session cookie (HttpOnly, SameSite=Strict), which also covers the WebSocket;
- a WebSocket from another site's page is refused (its Origin is not ours), and on loopback so is
  a request for another host name (DNS rebinding);
- the page may load nothing from elsewhere (Content-Security-Policy);
- the server's log lines carry no local variables, and nothing is written to disk.
"""

from __future__ import annotations

import argparse
import hmac
import ipaddress
import os
import secrets
import shlex
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from .messages import CodedError

PASSWORD_ENV = "NAVIGATOR_SERVE_PASSWORD"
COOKIE = "navigator_session"
MIN_PASSWORD = 8
WILDCARDS = ("0.0.0.0", "::", "")


class ServeError(CodedError):
    """The server cannot start as asked: a message catalogue code and its arguments."""



def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def read_password(password_file: Path | None) -> str | None:
    """The operator's password: the first line of --password-file, else the environment variable,
    which is then removed so that the app processes do not inherit it."""
    from_env = os.environ.pop(PASSWORD_ENV, None)
    if password_file is not None:
        try:
            lines = password_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            detail = exc.strerror if isinstance(exc, OSError) else type(exc).__name__
            raise ServeError("NAV-C613", path=password_file, detail=detail) from exc
        return lines[0].strip() if lines else ""
    return from_env


def check_settings(host: str, password: str | None, public_url: str | None) -> None:
    if password is not None and len(password) < MIN_PASSWORD:
        raise ServeError("NAV-C614", min=MIN_PASSWORD)
    if not is_loopback(host) and not password:
        raise ServeError("NAV-C615", host=host)
    if host in WILDCARDS and not public_url:
        raise ServeError("NAV-C616", host=host or "''")


def app_command(rules_dir: Path, contacts_dir: Path, municipality: str | None) -> str:
    """The shell command textual-serve runs for each tab: this same Python and these rules."""
    argv = [sys.executable, "-m", "navigator", "--rules", str(rules_dir.resolve()),
            "--contacts", str(contacts_dir.resolve())] + (["-m", municipality] if municipality else [])
    return subprocess.list2cmdline(argv) if os.name == "nt" else shlex.join(argv)


class Guard:
    """The checks in front of every request, as aiohttp middleware."""

    def __init__(self, password: str | None, public_url: str, loopback: bool):
        self.password = password
        self.session = secrets.token_urlsafe(32)  # one per server run: a restart logs everyone out
        public = urlsplit(public_url).netloc
        port = urlsplit(public_url).port
        # On loopback only our own names are answered: a page elsewhere cannot rebind its name to us.
        self.hosts = ({public, f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"}
                      if loopback else None)

    def middleware(self):
        from aiohttp import web

        @web.middleware
        async def guard(request: web.Request, handler):
            if self.hosts is not None and request.host not in self.hosts:
                return web.Response(status=421, text="unknown host")
            origin = request.headers.get("Origin")
            if origin is not None and not self._our_origin(urlsplit(origin).netloc, request.host):
                return web.Response(status=403, text="cross-site request refused")
            logged_in = False
            if self.password:
                if not self._has_session(request):
                    if not self._basic_auth_ok(request):
                        return web.Response(status=401, text="パスワードが必要です / password required",
                                            headers={"WWW-Authenticate": 'Basic realm="navigator", charset="UTF-8"'})
                    logged_in = True
            response = await handler(request)
            if logged_in and not response.prepared:
                response.set_cookie(COOKIE, self.session, httponly=True, samesite="Strict", path="/")
            if not response.prepared:
                # Only this server: textual-serve's page also asks a font from a public web service,
                # which on an office network is a wait and tells an outsider each time it is opened.
                response.headers["Content-Security-Policy"] = (
                    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                    f"img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' ws://{request.host} "
                    f"wss://{request.host}; frame-ancestors 'none'")
                response.headers["Cache-Control"] = "no-store"
                response.headers["Referrer-Policy"] = "no-referrer"
                response.headers["X-Frame-Options"] = "DENY"
            return response

        return guard

    def _our_origin(self, origin: str, host: str) -> bool:
        """A page of ours: the same host, or on loopback another of our names (127.0.0.1, localhost)."""
        return origin == host or (self.hosts is not None and origin in self.hosts)

    def _has_session(self, request) -> bool:
        return hmac.compare_digest(request.cookies.get(COOKIE, "").encode(), self.session.encode())

    def _basic_auth_ok(self, request) -> bool:
        from aiohttp import BasicAuth

        header = request.headers.get("Authorization", "")
        try:
            given = BasicAuth.decode(header, encoding="utf-8").password
        except ValueError:
            return False
        return hmac.compare_digest(given.encode(), self.password.encode())


def make_server(command: str, host: str, port: int, password: str | None, public_url: str | None):
    """A textual-serve Server with the guard in front of it (built apart from serve() for tests)."""
    import logging

    from rich.logging import RichHandler
    from textual_serve.server import Server

    class GuardedServer(Server):
        def initialize_logging(self) -> None:
            # textual-serve's own handler prints local variables in tracebacks: they could hold
            # what a resident said. Log to the console only, without them.
            logging.basicConfig(level="WARNING", format="%(message)s",
                                handlers=[RichHandler(show_path=False, show_time=False,
                                                      tracebacks_show_locals=False, console=self.console)])

        async def _make_app(self):
            app = await super()._make_app()
            app.middlewares.append(guard.middleware())
            return app

    server = GuardedServer(command, host=host, port=port, title="相談窓口ナビ", public_url=public_url)
    guard = Guard(password, server.public_url, is_loopback(host))
    return server


def serve(rules_dir: Path, contacts_dir: Path, args: argparse.Namespace) -> int:
    password = read_password(args.password_file)
    check_settings(args.host, password, args.public_url)
    if not (1 <= args.port <= 65535):
        raise ServeError("NAV-C617", port=args.port)
    server = make_server(app_command(rules_dir, contacts_dir, args.municipality), args.host, args.port,
                         password, args.public_url)
    print(f"相談窓口ナビ: ブラウザで {server.public_url} を開いてください（終了は Ctrl+C）"
          + ("。パスワードが必要です。" if password else ""), flush=True)
    try:
        server.serve()
    except OSError as exc:  # e.g. the port is taken
        raise ServeError("NAV-C618", host=args.host, port=args.port, detail=exc.strerror or exc) from exc
    return 0
