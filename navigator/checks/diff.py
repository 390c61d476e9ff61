"""What an edit changes: every consultation whose referrals differ between two rule sets."""

from __future__ import annotations

import io
import itertools
import math
import subprocess
import tarfile
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..engine import Case, Result, questions_for, route
from ..explain import answer_text
from ..intake import take
from ..messages import language
from ..model import RuleSet
from ..files.scenarios import Scenario
from ..search import matcher_for
from ..text import printable


class SideError(Exception):
    """OLD or NEW is neither a rules folder nor a git revision."""


@dataclass(frozen=True)
class Change:
    municipality: str
    case: str
    before: tuple[str, ...]
    after: tuple[str, ...]


# ---- where the two sides come from -------------------------------------------------


def resolve_side(spec: str, current_rules: Path, workdir: Path) -> tuple[Path, Path]:
    """A folder holding rules/ and contacts/, a rules folder (contacts/ beside it), or a git revision
    of the current rules, checked out into `workdir`."""
    path = Path(spec)
    if (path / "rules").is_dir() and (path / "contacts").is_dir():
        return path / "rules", path / "contacts"
    if path.is_dir():
        return path, path.parent / "contacts"
    return _from_git(spec, current_rules, workdir)


def _from_git(rev: str, current_rules: Path, workdir: Path) -> tuple[Path, Path]:
    cwd = current_rules.resolve()
    top = _git(cwd, "rev-parse", "--show-toplevel").decode().strip()
    rules_rel = cwd.relative_to(top)
    contacts_rel = rules_rel.parent / "contacts"
    if rev.startswith("-"):  # git would take it as an option: `--output=FILE` truncated FILE
        raise SideError(f"「{rev}」はフォルダでも git の版でもありません（- で始まる名前は使えません）")
    archive = _git(Path(top), "archive", "--format=tar", rev, "--", str(rules_rel), str(contacts_rel))
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(workdir, filter="data")
    return workdir / rules_rel, workdir / contacts_rel


def _git(cwd: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError as exc:
        raise SideError(f"git is not available: {exc}") from exc
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip().splitlines()
        raise SideError(f"not a folder, and git says: {message[-1] if message else 'failed'}")
    return done.stdout


def temporary_workdir() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="navigator-diff-")


# ---- the cases ---------------------------------------------------------------------


MAX_CASES = 5_000  # answer combinations per concern; the shipped rules have at most 20


def _questions(ruleset: RuleSet, mid: str, old: RuleSet | None, concern: str) -> list:
    """The concern's questions this municipality's rules read, before or after the edit (other
    answers cannot change its routes); all of them when neither side has the municipality."""
    common = ruleset.common
    plans = [p for p in (ruleset.plans.get(mid), old.plans.get(mid) if old else None) if p]
    wanted = {q.id for plan in plans for q in questions_for(common, [concern], plan=plan)}
    return [q for q in questions_for(common, [concern]) if q.id in wanted or not plans]


def _choices(questions: list) -> list[list[str | None]]:
    return [[None, *(o.value for o in q.options)] for q in questions]


def limited(ruleset: RuleSet, old: RuleSet | None = None) -> list[tuple[str, int]]:
    """The concerns with more answer combinations than MAX_CASES in some municipality, and the most
    they have there."""
    worst: dict[str, int] = {}
    for mid in ruleset.plans:
        for c in ruleset.common.concerns:
            n = math.prod(len(x) for x in _choices(_questions(ruleset, mid, old, c.id)))
            if n > MAX_CASES:
                worst[c.id] = max(n, worst.get(c.id, 0))
    return list(worst.items())


def _answer_sets(choices: list[list[str | None]]) -> Iterator[tuple]:
    """Every combination, or when there are too many (10 questions × 9 options hung `diff`, B8),
    no answer and then each answer to one question at a time."""
    if math.prod(len(c) for c in choices) <= MAX_CASES:
        yield from itertools.product(*choices)
        return
    yield (None,) * len(choices)
    for i, options in enumerate(choices):
        for value in options[1:]:
            yield tuple(value if j == i else None for j in range(len(choices)))


