"""Scenario files: a consultation and what must come of it; shared by `navigator test` and pytest."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from yaml.nodes import Node

from .engine import Person, Result, route
from .intake import take
from .messages import Both, language, text
from .model import Origin, RuleSet
from .problems import Problem
from .search import ConcernMatcher
from .shipped import shipped
from .files.compose import compose_file
from .files.yamlnodes import Reader


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
    persons: tuple[Person, ...] = ()             # a household described by hand
    absent: tuple[str, ...] = ()                 # contacts that must not be among the first `top`
    household: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (relation, concerns) read from the text
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
    f = r.fields(node, "a scenario", ("name", "expect"), ("text", "concerns", "answers", "persons"))
    if f is None or municipality is None:
        return None
    e = (r.fields(f["expect"], "expect", (), ("top", "contacts", "emergency", "found", "absent", "household"))
         if "expect" in f else None)
    answers = _answers(r, f.get("answers"))
    persons = tuple(_person(r, n, i) for i, n in enumerate(r.items(f["persons"], "persons"), start=1)
                    ) if "persons" in f else ()
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
        persons=tuple(p for p in persons if p),
        absent=r.texts(e.get("absent"), "contact"),
        household=_household(r, e.get("household")),
        origin=r.origin(node),
    )


def _household_text(pairs) -> str:
    return " ／ ".join(f"{relation}: {', '.join(concerns)}" for relation, concerns in pairs)


def _answers(r: Reader, node: Node | None) -> dict:
    if node is None:
        return {}
    a = r.mapping(node, "answers")
    return {k: r.text(v, f"answer '{k}'") for k, v in (a or {}).items()}


def _person(r: Reader, node: Node, index: int) -> Person | None:
    """One member of a household: {relation, concerns, answers, client}."""
    f = r.fields(node, "a person", ("relation",), ("concerns", "answers", "client", "age"))
    if f is None:
        return None
    client = r.scalar(f["client"]) if "client" in f else False
    return Person(f"p{index}", r.text(f["relation"], "relation") or "", r.texts(f.get("concerns"), "concern"),
                  _answers(r, f.get("answers")), client is True,
                  r.integer(f.get("age"), "age", 0, 120) if "age" in f else None)


def _household(r: Reader, node: Node | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """expect.household: {relation: [concerns]} the text must be read as."""
    if node is None:
        return ()
    m = r.mapping(node, "household") or {}
    return tuple((k, r.texts(v, "concern")) for k, v in m.items())


def run(ruleset: RuleSet, matcher: ConcernMatcher, s: Scenario) -> Outcome:
    if s.municipality not in ruleset.plans:
        return Outcome(s, (text("NAV-T701", mid=s.municipality),), None)
    intake = take(ruleset, matcher, s.municipality, s.text, s.concerns, s.answers, s.persons)
    if not intake.case.all_concerns():
        return Outcome(s, (text("NAV-T702"),), None)
    result = route(ruleset, intake.case)
    got = [r.contact.id for r in result.referrals]
    failures = []
    missing = [c for c in s.contacts if c not in got[: s.top]]
    if missing:
        failures.append(text("NAV-T703", missing=", ".join(missing), top=s.top, got=", ".join(got[: s.top + 2])))
    present = [c for c in s.absent if c in got[: s.top]]
    if present:
        failures.append(text("NAV-T706", present=", ".join(present), top=s.top, got=", ".join(got[: s.top])))
    if s.household:
        read = tuple((p.relation, p.concerns) for p in intake.case.persons)
        if read != s.household:
            failures.append(text("NAV-T707", expected=_household_text(s.household),
                                 read=_household_text(read) or _nothing()))
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
