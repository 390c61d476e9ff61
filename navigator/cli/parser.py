"""The command line's options and subcommands."""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import messages
from ..shipped import version
from .common import _Parser

def _dir_options(default) -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument("--rules", metavar="DIR", default=default, help="ルールのフォルダ（環境変数 NAVIGATOR_RULES でも可）")
    options.add_argument("--contacts", metavar="DIR", default=default,
                         help="窓口のフォルダ（環境変数 NAVIGATOR_CONTACTS でも可）")
    options.add_argument("--lang", choices=messages.LANGUAGES, default=default,
                         help="言語: ja（既定）/ en（開発者向け。環境変数 NAVIGATOR_LANG=en でも可）")
    return options


class _Version(argparse._VersionAction):
    """--version, looked up only when asked: importlib.metadata costs every command 10 ms."""

    def __call__(self, parser, namespace, values, option_string=None):
        self.version = f"%(prog)s {version()}"
        super().__call__(parser, namespace, values, option_string)


def build_parser() -> argparse.ArgumentParser:
    # The options are accepted before and after the subcommand; the subcommand's copies default to
    # SUPPRESS so that they do not overwrite a value given before it with None.
    common = _dir_options(argparse.SUPPRESS)
    parser = _Parser(prog="navigator", parents=[_dir_options(None)],
                                     description="相談窓口ナビ: 相談内容から窓口と担当課を案内します")
    parser.add_argument("--version", action=_Version)
    parser.add_argument("--municipality", "-m", metavar="ID", help="maebashi, isesaki, ageo, shimotsuke, asaka")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("route", parents=[common], help="相談 1 件の案内先を出す")
    p.add_argument("--municipality", "-m", metavar="ID", required=True)
    p.add_argument("--text", "-t", help="住民の言葉（自由な文章）。- なら標準入力から読みます（コマンドラインに残らないように）")
    p.add_argument("--concern", "-c", action="append", default=[], metavar="ID")
    p.add_argument("--answer", "-a", action="append", default=[], metavar="QUESTION=VALUE")
    p.add_argument("--person", "-p", action="append", default=[], metavar="RELATION:CONCERN,...[:Q=V,...]",
                   help="one member of the household with their own concerns and answers, e.g. "
                        "母:care,guardianship:who=elder,capacity=cannot_decide (本人 = the one who came)")
    p.add_argument("--main", metavar="CONCERN", help="the concern that troubles them most (◎ on the slip)")
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = sub.add_parser("check", parents=[common], help="ルールと窓口のファイルを点検する")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--plans", metavar="DIR", type=Path,
                   help="引用と見出しが DIR の計画の本文にあるか照らす（既定: ../shared/seeds があればそれ）")
    p.add_argument("--no-plans", action="store_true", help="計画の本文とは照らさない")

    sub.add_parser("list", parents=[common], help="市町村・相談の種類・質問の一覧")
    p = sub.add_parser("coverage", parents=[common],
                       help="市町村 × 相談の種類: 計画・記載なし・全国の番号（docs/coverage.md）")
    p.add_argument("--format", choices=("text", "markdown"), default="text")

    p = sub.add_parser("test", parents=[common], help="相談例のテスト（既定: 同梱の相談例）")
    p.add_argument("files", nargs="*", type=Path, help="相談例ファイル、またはそのフォルダ")

    p = sub.add_parser("understand", parents=[common],
                       help="how well the keywords understand labelled texts (default: the shipped scenarios)")
    p.add_argument("files", nargs="*", type=Path, help="scenario files, labelled utterance lists, or folders of them")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--min-f1", type=float, default=None, metavar="F",
                   help="exit 1 when the overall F1 is below F (for CI)")

    p = sub.add_parser("diff", parents=[common], help="編集で案内が変わる相談をすべて示す")
    p.add_argument("old", help="比べる元: rules/ と contacts/ のあるフォルダ、rules フォルダ、または git の版（例: HEAD）")
    p.add_argument("new", nargs="?", help="比べる先（既定: 今のルール）")

    p = sub.add_parser("edit", parents=[common], help="ルールと窓口の編集（案内つき）: 担当課・電話・日付の変更、窓口の追加、ルールの廃止")
    p.add_argument("--municipality", "-m", metavar="ID", default=argparse.SUPPRESS)
    p.add_argument("--plans", metavar="DIR", type=Path, help="計画ファイルのフォルダ（既定: ../shared/seeds があればそこ）")

    p = sub.add_parser("schema", help="schema/*.json and docs/format.md's key tables from the format spec")
    p.add_argument("--write", action="store_true", help="rewrite the files that differ (else: list them, exit 1)")

    p = sub.add_parser("serve", parents=[common], help="the TUI in a web browser (textual-serve)")
    p.add_argument("--municipality", "-m", metavar="ID", default=argparse.SUPPRESS,
                   help="open this municipality in every new tab")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1, this machine only); any other "
                        "needs a password in NAVIGATOR_SERVE_PASSWORD or --password-file")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--password-file", type=Path, metavar="FILE", help="file whose first line is the password")
    p.add_argument("--public-url", metavar="URL", help="the address browsers use, if not http://HOST:PORT")
    from ..interop_cli import add_parsers
    add_parsers(sub, common)   # review, export, new (issue 17)
    return parser
