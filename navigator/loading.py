"""Load rules/ and contacts/ into the model, collecting every problem with its position.

The readers of each file are in files/; this module finds the files, reads each set once
through the cache, checks what no single file can (ids unique across municipalities, contacts
with no rules file) and says which municipalities are usable.
"""

from __future__ import annotations

import gc
import hashlib
import os
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from .cache import Cache, Files
from .files.common import read_common, with_examples
from .files.danger import read_danger
from .files.document import shown
from .files.rules import Dropped, read_plan
from .files.spec import ID_PATTERN
from .model import Common, Origin, Plan, RuleSet
from .problems import ERROR, Problem, has_errors
from .rule_files import (COMMON_FILE, DANGER_EXAMPLES_FILE, DANGER_FILE, DANGER_SENTENCES_DIR, EXAMPLES_DIR, SHARED_FILES,  # noqa: F401  (re-exported)
                         municipality_ids)
from .shipped import shipped



@dataclass
class Loaded:
    """What loading produced: the rule set (possibly partial) and every problem found."""

    ruleset: RuleSet
    problems: list[Problem] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    expected: list[str] = field(default_factory=list)   # the municipalities asked for

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)

    @property
    def unloaded(self) -> list[str]:
        """Municipalities asked for that did not load at all."""
        return [m for m in self.expected if m not in self.ruleset.plans]

    def broken(self) -> dict[str, list[Problem]]:
        """Each municipality with an error in its own files (or a missing plan), with those errors.
        An error in common.yaml breaks every municipality; it is listed under '' ."""
        found: dict[str, list[Problem]] = {}
        for p in self.problems:
            if p.level != ERROR:
                continue
            mid = _municipality_of(p.path)
            found.setdefault(mid if mid in self.expected else "", []).append(p)
        for mid in self.unloaded:
            found.setdefault(mid, [])
        return found

    def usable(self) -> dict[str, Plan]:
        """The plans that loaded without any error of their own (none if common.yaml has one)."""
        broken = self.broken()
        if "" in broken:
            return {}
        return {mid: plan for mid, plan in self.ruleset.plans.items() if mid not in broken}


def _municipality_of(path: str) -> str:
    name = os.path.basename(path)
    stem = os.path.splitext(name)[0]
    return "" if stem == Path(COMMON_FILE).stem else stem


# ---- where the files are ----------------------------------------------------------


def default_dirs() -> tuple[Path, Path]:
    """The shipped rules/ and contacts/ (in the installed package, or at the top of a checkout)."""
    return shipped("rules"), shipped("contacts")


def resolve_dirs(rules: str | None = None, contacts: str | None = None) -> tuple[Path, Path]:
    """Command-line option, else environment variable, else the shipped directory."""
    shipped_rules, shipped_contacts = default_dirs()
    return (Path(rules or os.environ.get("NAVIGATOR_RULES") or shipped_rules),
            Path(contacts or os.environ.get("NAVIGATOR_CONTACTS") or shipped_contacts))


def _folder_problems(rules_dir: Path, contacts_dir: Path) -> list[Problem]:
    """Folders that are missing or cannot be listed (an unreadable rules folder passed `check`
    with no municipality at all), and rule files whose names are not municipality ids (a name
    that is not UTF-8 crashed the loader)."""
    problems = []
    for directory, what in ((rules_dir, "rules"), (contacts_dir, "contacts")):
        try:
            names = os.listdir(directory)
        except (FileNotFoundError, NotADirectoryError):
            problems.append(Problem.coded("NAV-E011", (shown(directory), 0, 0), folder=what))
            continue
        except OSError as exc:
            problems.append(Problem.coded("NAV-E030", (shown(directory), 0, 0), folder=what,
                                          reason=exc.strerror or type(exc).__name__))
            continue
        for name in sorted(names):
            stem, ext = os.path.splitext(name)
            if os.path.normcase(ext) == ".yaml" and not ID_PATTERN.match(stem):
                problems.append(Problem.coded("NAV-W031", (shown(directory / name), 1, 1), name=name))
    return problems


# ---- entry point ------------------------------------------------------------------


