"""Command line: start the TUI, or route / check / list / coverage / test for scripts."""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

from . import messages
from .render import json as render_json, text as render_text
from .loading import Loaded, load, municipality_ids, resolve_dirs
from .messages import suggest
from .problems import ERROR, Problem, describe_all, ordered
from .shipped import shipped, version
from .text import printable, printable_json

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class UserError(Exception):
    """A mistake the user can fix; shown as one line, never as a traceback. Raised with a
    catalogue code and its arguments (UserError("NAV-C601", mid=...)) or, as before, a text."""

    def __init__(self, code_or_text: str, **args):
        entry = messages.CATALOGUE.get(code_or_text)
        self.code = entry.code if entry else ""
        self.hint = entry.fix(**args) if entry else None
        super().__init__(entry.text(**args) if entry else code_or_text)

    def as_dict(self) -> dict:
        return {"error": {"code": self.code or None, "message": str(self), "hint": self.hint}}

    def line(self) -> str:
        text = f"navigator: [{messages.level_label(ERROR)}] {self}"
        if self.hint:
            text += f"（直し方: {self.hint}）" if messages.language() == "ja" else f" (hint: {self.hint})"
        return f"{text} [{self.code}]" if self.code else text


class _Parser(argparse.ArgumentParser):
    """argparse's own complaints (an unknown option, a missing value) with a code and a fix,
    in the same one-line form as every other message."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        print(printable(UserError("NAV-C619", detail=message).line()), file=sys.stderr)
        sys.exit(EXIT_USAGE)


def _dir_options(default) -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument("--rules", metavar="DIR", default=default, help="ルールのフォルダ（環境変数 NAVIGATOR_RULES でも可）")
    options.add_argument("--contacts", metavar="DIR", default=default,
                         help="窓口のフォルダ（環境変数 NAVIGATOR_CONTACTS でも可）")
    options.add_argument("--lang", choices=messages.LANGUAGES, default=default,
                         help="言語: ja（既定）/ en（開発者向け。環境変数 NAVIGATOR_LANG=en でも可）")
    return options


def build_parser() -> argparse.ArgumentParser:
    # The options are accepted before and after the subcommand; the subcommand's copies default to
    # SUPPRESS so that they do not overwrite a value given before it with None.
    common = _dir_options(argparse.SUPPRESS)
    parser = _Parser(prog="navigator", parents=[_dir_options(None)],
                                     description="相談窓口ナビ: 相談内容から窓口と担当課を案内します")
    parser.add_argument("--version", action="version", version=f"%(prog)s {version()}")
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
    from .interop_cli import add_parsers
    add_parsers(sub, common)   # review, export, new (issue 17)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "lang", None):
        messages.set_language(args.lang)
    try:
        return _dispatch(args)
    except UserError as exc:
        if getattr(args, "format", None) == "json":
            print(printable_json(json.dumps(exc.as_dict(), ensure_ascii=False)), file=sys.stderr)
        else:
            print(printable(exc.line()), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. piped into head: not an error worth a message
        sys.stderr.close()
        return 0
    except Exception as exc:  # last resort: a one-line message, never a traceback
        print(printable(UserError("NAV-C699", detail=f"{type(exc).__name__}: {exc}").line()), file=sys.stderr)
        return 70


def _dispatch(args: argparse.Namespace) -> int:
    rules_dir, contacts_dir = resolve_dirs(args.rules, args.contacts)
    if args.command is None:
        from .tui.run import run_tui  # Textual is imported only for the TUI
        return run_tui(rules_dir, contacts_dir, args.municipality)
    if args.command == "check":
        from .checks.lint import lint

        loaded = load(rules_dir, contacts_dir)
        return _check(loaded.problems + lint(loaded.ruleset) + _community_problems(loaded, rules_dir)
                      + _plan_problems(args, rules_dir, contacts_dir), args.format, loaded)
    if args.command == "edit":
        from .tui.editor import EditorApp  # Textual is imported only for the screens

        mid = getattr(args, "municipality", None)
        if mid:
            _known_municipality(rules_dir, mid)
        EditorApp(rules_dir, contacts_dir, mid, args.plans).run()
        return EXIT_OK
    if args.command == "serve":
        from .serve import ServeError, serve

        try:
            return serve(rules_dir, contacts_dir, args)
        except ServeError as exc:
            raise UserError(exc.code, **exc.args_) from exc
    if args.command == "schema":
        return _schema(args.write)
    from .interop_cli import COMMANDS, dispatch
    if args.command in COMMANDS:
        return dispatch(args, rules_dir, contacts_dir)
    if args.command == "diff":
        return _diff(rules_dir, contacts_dir, args.old, args.new)
    if args.command == "route":
        _known_municipality(rules_dir, args.municipality)
        return _route(_load_ok(rules_dir, contacts_dir, [args.municipality]), args)
    loaded = _load_ok(rules_dir, contacts_dir)
    if args.command == "list":
        print(render_text.listing(loaded.ruleset))
        return EXIT_OK
    if args.command == "coverage":
        from .checks import coverage

        print(coverage.as_markdown(loaded.ruleset) if args.format == "markdown" else coverage.as_text(loaded.ruleset),
              end="" if args.format == "markdown" else "\n")
        return EXIT_OK
    if args.command == "understand":
        return _understand(loaded, args)
    return _test(loaded, args.files)


def _schema(write: bool) -> int:
    """Generated files of the checkout this package runs from (a wheel has no docs/ to write)."""
    from .files import schema

    root = Path(__file__).resolve().parent.parent
    if not (root / "docs" / "format.md").is_file():
        raise UserError(f"navigator schema works in a checkout; no docs/format.md beside {root / 'navigator'}")
    paths = schema.write(root) if write else schema.stale(root)
    for path in paths:
        print(f"{'written' if write else 'out of date'}: {path.relative_to(root)}")
    return EXIT_FAIL if paths and not write else EXIT_OK


def _community_problems(loaded: Loaded, rules_dir: Path) -> list:
    """The 地域でできること files beside the rules (or the shipped ones the screens would show)."""
    from .community import check_files, files_in_use
    from .files.document import shown as _shown

    concerns = {c.id for c in loaded.ruleset.common.concerns}
    files = files_in_use(rules_dir, loaded.ruleset.plans)
    return check_files(files, concerns, _shown) if concerns else []


def _plan_problems(args: argparse.Namespace, rules_dir: Path, contacts_dir: Path) -> list:
    """Quotes and sections compared with the plans' text (see navigator/checks/quotes.py)."""
    from .files.document import shown as _shown
    from .checks.quotes import check_plans, default_plans_dir

    if args.no_plans:
        return []
    plans_dir = args.plans or default_plans_dir(rules_dir)
    if plans_dir is None:
        return []
    if not plans_dir.is_dir():
        raise UserError(f"plans folder not found: {plans_dir}")
    from .community import files_in_use

    files = sorted(rules_dir.glob("*.yaml")) + sorted(contacts_dir.glob("*.yaml"))
    files += files_in_use(rules_dir, municipality_ids(rules_dir))  # 地域でできること quotes too
    return check_plans(files, plans_dir, _shown)


