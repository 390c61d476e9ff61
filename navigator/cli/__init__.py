"""Command line: start the TUI, or route / check / list / coverage / test / diff / schema for
scripts. One module per group of commands; this one parses and dispatches."""

from __future__ import annotations

import argparse
import gc
import json
import sys

from .. import messages
from ..loading import load, resolve_dirs
from ..render import text as render_text
from ..text import printable, printable_json
from .check import _check, _community_problems, _plan_problems, _schema
from .common import EXIT_FAIL, EXIT_OK, EXIT_USAGE, UserError, _known_municipality, _load_ok
from .argparse_ja import early_language
from .parser import build_parser
from .route import _route
from .scenarios import _diff, _test, _understand

__all__ = ["main", "build_parser", "UserError", "EXIT_OK", "EXIT_FAIL", "EXIT_USAGE"]


def main(argv: list[str] | None = None) -> int:
    early_language(sys.argv[1:] if argv is None else argv)
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
    finally:
        if argv is None:   # the command: its process exits next. Spare it the collector's last
            gc.freeze()    # pass over every object the rules were loaded into (14 ms of a route)


def _dispatch(args: argparse.Namespace) -> int:
    rules_dir, contacts_dir = resolve_dirs(args.rules, args.contacts)
    if args.command is None:
        from ..tui.run import run_tui  # Textual is imported only for the TUI
        return run_tui(rules_dir, contacts_dir, args.municipality)
    if args.command == "check":
        from ..checks.lint import lint

        loaded = load(rules_dir, contacts_dir)
        return _check(loaded.problems + lint(loaded.ruleset) + _community_problems(loaded, rules_dir)
                      + _plan_problems(args, rules_dir, contacts_dir), args.format, loaded)
    if args.command == "edit":
        from ..tui.editor import EditorApp  # Textual is imported only for the screens

        mid = getattr(args, "municipality", None)
        if mid:
            _known_municipality(rules_dir, mid)
        EditorApp(rules_dir, contacts_dir, mid, args.plans).run()
        return EXIT_OK
    if args.command == "serve":
        from ..serve import ServeError, serve

        try:
            return serve(rules_dir, contacts_dir, args)
        except ServeError as exc:
            raise UserError(exc.code, **exc.args_) from exc
    if args.command == "schema":
        return _schema(args.write)
    from ..interop_cli import COMMANDS, dispatch
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
        from ..checks import coverage

        print(coverage.as_markdown(loaded.ruleset) if args.format == "markdown" else coverage.as_text(loaded.ruleset),
              end="" if args.format == "markdown" else "\n")
        return EXIT_OK
    if args.command == "understand":
        return _understand(loaded, args)
    return _test(loaded, args.files)


if __name__ == "__main__":
    sys.exit(main())
