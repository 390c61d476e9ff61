"""argparse's own words (usage:, options:, -h's help, its complaints) in the language of the
messages. argparse asks gettext for each of them through its module's `_` and `ngettext`, so
`install` points those here: Japanese by default, argparse's English with --lang en."""

from __future__ import annotations

import argparse

from .. import messages

JA = {
    "usage: ": "使い方: ",
    "positional arguments": "引数",
    "options": "オプション",
    "show this help message and exit": "この説明を出して終わる",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "expected one argument": "値を 1 つ指定してください",
    "expected at most one argument": "値は 1 つまでです",
    "expected at least one argument": "値を 1 つ以上指定してください",
    "unrecognized arguments: %s": "知らない引数です: %s",
    "the following arguments are required: %s": "次の指定が必要です: %s",
    "one of the arguments %s is required": "次のどれかの指定が必要です: %s",
    "not allowed with argument %s": "%s とは一緒に使えません",
    "ignored explicit argument %r": "値 %r は付けられません",
    "invalid choice: %(value)r (choose from %(choices)s)": "「%(value)s」は選べません（選べるもの: %(choices)s）",
    "invalid %(type)s value: %(value)r": "%(value)r は読めない値です（%(type)s）",
    "ambiguous option: %(option)s could match %(matches)s": "%(option)s がどれのことか分かりません（%(matches)s）",
    "unexpected option string: %s": "ここでは使えないオプションです: %s",
    "can't open '%(filename)s': %(error)s": "「%(filename)s」を開けません: %(error)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: エラー: %(message)s\n",
}
JA_PLURAL = {"expected %s argument": "値を %s 個指定してください"}


def gettext(message: str) -> str:
    return JA.get(message, message) if messages.language() == "ja" else message


def ngettext(singular: str, plural: str, n: int) -> str:
    if messages.language() == "ja" and singular in JA_PLURAL:
        return JA_PLURAL[singular]
    return singular if n == 1 else plural


def install() -> None:
    """Before the parser is built: its group titles and -h's help are asked for then."""
    argparse._ = gettext
    argparse.ngettext = ngettext


def early_language(argv: list[str]) -> None:
    """--lang given on the command line, before the parser that reads it is built (its help
    texts are chosen then)."""
    for arg, after in zip(argv, [*argv[1:], None]):
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else after if arg == "--lang" else None
        if value in messages.LANGUAGES:
            messages.set_language(value)
