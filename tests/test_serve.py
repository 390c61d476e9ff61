"""`navigator serve` in a real headless Chromium (Debian's, driven by Playwright), on 127.0.0.1 only:
a case typed in one tab reaches its result there and is not seen by a second tab; and the guard in
front of textual-serve (password, host and origin checks) refuses what it should."""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from navigator.cli import main
from conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Flags for this closed network (no background connections), as root (no sandbox), without a GPU.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CASE = "先月から家賃が払えなくて、仕事も見つからない"  # not the input's placeholder example
ANSI = re.compile(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78cDEHM])")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(tmp_path: Path, *args: str, env: dict | None = None) -> tuple[subprocess.Popen, str]:
    """`navigator serve` in its own process, its working directory and home empty folders."""
    port = free_port()
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir(exist_ok=True)
    home.mkdir(exist_ok=True)
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("NAVIGATOR_")},
           "HOME": str(home), "TMPDIR": str(home), **(env or {})}
    process = subprocess.Popen(
        [sys.executable, "-m", "navigator", "--rules", str(ROOT / "rules"), "--contacts", str(ROOT / "contacts"),
         "serve", "--port", str(port), *args], cwd=work, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.stdout.read().decode(errors="replace"))
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return process, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise AssertionError("navigator serve did not start listening within 30 s")


def stop(process: subprocess.Popen) -> str:
    process.terminate()
    try:
        out, _ = process.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        out, _ = process.communicate()
    return out.decode(errors="replace")


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


# ---- refusing to start ----------------------------------------------------------------


def test_other_hosts_need_a_password(capsys, monkeypatch):
    monkeypatch.delenv("NAVIGATOR_SERVE_PASSWORD", raising=False)
    for host in ("0.0.0.0", "192.0.2.1", "desk-pc"):
        assert main(["serve", "--host", host, "--public-url", "http://desk-pc:8000"]) == 2
        err = capsys.readouterr().err
        assert "[NAV-C615]" in err and "NAVIGATOR_SERVE_PASSWORD" in err