def _known_municipality(rules_dir: Path, mid: str) -> None:
    known = municipality_ids(rules_dir)
    if mid not in known:
        raise UserError("NAV-C601", mid=mid, known=", ".join(known) or "-")


def _load_ok(rules_dir: Path, contacts_dir: Path, only: list[str] | None = None) -> Loaded:
    loaded = load(rules_dir, contacts_dir, only)
    if not loaded.ok:
        print(printable(describe_all(ordered(loaded.problems))), file=sys.stderr)
        raise UserError("NAV-C602")
    return loaded


def _check(problems: list[Problem], fmt: str, loaded: Loaded) -> int:
    from .checks.knockon import fold

    groups = fold(ordered(problems), loaded.dropped)
    errors = sum(p.level == ERROR for p in problems)
    if fmt == "json":
        rows = [dict(p.as_dict(), follows=[k.as_dict() for k in follows]) for p, follows in groups]
        print(printable_json(json.dumps(rows, ensure_ascii=False, indent=2)))
    else:
        files: dict = {}
        for p, follows in groups:
            print(printable(describe_all([p])))
            if follows:
                print(printable(_follows_line(follows)))
            print()
        print(printable(_summary(loaded, errors, len(problems) - errors)))
    return EXIT_FAIL if errors else EXIT_OK


def _follows_line(follows: list[Problem]) -> str:
    lead = ("    ↳ このエラーから起きている注意 {n} 件（直せば消えます）:" if messages.language() == "ja"
            else "    ↳ {n} warnings that follow from this error (fixing it clears them):")
    return "\n".join([lead.format(n=len(follows))] + [f"      {p}" for p in follows])


