"""The command lines of `review`, `export` and `new` (issue 17), kept out of cli.py's dispatch."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from . import messages
from .text import printable, printable_json

COMMANDS = ("review", "export", "new")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text}: 年-月-日（例: 2026-12-02）で書きます") from exc


def add_parsers(sub, common) -> None:
    p = sub.add_parser("review", parents=[common],
                       help="確認の期限が近い・過ぎた窓口とルールの一覧（--mark で確認済みにする）")
    p.add_argument("--within", type=int, default=30, metavar="N", help="期限まで N 日以内のものも出す（既定 30）")
    p.add_argument("--format", choices=("text", "json"), default="text", help="出力の形式（既定: text）")
    p.add_argument("--municipality", "-m", metavar="ID", default=argparse.SUPPRESS, help="この市町村だけ")
    p.add_argument("--mark", action="append", default=[], metavar="FILE:LINE|ID",
                   help="確かめた窓口・ルールを今日の日付で確認済みにする（ファイルをその場で直します）")
    p.add_argument("--by", metavar="WHO", help="確かめた人の担当課や役職（verified_by に書きます。個人名は書かない）")
    p.add_argument("--today", type=_date, metavar="YYYY-MM-DD", help="基準日（既定: 今日）")

    p = sub.add_parser("export", parents=[common], help="窓口を HSDS 3.0（フォルダ）か DS-451（CSV）に書き出す")
    p.add_argument("--format", choices=("hsds", "ds451"), required=True, help="書き出す形式")
    p.add_argument("out", type=Path, help="hsds: 書き出すフォルダ、ds451: CSV ファイル")
    p.add_argument("--municipality", "-m", metavar="ID", default=argparse.SUPPRESS, help="この市町村だけ")
    p.add_argument("--today", type=_date, metavar="YYYY-MM-DD", help="基準日（有効期限切れの判定。既定: 今日）")

    p = sub.add_parser("new", parents=[common], help="新しい市町村のルール・窓口・相談例ファイルの雛形を作る")
    p.add_argument("id", help="市町村の id（半角英小文字、例: kawaguchi）")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--from-hsds", type=Path, metavar="DIR", help="窓口を HSDS のフォルダから取り込む")
    source.add_argument("--from-ds451", type=Path, metavar="CSV", help="窓口を DS-451 の CSV から取り込む")
    for key, label in (("name", "市町村名（例: 川口市）"), ("prefecture", "都道府県"), ("plan", "計画の名前"),
                       ("seed", "計画の本文ファイル名")):
        p.add_argument(f"--{key}", help=label)
    p.add_argument("--scenarios", type=Path, metavar="DIR", help="相談例のフォルダ（既定: ルールのフォルダの隣の scenarios）")


def dispatch(args: argparse.Namespace, rules_dir: Path, contacts_dir: Path) -> int:
    from .cli import EXIT_OK, UserError, _load_ok

    today = getattr(args, "today", None) or dt.date.today()
    mid = getattr(args, "municipality", None)
    if args.command == "new":
        return _new(args, rules_dir, contacts_dir, today)
    if mid:
        from .cli import _known_municipality
        _known_municipality(rules_dir, mid)
    if args.command == "review" and args.mark:
        return _mark(args, rules_dir, contacts_dir, today)
    loaded = _load_ok(rules_dir, contacts_dir, [mid] if mid else None)
    if args.command == "review":
        from . import review

        entries = review.worklist(loaded.ruleset, today, args.within, mid)
        if args.format == "json":
            print(printable_json(json.dumps([e.as_dict(today) for e in entries], ensure_ascii=False, indent=2)))
        else:
            print(printable(review.as_text(entries, today, args.within)))
        return EXIT_OK
    try:
        return _export(args, loaded.ruleset, today, mid)
    except OSError as exc:
        raise UserError("NAV-C623", path=args.out, detail=exc.strerror or type(exc).__name__) from exc


def _mark(args, rules_dir: Path, contacts_dir: Path, today: dt.date) -> int:
    from . import review
    from .cli import EXIT_OK, UserError

    for target in args.mark:
        try:
            path, key, ident = review.locate(target, rules_dir, contacts_dir)
            done = review.mark(path, key, ident, today, args.by)
        except review.MarkError as exc:
            raise UserError(exc.code, **exc.args_) from exc
        kind = messages.Both("窓口", "contact") if key == "contacts" else messages.Both("ルール", "rule")
        print(printable(messages.text("NAV-T726", path=path, kind=kind, id=ident, today=today.isoformat())))
        for line in done.changed:
            print(printable(f"  {line}"))
    return EXIT_OK


def _export(args, ruleset, today: dt.date, mid: str | None) -> int:
    from .cli import EXIT_OK

    if args.format == "hsds":
        from .export import hsds

        tables = hsds.package(ruleset, today, mid)
        hsds.write(tables, args.out)
        what = ", ".join(f"{name} {len(rows)}" for name, rows in tables.items())
    else:
        from .export import ds451

        table = ds451.rows(ruleset, mid)
        ds451.write(table, args.out)
        what = f"{len(table)} 行" if messages.language() == "ja" else f"{len(table)} rows"
    print(printable(messages.text("NAV-T727", path=args.out, tables=what)))
    return EXIT_OK


def _new(args, rules_dir: Path, contacts_dir: Path, today: dt.date) -> int:
    from . import scaffold
    from .cli import EXIT_OK, UserError

    contacts, municipality, origin = [], {}, None
    try:
        if args.from_hsds:
            from .export import hsds

            contacts, municipality = hsds.contacts(hsds.read(args.from_hsds), args.id)
            origin = f"HSDS（{args.from_hsds}）"
        elif args.from_ds451:
            from .export import ds451

            contacts = ds451.contacts(ds451.read(args.from_ds451), args.id)
            origin = f"DS-451（{args.from_ds451}）"
    except (OSError, ValueError) as exc:   # the readers' ReadError are ValueErrors
        raise UserError("NAV-C624", path=args.from_hsds or args.from_ds451, detail=str(exc)) from exc
    for key in scaffold.MUNICIPALITY_KEYS:
        if getattr(args, key):
            municipality[key] = getattr(args, key)
    scenarios_dir = args.scenarios or rules_dir.parent / "scenarios"
    try:
        made = scaffold.new(args.id, rules_dir, contacts_dir, scenarios_dir, contacts, municipality, today, origin)
    except scaffold.ScaffoldError as exc:
        raise UserError(exc.code, **exc.args_) from exc
    for path in made.paths:
        print(printable(messages.text("NAV-T728", path=path)))
    if made.missing:
        entry = messages.entry("NAV-T729")
        print(printable(f"{entry.text(missing=', '.join(made.missing))}（{entry.fix()}）"))
    return EXIT_OK
