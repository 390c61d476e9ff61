"""Scenario files: a consultation and what must come of it; shared by `navigator test` and pytest."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from yaml.nodes import Node

from .engine import Result, route
from .intake import take
from .messages import Both, language, text
from .model import Origin, RuleSet
from .problems import Problem
from .search import ConcernMatcher
from .shipped import shipped
from .yamlnodes import Reader, compose_file


@dataclass(frozen=True)
class Scenario:
    name: str
    municipality: str
    text: str = ""
    concerns: tuple[str, ...] = ()
    answers: dict = field(default_factory=dict)
    top: int = 3
    contacts: tuple[str, ...] = ()
    emergency: bool | None = None
    found: tuple[str, ...] = ()
    origin: Origin = Origin("<scenario>", 0, 0)


@dataclass(frozen=True)
class Outcome:
    scenario: Scenario
    failures: tuple[str, ...]
    result: Result | None

    @property
    def passed(self) -> bool:
        return not self.failures


def shipped_scenario_files() -> list[Path]:
    return sorted(shipped("scenarios").glob("*.yaml"))


def load_scenarios(paths: list[Path]) -> tuple[list[Scenario], list[Problem]]:
    problems: list[Problem] = []
    scenarios: list[Scenario] = []
    for path in paths:
        r = Reader(str(path), problems)
        root = compose_file(str(path), r.path, problems)
        if root is None:
            continue
        top = r.fields(root, "a scenario file", ("municipality", "scenarios"))
        if not top or "municipality" not in top:
            continue
        municipality = r.text(top["municipality"], "municipality")
        for node in r.items(top["scenarios"], "scenarios") if "scenarios" in top else []:
            s = _scenario(r, node, municipality)
            if s:
                scenarios.append(s)
    return scenarios, problems


def _scenario(r: Reader, node: Node, municipality: str | None) -> Scenario | None:
    f = r.fields(node, "a scenario", ("name", "expect"), ("text", "concerns", "answers"))
    if f is None or municipality is None:
        return None
    e = r.fields(f["expect"], "expect", (), ("top", "contacts", "emergency", "found")) if "expect" in f else None
    answers = {}
    if "answers" in f:
        a = r.mapping(f["answers"], "answers")
        answers = {k: r.text(v, f"answer '{k}'") for k, v in (a or {}).items()}
    if e is None:
        return None
    emergency = r.scalar(e["emergency"]) if "emergency" in e else None
    if emergency is not None and not isinstance(emergency, bool):
        r.report(e["emergency"], "NAV-E501")
        emergency = None
    return Scenario(
        name=r.text(f.get("name"), "name") or "?",
        municipality=municipality,
        text=r.text(f.get("text"), "text", optional=True) or "",
        concerns=r.texts(f.get("concerns"), "concern"),
        answers=answers,
        top=r.integer(e.get("top"), "top", 1, 50) or 3,
        contacts=r.texts(e.get("contacts"), "contact"),
        emergency=emergency,
        found=r.texts(e.get("found"), "concern"),
        origin=r.origin(node),
    )


def run(ruleset: RuleSet, matcher: ConcernMatcher, s: Scenario) -> Outcome:
    if s.municipality not in ruleset.plans:
        return Outcome(s, (text("NAV-T701", mid=s.municipality),), None)
    intake = take(ruleset, matcher, s.municipality, s.text, s.concerns, s.answers)
    if not intake.case.concerns:
        return Outcome(s, (text("NAV-T702"),), None)
    result = route(ruleset, intake.case)
    got = [r.contact.id for r in result.referrals]
    failures = []
    missing = [c for c in s.contacts if c not in got[: s.top]]
    if missing:
        failures.append(text("NAV-T703", missing=", ".join(missing), top=s.top, got=", ".join(got[: s.top + 2])))
    found = {m.concern for m in intake.matches}
    lost = [c for c in s.found if c not in found]
    if lost:
        failures.append(text("NAV-T704", lost=", ".join(lost), found=", ".join(sorted(found)) or _nothing()))
    if s.emergency is not None and bool(result.emergency) != s.emergency:
        expected = Both("出る", "shown") if s.emergency else Both("出ない", "not shown")
        failures.append(text("NAV-T705", expected=expected,
                             got=", ".join(e.phone for e in result.emergency) or _nothing()))
    return Outcome(s, tuple(failures), result)


def _nothing() -> str:
    return "なし" if language() == "ja" else "nothing"