def load(rules_dir: Path | str, contacts_dir: Path | str, only: list[str] | None = None) -> Loaded:
    """Load the common file and the chosen municipalities (all when `only` is None)."""
    rules_dir, contacts_dir = Path(rules_dir), Path(contacts_dir)
    problems = _folder_problems(rules_dir, contacts_dir)
    if any(p.code in ("NAV-E011", "NAV-E030") for p in problems):
        return Loaded(RuleSet(Common((), (), ()), {}), problems)
    cache = Cache()
    dropped: list[Dropped] = []
    expected = municipality_ids(rules_dir) if only is None else list(only)
    with _collector_paused():
        common_path = rules_dir / COMMON_FILE
        common_files = Files.read([common_path], shown)
        common = cache.get(common_files, problems, partial(read_common, common_path, problems))
        danger_path = rules_dir / DANGER_FILE
        examples_path = rules_dir / DANGER_EXAMPLES_FILE
        sentences = sorted((rules_dir / DANGER_SENTENCES_DIR).glob("*.yaml"))   # several files, each small
        extra = [p for p in (examples_path, *sentences) if p.is_file()]
        danger_files = Files.read([danger_path, *extra], shown, depends_on=common_files)  # names its lines
        common = replace(common, danger=cache.get(danger_files, problems, partial(
            read_danger, danger_path, common, problems, examples_path=examples_path, sentence_paths=sentences)))
        # after danger.yaml: its weighing of words keeps common.yaml's own examples as ordinary talk
        example_paths = sorted((rules_dir / EXAMPLES_DIR).glob("*.yaml"))
        if example_paths:
            example_files = Files.read(example_paths, shown, depends_on=danger_files)
            common = cache.get(example_files, problems, partial(_with_all_examples, common, example_paths, problems))
            danger_files = example_files   # in the slip's ルールの版 too: they change the 候補
        plans = {}
        for mid in expected:
            paths = [rules_dir / f"{mid}.yaml", contacts_dir / f"{mid}.yaml"]
            files = Files.read(paths, shown, depends_on=common_files)  # checked against common.yaml
            version = _version(files, danger_files)
            plan = cache.get(files, problems, partial(read_plan, mid, rules_dir, contacts_dir, common, problems,
                                                      dropped, version=version))
            if plan is not None:
                plans[mid] = plan
        if only is None:
            _check_orphan_contacts(rules_dir, contacts_dir, problems)
        _check_unique_across(plans, problems)
    return Loaded(RuleSet(common, plans), problems, dropped, expected)


def _with_all_examples(common: Common, paths: list[Path], problems: list[Problem], texts: dict[Path, str]) -> Common:
    for path in paths:
        common = with_examples(common, path, problems, texts)
    return common


def _version(plan_files: Files, danger_files: Files) -> str:
    """The slip's 「ルールの版」: a digest of the names and bytes parsed for this municipality,
    its own files, common.yaml (in its key) and danger.yaml."""
    if plan_files.key is None:
        return "?"
    return hashlib.sha256(plan_files.key + (danger_files.key or b"-")).hexdigest()[:12]


@contextmanager
def _collector_paused():
    """Loading makes hundreds of thousands of long-lived objects and no reference cycles. The
    cycle collector's passes over them doubled the time to load 1,741 municipalities, and
    merely pausing it moves one pass to just after the load. So pause it, then file everything
    under the oldest generation (freeze + unfreeze: a list splice, no pass), where the normal
    full collections will look at it, as at anything long-lived."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()


def _check_orphan_contacts(rules_dir: Path, contacts_dir: Path, problems: list[Problem]) -> None:
    for path in sorted(contacts_dir.glob("*.yaml")):
        if not os.path.exists(rules_dir / path.name):
            problems.append(Problem.coded("NAV-E015", (shown(path), 1, 1), mid=path.stem,
                                          rules=shown(rules_dir / path.name)))


def _check_unique_across(plans: dict[str, Plan], problems: list[Problem]) -> None:
    """Rule and contact ids are unique everywhere, so traces and diffs name one thing."""
    rule_ids = [r.id for plan in plans.values() for r in plan.rules]
    contact_ids = [cid for plan in plans.values() for cid in plan.contacts]
    if len(set(rule_ids)) == len(rule_ids) and len(set(contact_ids)) == len(contact_ids):
        return  # the usual case, settled at C speed (a national load has 200,000 ids)
    seen: dict[str, dict[str, Origin]] = {"rule": {}, "contact": {}}
    for plan in plans.values():
        for kind, objs in (("rule", plan.rules), ("contact", plan.contacts.values())):
            first_seen = seen[kind]
            for obj in objs:
                first = first_seen.setdefault(obj.id, obj.origin)
                if first.path != obj.origin.path:
                    problems.append(Problem.coded("NAV-E310", obj.origin, kind=kind, id=obj.id, first=first))