def _summary(loaded: Loaded, errors: int, warnings: int) -> str:
    """Counts of what loaded, and every municipality with errors by name, so that one dropped
    from the counts by a syntax error is never silently missing."""
    plans = loaded.ruleset.plans
    rules = sum(len(p.rules) for p in plans.values())
    contacts = sum(len(p.contacts) for p in plans.values())
    broken = loaded.broken()
    ja = messages.language() == "ja"
    lines = []
    for mid, found in broken.items():
        lost = sum(d.municipality == mid for d in loaded.dropped)
        if mid == "":
            what = ("共通ファイルにエラー {n} 件: すべての市町村が使えません" if ja
                    else "common file: {n} errors; no municipality can be used")
            lines.append("  " + what.format(n=len(found)))
        elif mid not in plans:
            lines.append(f"  {mid}: " + ("読み込めません（数に入っていません）" if ja else "did not load (not counted)")
                         + (f" エラー {len(found)} 件" if ja else f", {len(found)} errors"))
        else:
            lines.append(f"  {mid}: " + (f"エラー {len(found)} 件（使えないルール {lost} 件）" if ja
                                          else f"{len(found)} errors ({lost} rules left out)"))
    if lines:
        lines.insert(0, "エラーのある市町村:" if ja else "municipalities with errors:")
    if ja:
        lines.append(f"エラー {errors} 件、注意 {warnings} 件。市町村 {len(loaded.expected)}（読み込めたもの "
                     f"{len(plans)}）、ルール {rules}、窓口 {contacts}")
    else:
        lines.append(f"{errors} errors, {warnings} warnings in {len(plans)} municipalities, {rules} rules, "
                     f"{contacts} contacts")
    return "\n".join(lines)


def _read_stdin(limit: int = 100_000) -> str:
    """The resident's words from standard input, as UTF-8 (bad bytes replaced), at most `limit`
    characters: a pipe must not fill the memory."""
    stream = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace") \
        if hasattr(sys.stdin, "buffer") else sys.stdin
    return stream.read(limit)


def _route(loaded: Loaded, args: argparse.Namespace) -> int:
    from .intake import take
    from .search import ConcernMatcher

    ruleset = loaded.ruleset
    if args.text == "-":
        args.text = _read_stdin()
    if args.text is not None and not args.text.strip():
        raise UserError("NAV-C603")
    if args.text is None and not args.concern and not args.person:
        raise UserError("NAV-C604")
    for cid in args.concern + ([args.main] if args.main else []):
        _known_concern(ruleset, cid)
    answers = dict(_answer(ruleset, a) for a in args.answer)
    persons = [_person(ruleset, text, i) for i, text in enumerate(args.person, start=1)]
    matcher = ConcernMatcher(ruleset.common.concerns)
    intake = take(ruleset, matcher, args.municipality, args.text or "", args.concern, answers, persons, args.main)
    if not intake.case.all_concerns() and not intake.danger.detected:
        raise UserError("NAV-C606")
    from .engine import route

    result = route(ruleset, intake.case)
    if args.format == "json":
        print(printable_json(json.dumps(render_json.as_json(ruleset, result, intake), ensure_ascii=False, indent=2)))
    else:
        print(render_text.as_text(ruleset, result, intake))
    return EXIT_OK


def _known_concern(ruleset, cid: str) -> None:
    if ruleset.common.concern(cid) is None:
        raise UserError("NAV-C605", concern=cid, suggestion=suggest(cid, [c.id for c in ruleset.common.concerns]))


def _person(ruleset, text: str, index: int):
    """--person 母:care,guardianship:who=elder → a household member (本人 is the one who came)."""
    from .engine import Person

    relation, _, rest = text.partition(":")
    concerns, _, given = rest.partition(":")
    if not relation.strip() or not concerns.strip():
        raise UserError("NAV-C612", given=text)
    ids = tuple(c.strip() for c in concerns.split(",") if c.strip())
    for cid in ids:
        _known_concern(ruleset, cid)
    answers = dict(_answer(ruleset, a.strip()) for a in given.split(",") if a.strip())
    return Person(f"p{index}", relation.strip(), ids, answers, client=relation.strip() == "本人")


