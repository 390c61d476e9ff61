"""rules/<id>.yaml: one municipality and its rules, checked against its contacts and common.yaml."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode

from ..messages import Both, suggest
from ..model import Common, Contact, Municipality, Plan, Rule
from ..problems import ERROR, Problem
from . import spec
from .contacts import read_contacts
from .document import compose, kept, shown, top_keys, unique
from .parts import read_condition, read_source
from .yamlnodes import Reader

PRIORITY = spec.RULE.key("priority")


@dataclass(frozen=True)
class Dropped:
    """A rule left out of the rule set because of an error (its own, or its contact's): what
    it would have routed, so that the warnings this causes can be told from real ones."""

    municipality: str
    rule: str
    concern: str | None
    refer: tuple[str, ...]
    cause: Problem | None


def read_plan(mid: str, rules_dir: Path, contacts_dir: Path, common: Common,
              problems: list[Problem], dropped: list[Dropped], texts: dict[Path, str], version: str = ""
              ) -> Plan | None:
    rules_path, contacts_path = rules_dir / f"{mid}.yaml", contacts_dir / f"{mid}.yaml"
    if not os.path.exists(rules_path):
        problems.append(Problem.coded("NAV-E013", (shown(rules_path), 0, 0), mid=mid))
        return None
    before = len(problems)
    contacts, declared = read_contacts(mid, contacts_path, problems, texts)
    broken = {p.line: p for p in problems[before:] if p.level == ERROR}
    r = Reader(shown(rules_path), problems)
    root = compose(rules_path, r.path, problems, texts)
    if root is None:
        return None
    top = top_keys(r, root, spec.RULES_FILE)
    if top is None or "municipality" not in top:
        return None
    known = _Known(contacts, declared, dropped, _first_error_by_contact(declared, contacts, broken))
    muni = _municipality(r, top["municipality"], mid, known)
    if muni is None:
        return None
    rules = kept(_rule(r, n, mid, common, known) for n in
                 (r.items(top["rules"], "rules") if "rules" in top else []))
    return Plan(muni, tuple(unique(r, rules, "rule")), contacts, version)


@dataclass
class _Known:
    """Contacts a rule may refer to; references to declared-but-broken ones are not reported again.
    Rules left out are noted in `dropped`, with the error that caused it."""

    contacts: dict[str, Contact]
    declared: set[str] | None
    dropped: list[Dropped] = field(default_factory=list)
    broken: dict[str, Problem] = field(default_factory=dict)   # contact id → its first error

    def unknown(self, cid: str) -> bool:
        return self.declared is not None and cid not in self.contacts and cid not in self.declared

    def suggest(self, cid: str) -> str:
        return suggest(cid, set(self.contacts) | (self.declared or set()))


def _municipality(r: Reader, node: Node, mid: str, known: _Known) -> Municipality | None:
    f = r.shaped(node, spec.MUNICIPALITY)
    if f is None:
        return None
    values = {k: r.text(f.get(k), k) for k in spec.MUNICIPALITY.required}
    general = r.text(f.get("general_window"), "general_window", optional=True)
    if values["id"] and values["id"] != mid:
        r.report(f["id"], "NAV-E307", id=values["id"], mid=mid)
    for key, cid in (("fallback", values["fallback"]), ("general_window", general)):
        if cid and known.unknown(cid):
            r.report(f[key], "NAV-E308", owner=Both(f"市町村の {key} ", key), contact=cid, mid=mid,
                     suggestion=known.suggest(cid))
    if None in values.values() or values["fallback"] not in known.contacts or (
            general and general not in known.contacts):
        return None
    return Municipality(mid, values["name"], values["prefecture"], values["plan"], values["seed"],
                        values["fallback"], general, r.origin(node))


def _rule(r: Reader, node: Node, mid: str, common: Common, known: _Known) -> Rule | None:
    before = len(r.problems)
    rule = _rule_fields(r, node, mid, common, known)
    if rule is None:
        known.dropped.append(_dropped(r, node, mid, known, r.problems[before:]))
    return rule


def _dropped(r: Reader, node: Node, mid: str, known: _Known, errors: list[Problem]) -> Dropped:
    """What a left-out rule would have routed, read loosely from its node."""
    values = {k.value: v for k, v in node.value if isinstance(k, ScalarNode)} if isinstance(node, MappingNode) else {}
    def plain(key: str):
        v = values.get(key)
        return v.value if isinstance(v, ScalarNode) and isinstance(v.value, str) else None
    refer_node = values.get("refer")
    refer = tuple(n.value for n in getattr(refer_node, "value", ()) if isinstance(n, ScalarNode)) \
        if refer_node is not None and not isinstance(refer_node, ScalarNode) else ((plain("refer"),) if plain("refer") else ())
    cause = errors[0] if errors else next((known.broken[c] for c in refer if c in known.broken), None)
    return Dropped(mid, plain("id") or "?", plain("concern"), refer, cause)


def _first_error_by_contact(declared: set[str] | None, contacts: dict[str, Contact],
                            errors: dict[int, Problem]) -> dict[str, Problem]:
    """For each declared contact that did not load, the first error reported within it (by line)."""
    if not declared or not errors:
        return {}
    lines = sorted(errors)
    return {cid: errors[lines[0]] for cid in declared - set(contacts)}


def _rule_fields(r: Reader, node: Node, mid: str, common: Common, known: _Known) -> Rule | None:
    f = r.shaped(node, spec.RULE)
    if f is None:
        return None
    rid, concern = r.ident(f.get("id"), "rule id"), r.text(f.get("concern"), "concern")
    if concern and common.concern(concern) is None:
        r.report(f["concern"], "NAV-E304", concern=concern, owner=Both(f"ルール「{rid}」の", f"rule '{rid}' is for "),
                 suggestion=suggest(concern, [c.id for c in common.concerns]))
        concern = None
    refer = r.texts(f.get("refer"), "contact id")
    if "refer" in f and not refer:
        r.report(f["refer"], "NAV-E217", rule=rid)
    for cid in refer:
        if known.unknown(cid):
            r.report(f["refer"], "NAV-E308", owner=Both(f"ルール「{rid}」", f"rule '{rid}'"), contact=cid, mid=mid,
                     suggestion=known.suggest(cid))
    when = read_condition(r, f["when"], common) if "when" in f else None
    priority = r.integer(f.get("priority"), "priority", PRIORITY.low, PRIORITY.high)
    program, reason = r.text(f.get("program"), "program"), r.text(f.get("reason"), "reason")
    source = read_source(r, f.get("source"))
    if None in (rid, concern, priority, program, reason, source) or not refer or ("when" in f and when is None):
        return None
    if any(cid not in known.contacts for cid in refer):
        return None
    return Rule(rid, mid, concern, refer, priority, program, reason, source, when, r.origin(node),
                r.date(f.get("last_verified"), "last_verified"), r.text(f.get("verified_by"), "verified_by", optional=True))
