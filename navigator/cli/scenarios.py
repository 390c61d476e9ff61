"""`navigator test`, `understand` and `diff`: the commands that run consultations in bulk."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .. import messages
from ..loading import Loaded
from ..problems import Problem, describe_all, ordered
from ..shipped import shipped
from ..text import printable, printable_json
from .common import EXIT_FAIL, EXIT_OK, UserError, _load_ok

def _diff(rules_dir: Path, contacts_dir: Path, old: str, new: str | None) -> int:
    from ..checks.diff import SideError, compare, render, resolve_side, temporary_workdir
    from ..files.scenarios import load_scenarios, shipped_scenario_files

    with temporary_workdir() as work:
        try:
            old_dirs = resolve_side(old, rules_dir, Path(work) / "old")
            new_dirs = resolve_side(new, rules_dir, Path(work) / "new") if new else (rules_dir, contacts_dir)
        except SideError as exc:
            raise UserError("NAV-C610", detail=str(exc)) from exc
        before, after = _load_ok(*old_dirs), _load_ok(*new_dirs)
    scenarios, _ = load_scenarios(shipped_scenario_files())
    from ..checks.diff import limited

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
    from .. import quality
    from ..files.scenarios import shipped_scenario_files
    from ..search import ConcernMatcher

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
    from ..checks.scenarios import run
    from ..files.scenarios import load_scenarios, shipped_scenario_files
    from ..search import ConcernMatcher

    paths = _yaml_files(files) if files else shipped_scenario_files()
    scenarios, problems = load_scenarios(paths)
    if not scenarios and not problems:
        where = ", ".join(map(str, files)) if files else str(shipped("scenarios"))
        print(printable(UserError("NAV-C611", where=where).line()), file=sys.stderr)
        print(_closing(0, 1, 0))
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
    print(_closing(len(scenarios) - failed, failed, len(problems)))
    return EXIT_FAIL if failed or problems else EXIT_OK


def _closing(passed: int, failed: int, problems: int) -> str:
    """The last line, in the language of the messages: scripts read the exit code (or ask for
    --lang en, whose line is 'N passed, N failed')."""
    if messages.language() == "ja":
        return f"合格 {passed} 件、不合格 {failed} 件、読めない相談例ファイルの問題 {problems} 件"
    return f"{passed} passed, {failed + problems} failed"
