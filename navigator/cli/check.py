"""`navigator check` (problems, knock-on warnings folded under their error, the summary) and
`navigator schema` (the generated format files)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .. import messages
from ..loading import Loaded, municipality_ids
from ..problems import ERROR, Problem, describe_all, ordered
from ..text import printable, printable_json
from .common import EXIT_FAIL, EXIT_OK, UserError

def _schema(write: bool) -> int:
    """Generated files of the checkout this package runs from (a wheel has no docs/ to write)."""
    from ..files import schema

    root = Path(__file__).resolve().parent.parent.parent
    if not (root / "docs" / "format.md").is_file():
        raise UserError(f"navigator schema works in a checkout; no docs/format.md beside {root / 'navigator'}")
    paths = schema.write(root) if write else schema.stale(root)
    for path in paths:
        print(f"{'written' if write else 'out of date'}: {path.relative_to(root)}")
    return EXIT_FAIL if paths and not write else EXIT_OK


def _community_problems(loaded: Loaded, rules_dir: Path) -> list:
    """The 地域でできること files beside the rules (or the shipped ones the screens would show)."""
    from ..community import check_files, files_in_use
    from ..files.document import shown as _shown

    concerns = {c.id for c in loaded.ruleset.common.concerns}
    files = files_in_use(rules_dir, loaded.ruleset.plans)
    return check_files(files, concerns, _shown) if concerns else []


def _plan_problems(args: argparse.Namespace, rules_dir: Path, contacts_dir: Path) -> list:
    """Quotes and sections compared with the plans' text (see navigator/checks/quotes.py)."""
    from ..files.document import shown as _shown
    from ..checks.quotes import check_plans, default_plans_dir

    if args.no_plans:
        return []
    plans_dir = args.plans or default_plans_dir(rules_dir)
    if plans_dir is None:
        return []
    if not plans_dir.is_dir():
        raise UserError(f"plans folder not found: {plans_dir}")
    from ..community import files_in_use

    files = sorted(rules_dir.glob("*.yaml")) + sorted(contacts_dir.glob("*.yaml"))
    files += files_in_use(rules_dir, municipality_ids(rules_dir))  # 地域でできること quotes too
    return check_plans(files, plans_dir, _shown)


def _check(problems: list[Problem], fmt: str, loaded: Loaded) -> int:
    from ..checks.knockon import fold

    groups = fold(ordered(problems), loaded.dropped)
    errors = sum(p.level == ERROR for p in problems)
    if fmt == "json":
        rows = [dict(p.as_dict(), follows=[k.as_dict() for k in follows]) for p, follows in groups]
        print(printable_json(json.dumps(rows, ensure_ascii=False, indent=2)))
    else:
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
