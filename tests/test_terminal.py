"""The real TUI on a pseudo-terminal: nothing written to disk whatever Textual's environment
says (red-team B2), and bytes that are not UTF-8 never end it (B5)."""

from __future__ import annotations

import pytest

from terminal import Terminal, environment
from conftest import MINI

ARGS = ["-m", "town", "--rules", str(MINI / "rules"), "--contacts", str(MINI / "contacts")]
WORDS = "借金があって家賃が払えない"


def files_under(folder) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def consult(term: Terminal) -> None:
    """A whole consultation: words, result, the why dialog, the export dialog left unwritten."""
    assert term.wait_for("相談内容"), term.output[-400:]
    term.send(WORDS.encode())
    term.send(b"\r", settle=1.0)
    assert term.wait_for("自立相談")
    for key in (b"w", b"\x1b", b"e", b"\x1b", b"\x1b", b"\x0e", b"y"):  # ... and Ctrl+N, yes
        term.send(key, settle=0.4)


@pytest.mark.parametrize("variable", [
    {"TEXTUAL_DEBUG": "1"},
    {"TEXTUAL_LOG": "textual.log"},
    {"TEXTUAL": "devtools,debug"},
    {"TEXTUAL_SCREENSHOT": "0", "TEXTUAL_SCREENSHOT_LOCATION": "."},
    {"TEXTUAL_PRESS": "e,enter"},
    {"TEXTUAL_DEBUG": "1", "TEXTUAL_LOG": "textual.log", "TEXTUAL": "debug,devtools", "TEXTUAL_SCREENSHOT": "1"},
], ids=lambda v: ",".join(v))
def test_no_file_appears_whatever_textual_is_told(tmp_path, variable):
    home = tmp_path / "home"
    env = environment(home, **variable)
    term = Terminal(ARGS, home, env)
    consult(term)
    assert term.quit() == 0
    assert files_under(home) == [], files_under(home)


@pytest.mark.parametrize("raw", [b"\x9b", b"\xff", b"\x80", b"\xc3A", b"\xe3\x81", b"\xed\xa0\x80", b"\x82\xa0\x82\xa2"],
                         ids=lambda b: b.hex())
def test_bytes_that_are_not_utf8_do_not_end_the_consultation(tmp_path, raw):
    term = Terminal(ARGS, tmp_path, environment(tmp_path))
    assert term.wait_for("相談内容")
    term.send(WORDS.encode())
    term.send(raw, settle=0.8)
    term.send("も".encode(), settle=0.5)
    assert term.alive(), term.output[-600:]
    term.send(b"\r", settle=1.0)
    assert term.wait_for("自立相談"), term.output[-600:]
    assert term.quit() == 0


def test_resizes_down_to_one_cell_do_not_end_it(tmp_path):
    term = Terminal(ARGS, tmp_path, environment(tmp_path))
    assert term.wait_for("相談内容")
    term.send(WORDS.encode() + b"\r", settle=1.0)
    for size in ((8, 24), (1, 1), (80, 24), (3, 2), (2, 40), (120, 1), (80, 24)):
        term.resize(*size)
        term.send(b"", settle=0.4)
        assert term.alive(), size
    term.send(b"e", settle=0.5)
    term.resize(1, 1)
    term.send(b"\x1b", settle=0.5)
    assert term.alive()
    assert term.quit() == 0