def _answer_cases(ruleset: RuleSet, mid: str, old: RuleSet | None = None) -> Iterator[tuple[str, Case]]:
    """Each concern alone, with every combination of answers (or none) to the questions this
    municipality's rules read, before or after the edit."""
    for concern in ruleset.common.concerns:
        questions = _questions(ruleset, mid, old, concern.id)
        for values in _answer_sets(_choices(questions)):
            answers = {q.id: v for q, v in zip(questions, values) if v is not None}
            yield _case_label(ruleset.common, concern, answers), Case(mid, (concern.id,), answers)


def _case_label(common, concern, answers: dict[str, str]) -> str:
    """虐待（「困っているご本人」→ 子ども（18歳未満））: the concern and answers as staff see them
    on the screen; ids (abuse [who=child]) with --lang en."""
    if language() != "ja":
        given = " ".join(f"{q}={v}" for q, v in answers.items())
        return concern.id + (f" [{given}]" if given else "")
    said = "／".join(answer_text(common, q, v) for q, v in answers.items())
    return concern.label + (f"（{said}）" if said else "")


def _outcome(ruleset: RuleSet, case: Case) -> tuple[str, ...]:
    result: Result = route(ruleset, case)
    lines = [f"緊急 {e.phone} {e.name}" for e in result.emergency]
    for r in result.referrals:
        c = r.contact
        lines.append(f"{c.window}（{c.department or '担当課記載なし'}）" + (f" {c.phone}" if c.phone else ""))
    return tuple(lines)


def _scenario_outcome(ruleset: RuleSet, s: Scenario) -> tuple[str, ...]:
    intake = take(ruleset, matcher_for(ruleset.common.concerns), s.municipality, s.text, s.concerns, s.answers)
    if not intake.case.all_concerns():
        return ("（相談の種類が見つからない）",)
    return _outcome(ruleset, intake.case)


def compare(old: RuleSet, new: RuleSet, scenarios: list[Scenario] = ()) -> list[Change]:
    changes = []
    for mid in sorted(set(old.plans) | set(new.plans)):
        if mid not in old.plans or mid not in new.plans:
            changes.append(Change(mid, "（市町村）", ("なし",) if mid not in old.plans else ("あり",),
                                  ("なし",) if mid not in new.plans else ("あり",)))
            continue
        for label, case in _answer_cases(new, mid, old):
            before, after = _outcome(old, case), _outcome(new, case)
            if before != after:
                changes.append(Change(mid, label, before, after))
        for s in scenarios:
            if s.municipality == mid:
                before, after = _scenario_outcome(old, s), _scenario_outcome(new, s)
                if before != after:
                    changes.append(Change(mid, f"{'相談例' if language() == 'ja' else 'scenario'}: {s.name}",
                                          before, after))
    return changes


def render(changes: list[Change], shown: int = 6) -> str:
    """Grouped by municipality, then by what is removed and added, so one rename reads as one change."""
    ja = language() == "ja"
    if not changes:
        return "案内が変わる相談はありません" if ja else "no consultation changes its referrals"
    lines = []
    by_place: dict[str, list[Change]] = defaultdict(list)
    for c in changes:
        by_place[c.municipality].append(c)
    for mid, items in by_place.items():
        lines.append(f"{mid}: {len(items)} 件の相談で案内が変わります" if ja else f"{mid}: {len(items)} cases change")
        groups: dict[tuple, list[str]] = defaultdict(list)
        for c in items:
            groups[_difference(c)].append(c.case)
        for (removed, added, order), cases in groups.items():
            lines += [f"  - {x}" for x in removed] + [f"  + {x}" for x in added]
            if order:
                lines.append(f"  {'順番' if ja else 'order'}: {' / '.join(order[0])}  →  {' / '.join(order[1])}")
            more = (f" …ほか {len(cases) - shown} 件" if ja else f" … and {len(cases) - shown} more") \
                if len(cases) > shown else ""
            if ja:   # one a line: labels in words are long, and hold 、 themselves
                lines += [f"    {'対象: ' if i == 0 else '      '}{case}" for i, case in enumerate(cases[:shown])]
                lines[-1] += more
            else:
                lines.append(f"    in: {', '.join(cases[:shown])}{more}")
    return printable("\n".join(lines))


def _difference(c: Change) -> tuple:
    removed = tuple(x for x in c.before if x not in c.after)
    added = tuple(x for x in c.after if x not in c.before)
    return removed, added, () if removed or added else (c.before, c.after)
