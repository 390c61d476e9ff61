"""rules/common.yaml: concerns, follow-up questions and the national emergency lines; rules/examples/:
more example utterances of the concerns."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from yaml.nodes import Node

from ..messages import Both, suggest
from ..model import Citation, Common, Concern, EmergencyLine, Option, Question
from ..problems import Problem
from . import spec
from .document import compose, kept, shown, top_keys, unique
from .parts import read_condition
from .yamlnodes import Reader


def read_common(path: Path, problems: list[Problem], texts: dict[Path, str]) -> Common:
    empty = Common((), (), ())
    if not os.path.exists(path):  # a FIFO or a folder: the reader says what it is
        problems.append(Problem.coded("NAV-E012", (shown(path), 0, 0)))
        return empty
    r = Reader(shown(path), problems)
    root = compose(path, r.path, problems, texts)
    if root is None:
        return empty
    top = top_keys(r, root, spec.COMMON_FILE, refuse=False)
    if top is None:
        return empty
    def listed(key: str) -> list[Node]:
        return r.items(top[key], key) if key in top else []

    concerns = unique(r, kept(_concern(r, n) for n in listed("concerns")), "concern")
    concern_ids = {c.id for c in concerns}
    firsts: dict[tuple[str, str], Node] = {}    # (question, value) → its `first:` node
    questions = unique(r, kept(_question(r, n, concern_ids, firsts) for n in listed("questions")), "question")
    common = Common(tuple(concerns), tuple(questions), ())
    lines = unique(r, kept(_emergency(r, n, common) for n in listed("emergency")), "emergency line")
    _check_first(r, questions, lines, firsts)
    return Common(tuple(concerns), tuple(questions), tuple(lines))


def _check_first(r: Reader, questions: list[Question], lines: list[EmergencyLine], firsts: dict) -> None:
    """An option's `first:` names emergency lines of this file (read after the questions)."""
    ids = [e.id for e in lines]
    for q in questions:
        for o in q.options:
            for line_id in o.first:
                if line_id not in ids:
                    r.report(firsts[(q.id, o.value)], "NAV-E331", question=q.id, value=o.value, line=line_id,
                             lines=", ".join(ids))


def _concern(r: Reader, node: Node) -> Concern | None:
    f = r.shaped(node, spec.CONCERN)
    if f is None:
        return None
    cid, label = r.ident(f.get("id"), "concern id"), r.text(f.get("label"), "label")
    if not (cid and label):
        return None
    return Concern(cid, label, r.text(f.get("description"), "description", optional=True) or "",
                   r.texts(f.get("keywords"), "keyword"), r.origin(node),
                   r.texts(f.get("examples"), "example"), r.texts(f.get("weak"), "weak keyword"))


def _question(r: Reader, node: Node, concern_ids: set[str], firsts: dict) -> Question | None:
    f = r.shaped(node, spec.QUESTION)
    if f is None:
        return None
    qid, prompt = r.ident(f.get("id"), "question id"), r.text(f.get("prompt"), "prompt")
    options = []
    for opt_node in r.items(f["options"], "options") if "options" in f else []:
        o = r.shaped(opt_node, spec.OPTION)
        if o is None:
            continue
        value, label = r.text(o.get("value"), "option value"), r.text(o.get("label"), "option label")
        if value and label:
            if any(x.value == value for x in options):
                r.report(opt_node, "NAV-E302", value=value)
            options.append(Option(value, label, r.texts(o.get("keywords"), "keyword"), r.texts(o.get("first"), "line id")))
            if "first" in o:
                firsts[(qid, value)] = o["first"]
    concerns = r.texts(f.get("concerns"), "concern id")
    for cid in concerns:
        if cid not in concern_ids:
            r.report(f["concerns"], "NAV-E303", question=qid, concern=cid,
                     suggestion=suggest(cid, concern_ids))
    if not (qid and prompt and options):
        if "options" in f and not options:
            r.report(f["options"], "NAV-E213")
        return None
    return Question(qid, prompt, tuple(options), concerns, r.origin(node))


def _emergency(r: Reader, node: Node, common: Common) -> EmergencyLine | None:
    f = r.shaped(node, spec.EMERGENCY)
    if f is None:
        return None
    eid, name, phone = r.ident(f.get("id"), "id"), r.text(f.get("name"), "name"), r.text(f.get("phone"), "phone")
    when = read_condition(r, f["when"], common) if "when" in f else None
    group = r.text(f.get("group"), "group", optional=True)
    if group and group not in spec.LINE_GROUPS:
        r.report(f["group"], "NAV-E323", group=group, groups=", ".join(spec.LINE_GROUPS))
    free = r.scalar(f["free"]) if "free" in f else None
    if free is not None and not isinstance(free, bool):
        r.report(f["free"], "NAV-E327")
        free = None
    citation = _citation(r, f["source"]) if "source" in f else None
    if not (eid and name and phone) or ("when" in f and when is None):
        return None
    return EmergencyLine(eid, name, phone, r.text(f.get("note"), "note", optional=True) or "", when,
                         r.origin(node), group=group, hours=r.text(f.get("hours"), "hours", optional=True),
                         free=free, citation=citation)


def _citation(r: Reader, node: Node) -> Citation | None:
    f = r.shaped(node, spec.CITATION)
    if f is None:
        return None
    operator, url = r.text(f.get("operator"), "operator"), r.text(f.get("url"), "url")
    verified = r.date(f.get("verified"), "verified")
    if url and not url.startswith(("https://", "http://")):
        r.report(f["url"], "NAV-E326")
        url = None
    if not (operator and url and verified):
        return None
    return Citation(operator, url, verified, r.text(f.get("how"), "how", optional=True) or "")


def with_examples(common: Common, path: Path, problems: list[Problem], texts: dict[Path, str]) -> Common:
    """One file of rules/examples/: more example utterances of each concern, for the nearest-example
    fallback only (a weak word is backed by common.yaml's own examples, chosen with care, not by these
    many), and more keywords, matched as common.yaml's are; an unknown concern id is reported where
    it stands (NAV-E304)."""
    r = Reader(shown(path), problems)
    root = compose(path, r.path, problems, texts)
    top = top_keys(r, root, spec.EXAMPLES_FILE) if root is not None else None
    if top is None:
        return common
    examples, keywords = (_by_concern(r, top, key, what, common) for key, what in
                          (("examples", "an example"), ("keywords", "keyword")))
    return replace(common, concerns=tuple(
        replace(c, more_examples=c.more_examples + examples.get(c.id, ()),
                keywords=c.keywords + tuple(k for k in keywords.get(c.id, ()) if k not in c.keywords))
        for c in common.concerns))


def _by_concern(r: Reader, top: dict, key: str, what: str, common: Common) -> dict[str, tuple[str, ...]]:
    """{concern id: texts} of one section; an unknown concern id is reported where it stands."""
    if key not in top:
        return {}
    found = r.mapping(top[key], key) or {}
    key_nodes = dict(r.key_nodes)
    ids = [c.id for c in common.concerns]
    for cid in found:
        if cid not in ids:
            r.report(key_nodes[cid], "NAV-E304", concern=cid, owner=Both(f"{key} の", f"{key}: "),
                     suggestion=suggest(cid, ids))
    return {cid: r.texts(node, what) for cid, node in found.items() if cid in ids}
