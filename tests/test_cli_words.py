"""What staff read from the command line is Japanese: --help of every command (argparse's own
usage:, options:, -h's help too), its complaints, and the last line of `navigator test`."""

from __future__ import annotations

import re

import pytest

from navigator.cli import main
from navigator.cli.parser import build_parser

COMMANDS = sorted(build_parser()._subparsers._group_actions[0].choices)
ENGLISH = re.compile(r"\b(?:usage|options|positional arguments|show this help|show program|"
                     r"the following|expected|invalid|unrecognized|error)\b", re.I)
WORDS = re.compile(r"[a-z]+ [a-z]+ [a-z]+", re.I)   # three English words in a row


def help_of(capsys, *args: str) -> str:
    with pytest.raises(SystemExit) as done:
        main([*args, "-h"])
    assert done.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_help_is_japanese(capsys, command):
    text = help_of(capsys, *([command] if command else []))
    assert text.startswith("使い方: navigator") and "オプション:" in text and "この説明を出して終わる" in text
    assert not ENGLISH.search(text), ENGLISH.search(text)
    described = text.split("\n\n", 1)[1]   # after the usage block (option names and metavars)
    assert not WORDS.search(described), WORDS.search(described)


@pytest.mark.parametrize("args, says", [
    (["route", "-m"], "--municipality/-m: 値を 1 つ指定してください"),
    (["route"], "次の指定が必要です: --municipality/-m"),
    (["bogus"], "コマンド: 「bogus」は選べません（選べるもの: 'route'"),
    (["check", "--fromat", "json"], "知らない引数です: --fromat json"),
])
def test_argparse_complaints_are_japanese(capsys, args, says):
    with pytest.raises(SystemExit) as done:
        main(args)
    err = capsys.readouterr().err
    assert done.value.code == 2 and says in err and "使い方: navigator" in err
    assert not ENGLISH.search(err.replace("[NAV-C619]", "")), err


def test_english_on_request(capsys):
    assert help_of(capsys, "--lang", "en").startswith("usage: navigator")