def test_a_short_or_unreadable_password_is_refused(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("NAVIGATOR_SERVE_PASSWORD", "short")
    assert main(["serve"]) == 2 and "8 文字以上" in capsys.readouterr().err
    assert main(["serve", "--password-file", str(tmp_path / "none")]) == 2
    assert "[NAV-C613]" in capsys.readouterr().err


def test_a_wildcard_host_needs_the_address_browsers_use(capsys, monkeypatch):
    monkeypatch.setenv("NAVIGATOR_SERVE_PASSWORD", "long enough secret")
    assert main(["serve", "--host", "0.0.0.0"]) == 2 and "--public-url" in capsys.readouterr().err
    assert main(["serve", "--port", "0"]) == 2 and "[NAV-C617]" in capsys.readouterr().err


def test_a_non_loopback_host_without_password_does_not_listen(tmp_path):
    """The real command, as an operator would run it: it exits at once and binds nothing."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "NAVIGATOR_SERVE_PASSWORD"}
    done = subprocess.run([sys.executable, "-m", "navigator", "serve", "--host", "0.0.0.0", "--port", str(port),
                           "--public-url", f"http://desk-pc:{port}"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "[NAV-C615]" in done.stderr
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()


# ---- the guard, over HTTP -------------------------------------------------------------


def get(url: str, headers: dict | None = None):
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def test_the_guard_asks_for_the_password_and_then_keeps_a_session(tmp_path):
    process, url = start_server(tmp_path, env={"NAVIGATOR_SERVE_PASSWORD": "correct horse battery"})
    try:
        status, headers, _ = get(url + "/")
        assert status == 401 and headers["WWW-Authenticate"].startswith("Basic")
        wrong = "Basic " + base64.b64encode(b"staff:wrong password").decode()
        assert get(url + "/", {"Authorization": wrong})[0] == 401
        assert get(url + "/static/js/textual.js")[0] == 401  # every route, not only the page
        right = "Basic " + base64.b64encode("staff:correct horse battery".encode()).decode()
        status, headers, page = get(url + "/", {"Authorization": right})
        assert status == 200 and "textual-terminal" in page
        assert headers["Content-Security-Policy"].startswith("default-src 'self'")
        cookie = headers["Set-Cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
        session = cookie.split(";")[0]
        assert get(url + "/static/js/textual.js", {"Cookie": session})[0] == 200
        assert get(url + "/", {"Cookie": "navigator_session=forged"})[0] == 401
    finally:
        log = stop(process)
    assert "correct horse" not in log


def test_the_guard_refuses_other_host_names_and_other_sites(tmp_path):
    process, url = start_server(tmp_path)
    try:
        port = url.rsplit(":", 1)[1]
        assert get(url + "/")[0] == 200
        assert get(url + "/", {"Host": f"localhost:{port}"})[0] == 200
        assert get(url + "/", {"Host": f"attacker.example:{port}"})[0] == 421  # DNS rebinding
        assert get(url + "/ws", {"Origin": "http://attacker.example"})[0] == 403  # another site's page
    finally:
        stop(process)


# ---- in the browser -------------------------------------------------------------------


class Tab:
    """One browser tab on the server, with the text its terminal received (escape codes removed)."""

    def __init__(self, context, url: str):
        self.raw = bytearray()
        self.page = context.new_page()
        self.page.on("websocket", lambda ws: ws.on("framereceived", self._received))
        self.loaded: list[str] = []  # what the browser really fetched (a request CSP blocks fails)
        self.page.on("requestfinished", lambda request: self.loaded.append(request.url))
        self.failed: dict[str, str] = {}  # url: why
        self.page.on("requestfailed", lambda request: self.failed.setdefault(request.url, request.failure))
        self.page.goto(url)

    def _received(self, payload) -> None:
        if isinstance(payload, bytes):
            self.raw += payload

    def text(self) -> str:
        return ANSI.sub("", self.raw.decode("utf-8", errors="ignore"))

    def wait_for(self, wanted: str, timeout: float = 20) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if wanted in self.text():
                return True
            self.page.wait_for_timeout(200)
        return False


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).is_file():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium; .ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def expected_first_window() -> str:
    """What the engine puts first for the case when every question is answered 「わからない」."""
    from navigator.engine import route
    from navigator.intake import take
    from navigator.loading import load
    from navigator.search import ConcernMatcher

    ruleset = load(ROOT / "rules", ROOT / "contacts", ["asaka"]).ruleset
    intake = take(ruleset, ConcernMatcher(ruleset.common.concerns), "asaka", CASE, [], {})
    return route(ruleset, intake.case).referrals[0].contact.window


def test_a_case_in_one_tab_reaches_its_result_and_stays_in_that_tab(browser, tmp_path):
    process, url = start_server(tmp_path, "-m", "asaka")
    try:
        context = browser.new_context(viewport={"width": 1100, "height": 760})
        first = Tab(context, url)
        assert first.wait_for("朝霞市の計画で案内します"), first.text()[-2000:]
        first.page.focus(".xterm-helper-textarea")  # keys to the terminal, no click into the app
        first.page.keyboard.type(CASE)
        assert first.wait_for(CASE), "the typed case did not reach the app"
        first.page.keyboard.press("Enter")
        window = expected_first_window()
        for _ in range(8):  # answer each question 「わからない」 (0) until the result shows
            if first.wait_for(window, timeout=3):
                break
            first.page.keyboard.press("0")
        assert first.wait_for(window), first.text()[-3000:]
        assert first.wait_for("福祉相談課")
        assert first.loaded and all(u.startswith(url + "/") for u in first.loaded), first.loaded
        outside = {u: why for u, why in first.failed.items() if not u.startswith(url + "/")}
        assert set(outside.values()) <= {"csp"}, outside  # refused by the page's policy, never tried
        first.page.screenshot(path=str(tmp_path / "first-tab.png"))

        second = Tab(context, url)
        assert second.wait_for("朝霞市の計画で案内します")
        second.page.wait_for_timeout(1000)
        seen = second.text()
        assert CASE not in seen and window not in seen and "生活困窮" in seen  # a fresh intake list
        assert "先月から" not in seen
        context.close()
    finally:
        log = stop(process)
    assert "先月から" not in log  # nothing of the case in the server's output either
    assert files_under(tmp_path / "work") == [] and files_under(tmp_path / "home") == []


@pytest.mark.parametrize("argv", [["-m", "asaka", "serve"], ["serve", "-m", "asaka"]])
def test_the_municipality_counts_before_or_after_serve(argv):
    from navigator.cli import build_parser
    from navigator.serve import app_command

    args = build_parser().parse_args(argv)
    assert args.municipality == "asaka" and args.host == "127.0.0.1" and args.port == 8000
    assert app_command(ROOT / "rules", ROOT / "contacts", args.municipality).endswith(" -m asaka")


def test_a_port_in_use_is_said_plainly(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "navigator", "serve", "--port", str(port)], cwd=tmp_path,
                              capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "[NAV-C618]" in done.stderr and "Traceback" not in done.stderr + done.stdout
