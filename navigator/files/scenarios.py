"""Scenario files (tests/scenarios/*.yaml): a consultation and what must come of it. Read here;
run and judged by checks/scenarios.py, for `navigator test` and pytest alike."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from yaml.nodes import Node

from ..model import Origin, Person
from ..problems import Problem
from ..shipped import shipped
from . import spec
from .compose import compose_file
from .yamlnodes import Reader


TOP, AGE = spec.EXPECT.key("top"), spec.PERSON.key("age")


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
        top = r.shaped(root, spec.SCENARIO_FILE)
        if not top or "municipality" not in top:
            continue
        municipality = r.text(top["municipality"], "municipality")
        for node in r.items(top["scenarios"], "scenarios") if "scenarios" in top else []:
            s = _scenario(r, node, municipality)
            if s:
                scenarios.append(s)
    return scenarios, problems


def _scenario(r: Reader, node: Node, municipality: str | None) -> Scenario | None:
    f = r.shaped(node, spec.SCENARIO)
    if f is None or municipality is None:
        return None
    e = (r.shaped(f["expect"], spec.EXPECT)
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
        top=r.integer(e.get("top"), "top", TOP.low, TOP.high) or 3,
        contacts=r.texts(e.get("contacts"), "contact"),
        emergency=emergency,
        found=r.texts(e.get("found"), "concern"),
        persons=tuple(p for p in persons if p),
        absent=r.texts(e.get("absent"), "contact"),
        household=_household(r, e.get("household")),
        origin=r.origin(node),
    )


def _answers(r: Reader, node: Node | None) -> dict:
    if node is None:
        return {}
    a = r.mapping(node, "answers")
    return {k: r.text(v, f"answer '{k}'") for k, v in (a or {}).items()}


def _person(r: Reader, node: Node, index: int) -> Person | None:
    """One member of a household: {relation, concerns, answers, client}."""
    f = r.shaped(node, spec.PERSON)
    if f is None:
        return None
    client = r.scalar(f["client"]) if "client" in f else False
    return Person(f"p{index}", r.text(f["relation"], "relation") or "", r.texts(f.get("concerns"), "concern"),
                  _answers(r, f.get("answers")), client is True,
                  r.integer(f.get("age"), "age", AGE.low, AGE.high) if "age" in f else None)


def _household(r: Reader, node: Node | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """expect.household: {relation: [concerns]} the text must be read as."""
    if node is None:
        return ()
    m = r.mapping(node, "household") or {}
    return tuple((k, r.texts(v, "concern")) for k, v in m.items())