def _answer(ruleset, text: str) -> tuple[str, str]:
    qid, sep, value = text.partition("=")
    question = ruleset.common.question(qid)
    if not sep or question is None:
        raise UserError("NAV-C607", given=text)
    if question.option(value) is None:
        values = [o.value for o in question.options]
        raise UserError("NAV-C608", question=qid, value=value, options=", ".join(values),
                        suggestion=suggest(value, values, fallback_list=False))
    return qid, value


def _diff(rules_dir: Path, contacts_dir: Path, old: str, new: str | None) -> int:
    from .checks.diff import SideError, compare, render, resolve_side, temporary_workdir
    from .files.scenarios import load_scenarios, shipped_scenario_files

    with temporary_workdir() as work:
        try:
            old_dirs = resolve_side(old, rules_dir, Path(work) / "old")
            new_dirs = resolve_side(new, rules_dir, Path(work) / "new") if new else (rules_dir, contacts_dir)
        except SideError as exc:
            raise UserError("NAV-C610", detail=str(exc)) from exc
        before, after = _load_ok(*old_dirs), _load_ok(*new_dirs)
    scenarios, _ = load_scenarios(shipped_scenario_files())
    from .checks.diff import limited

    for concern, count in limited(after.ruleset, before.ruleset):
        print(printable(str(Problem.coded("NAV-W431", ("diff", 0, 0), concern=concern, count=f"{count:,}"))),
              file=sys.stderr)
    print(render(compare(before.ruleset, after.ruleset, scenarios)))
    return EXIT_OK


def _yaml_files(files: list[Path]) -> list[Path]:
    paths = []
    for path in files:
        if path.is_dir():
            paths += sorted(path.glob("*.yaml"))
        elif path.is_file():
            paths.append(path)
        else:
            raise UserError("NAV-C609", path=path)
    return paths


def _understand(loaded: Loaded, args: argparse.Namespace) -> int:
    from . import quality
    from .files.scenarios import shipped_scenario_files
    from .search import ConcernMatcher

    ruleset = loaded.ruleset
    known = {c.id for c in ruleset.common.concerns}
    items = []
    for path in _yaml_files(args.files) or shipped_scenario_files():
        try:
            items += quality.read_labelled(path, known)
        except (OSError, UnicodeDecodeError, ValueError) as exc:   # yaml errors are ValueErrors
            raise UserError(f"{path}: cannot read labelled texts ({type(exc).__name__})") from exc
    outcomes = quality.evaluate(ruleset, ConcernMatcher(ruleset.common.concerns), items)
    s = quality.summary(outcomes)
    if args.format == "json":
        print(printable_json(json.dumps(s, ensure_ascii=False, indent=2)))
    else:
        print(printable(quality.as_text(s, {c.id: c.label for c in ruleset.common.concerns})))
    return EXIT_FAIL if args.min_f1 is not None and s["micro"]["f1"] < args.min_f1 else EXIT_OK


def _test(loaded: Loaded, files: list[Path]) -> int:
    from .checks.scenarios import run
    from .files.scenarios import load_scenarios, shipped_scenario_files
    from .search import ConcernMatcher

    paths = _yaml_files(files) if files else shipped_scenario_files()
    scenarios, problems = load_scenarios(paths)
    if not scenarios and not problems:
        where = ", ".join(map(str, files)) if files else str(shipped("scenarios"))
        print(printable(UserError("NAV-C611", where=where).line()), file=sys.stderr)
        print("0 passed, 1 failed")
        return EXIT_FAIL
    if problems:
        print(printable(describe_all(ordered(problems))))
    matcher = ConcernMatcher(loaded.ruleset.common.concerns)
    failed = 0
    ja = messages.language() == "ja"
    for s in scenarios:
        outcome = run(loaded.ruleset, matcher, s)
        if not outcome.passed:
            failed += 1
            print(printable(f"{'不合格' if ja else 'FAIL'} {s.origin} {s.name}"))
            for line in outcome.failures:
                print(printable(f"    {line}"))
    # the closing line stays 'N passed, N failed' (tools read it); the Japanese line says the same
    if ja:
        print(f"合格 {len(scenarios) - failed} 件、不合格 {failed} 件、読めない相談例ファイルの問題 {len(problems)} 件")
    print(f"{len(scenarios) - failed} passed, {failed + len(problems)} failed")
    return EXIT_FAIL if failed or problems else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
