"""Pieces several files share: conditions (`when:`) and plan sources (`source:`)."""

from __future__ import annotations

from yaml.nodes import Node

from ..messages import Both, suggest
from ..model import AllOf, AnswerIs, AnyOf, Common, ConcernIs, Condition, Not, Source
from .spec import CONDITION, SOURCE
from .yamlnodes import Reader


def read_condition(r: Reader, node: Node, common: Common) -> Condition | None:
    f = r.shaped(node, CONDITION)
    if f is None:
        return None
    if len(f) != 1:
        r.report(node, "NAV-E214")
        return None
    (key, value), = f.items()
    if key == "concern":
        ids = r.texts(value, "concern id")
        for cid in ids:
            if common.concern(cid) is None:
                r.report(value, "NAV-E304", concern=cid, owner=Both("条件の", ""),
                         suggestion=suggest(cid, [c.id for c in common.concerns]))
        return ConcernIs(ids)
    if key == "answer":
        return _answer_condition(r, value, common)
    if key == "not":
        inner = read_condition(r, value, common)
        return Not(inner) if inner else None
    items = [read_condition(r, n, common) for n in r.items(value, f"'{key}'")]
    if not items:
        r.report(value, "NAV-E215", key=key)
    if None in items:
        return None
    return AllOf(tuple(items)) if key == "all" else AnyOf(tuple(items))


def _answer_condition(r: Reader, node: Node, common: Common) -> Condition | None:
    f = r.mapping(node, "an answer condition")
    if not f:
        if f is not None:
            r.report(node, "NAV-E216")
        return None
    pairs = []
    question_ids = [q.id for q in common.questions]
    for qid, value_node in f.items():
        question = common.question(qid)
        if question is None:
            r.report(r.key_nodes[qid], "NAV-E305", question=qid, suggestion=suggest(qid, question_ids))
            continue
        values = r.texts(value_node, "answer value")
        for v in values:
            if question.option(v) is None:
                r.report(value_node, "NAV-E306", question=qid, value=v,
                         suggestion=suggest(v, [o.value for o in question.options]))
        pairs.append((qid, values))
    if len(pairs) < len(f):
        return None
    return AnswerIs(tuple(pairs))


def read_source(r: Reader, node: Node | None) -> Source | None:
    if node is None:
        return None
    f = r.shaped(node, SOURCE)
    if f is None:
        return None
    file, section = r.text(f.get("file"), "source file"), r.text(f.get("section"), "source section")
    if not (file and section):
        return None
    return Source(file, section, r.text(f.get("quote"), "quote", optional=True))
