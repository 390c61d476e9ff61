"""The command line's options and subcommands."""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import messages
from ..shipped import version
from .argparse_ja import install
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
    install()   # argparse's own words (usage:, options:, its complaints) in Japanese
    # The options are accepted before and after the subcommand; the subcommand's copies default to
    # SUPPRESS so that they do not overwrite a value given before it with None.
    common = _dir_options(argparse.SUPPRESS)
    parser = _Parser(prog="navigator", parents=[_dir_options(None)],
                                     description="相談窓口ナビ: 相談内容から窓口と担当課を案内します")
    parser.add_argument("--version", action=_Version, help="版を出して終わる")
    parser.add_argument("--municipality", "-m", metavar="ID",
                        help="TUI で開く市町村（maebashi, isesaki, ageo, shimotsuke, asaka）")
    sub = parser.add_subparsers(dest="command", title="コマンド（navigator コマンド -h でそれぞれの説明）",
                                metavar="コマンド")

    p = sub.add_parser("route", parents=[common], help="相談 1 件の案内先を出す")
    p.add_argument("--municipality", "-m", metavar="ID", required=True, help="市町村の id（例: asaka）")
    p.add_argument("--text", "-t", help="住民の言葉（自由な文章）。- なら標準入力から読みます（コマンドラインに残らないように）")
    p.add_argument("--concern", "-c", action="append", default=[], metavar="ID",
                   help="相談の種類の id（くり返し可。一覧は navigator list）")
    p.add_argument("--answer", "-a", action="append", default=[], metavar="QUESTION=VALUE",
                   help="質問への答え（例: seikatsu_hogo=no。くり返し可）")
    p.add_argument("--person", "-p", action="append", default=[], metavar="RELATION:CONCERN,...[:Q=V,...]",
                   help="世帯の一人と、その人の相談の種類と答え（例: "
                        "母:care,guardianship:who=elder,capacity=cannot_decide。本人 = 来談者）")
    p.add_argument("--main", metavar="CONCERN", help="いちばん困っている相談の種類（つなぎシートの ◎）")
    p.add_argument("--format", choices=("text", "json"), default="text", help="出力の形式（既定: text）")

    p = sub.add_parser("check", parents=[common], help="ルールと窓口のファイルを点検する")
    p.add_argument("--format", choices=("text", "json"), default="text", help="出力の形式（既定: text）")
    p.add_argument("--plans", metavar="DIR", type=Path,
                   help="引用と見出しが DIR の計画の本文にあるか照らす（既定: ../shared/seeds があればそれ）")
    p.add_argument("--no-plans", action="store_true", help="計画の本文とは照らさない")

    sub.add_parser("list", parents=[common], help="市町村・相談の種類・質問の一覧")
    p = sub.add_parser("coverage", parents=[common],
                       help="市町村 × 相談の種類: 計画・記載なし・全国の番号（docs/coverage.md）")
    p.add_argument("--format", choices=("text", "markdown"), default="text", help="出力の形式（既定: text）")

    p = sub.add_parser("test", parents=[common], help="相談例のテスト（既定: 同梱の相談例）")
    p.add_argument("files", nargs="*", type=Path, help="相談例ファイル、またはそのフォルダ")

    p = sub.add_parser("understand", parents=[common],
                       help="キーワードが相談の種類をどれだけ読み取れるか（既定: 同梱の相談例で）")
    p.add_argument("files", nargs="*", type=Path, help="相談例ファイル、正解つきの文の一覧、またはそのフォルダ")
    p.add_argument("--format", choices=("text", "json"), default="text", help="出力の形式（既定: text）")
    p.add_argument("--min-f1", type=float, default=None, metavar="F",
                   help="全体の F1 が F より低いと終了コード 1（CI 用）")

    p = sub.add_parser("diff", parents=[common], help="編集で案内が変わる相談をすべて示す")
    p.add_argument("old", help="比べる元: rules/ と contacts/ のあるフォルダ、rules フォルダ、または git の版（例: HEAD）")
    p.add_argument("new", nargs="?", help="比べる先（既定: 今のルール）")

    p = sub.add_parser("edit", parents=[common], help="ルールと窓口の編集（案内つき）: 担当課・電話・日付の変更、窓口の追加、ルールの廃止")
    p.add_argument("--municipality", "-m", metavar="ID", default=argparse.SUPPRESS)
    p.add_argument("--plans", metavar="DIR", type=Path, help="計画ファイルのフォルダ（既定: ../shared/seeds があればそこ）")

    p = sub.add_parser("schema", help="schema/*.json と docs/format.md のキーの表を、書式の定義と比べる（開発者向け）")
    p.add_argument("--write", action="store_true", help="違うファイルを書き直す（付けなければ一覧を出して終了コード 1）")

    p = sub.add_parser("serve", parents=[common], help="TUI をこの機械のウェブブラウザで使う（textual-serve）")
    p.add_argument("--municipality", "-m", metavar="ID", default=argparse.SUPPRESS,
                   help="新しいタブで開く市町村")
    p.add_argument("--host", default="127.0.0.1",
                   help="待ち受けるアドレス（既定: 127.0.0.1、この機械だけ）。ほかのアドレスには "
                        "NAVIGATOR_SERVE_PASSWORD か --password-file のパスワードが必要です")
    p.add_argument("--port", type=int, default=8000, help="ポート番号（既定: 8000）")
    p.add_argument("--password-file", type=Path, metavar="FILE", help="1 行目がパスワードのファイル")
    p.add_argument("--public-url", metavar="URL", help="ブラウザで開くアドレス（http://HOST:PORT でないとき）")
    from ..interop_cli import add_parsers
    add_parsers(sub, common)   # review, export, new (issue 17)
    return parser
