"""Load rules/ and contacts/ into the model, collecting every problem with its position."""

from __future__ import annotations

import gc
import hashlib
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .model import (AllOf, AnswerIs, AnyOf, Citation, Common, Concern, ConcernIs, Condition, Contact,
                    DangerKind, DangerRules, EmergencyLine, Municipality, Not, Option, Origin, Plan,
                    Question, Rule, RuleSet, Source)
from .messages import Both, suggest
from .names import fill, name_parts, named, uses
from .problems import ERROR, Problem, has_errors
from .shipped import shipped
from .cache import Cache, Files, clear_cache  # noqa: F401  (clear_cache: public API)
from .yamlnodes import ID_PATTERN, Reader, compose_file, compose_text

COMMON_FILE = "common.yaml"
MUNICIPALITY_NAME = re.compile(r"^\S+[市町村]$")
DANGER_FILE = "danger.yaml"       # optional: danger cues (without it, danger is only asked)
SHARED_FILES = (COMMON_FILE, DANGER_FILE)   # in rules/ but not municipalities


@dataclass(frozen=True)
class Dropped:
    """A rule left out of the rule set because of an error (its own, or its contact's): what
    it would have routed, so that the warnings this causes can be told from real ones."""

    municipality: str
    rule: str
    concern: str | None
    refer: tuple[str, ...]
    cause: Problem | None


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


def municipality_ids(rules_dir: Path) -> list[str]:
    """Municipality ids are the rule file names, so one can be loaded without reading the rest
    (a directory listing only: no file is opened)."""
    try:
        names = sorted(os.path.splitext(n)[0] for n in os.listdir(rules_dir)
                       if os.path.normcase(n).endswith(".yaml"))  # as glob("*.yaml") matches
    except OSError:
        return []
    shared = {Path(name).stem for name in SHARED_FILES}
    return [n for n in names if n not in shared and ID_PATTERN.match(n)]


def _folder_problems(rules_dir: Path, contacts_dir: Path) -> list[Problem]:
    """Folders that are missing or cannot be listed (an unreadable rules folder passed `check`
    with no municipality at all), and rule files whose names are not municipality ids (a name
    that is not UTF-8 crashed the loader)."""
    problems = []
    for directory, what in ((rules_dir, "rules"), (contacts_dir, "contacts")):
        try:
            names = os.listdir(directory)
        except (FileNotFoundError, NotADirectoryError):
            problems.append(Problem.coded("NAV-E011", (_shown(directory), 0, 0), folder=what))
            continue
        except OSError as exc:
            problems.append(Problem.coded("NAV-E030", (_shown(directory), 0, 0), folder=what,
                                          reason=exc.strerror or type(exc).__name__))
            continue
        for name in sorted(names):
            stem, ext = os.path.splitext(name)
            if os.path.normcase(ext) == ".yaml" and not ID_PATTERN.match(stem):
                problems.append(Problem.coded("NAV-W031", (_shown(directory / name), 1, 1), name=name))
    return problems


def _shown(path: Path) -> str:
    """A path as a person would type it: relative to the working directory when below it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return relative if not relative.startswith("..") else str(path)


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
        common_files = Files.read([common_path], _shown)
        common = cache.get(common_files, problems, partial(_load_common, common_path, problems))
        danger_path = rules_dir / DANGER_FILE
        danger_files = Files.read([danger_path], _shown, depends_on=common_files)  # names its lines
        common = replace(common, danger=cache.get(danger_files, problems,
                                                  partial(_load_danger, danger_path, common, problems)))
        plans = {}
        for mid in expected:
            paths = [rules_dir / f"{mid}.yaml", contacts_dir / f"{mid}.yaml"]
            files = Files.read(paths, _shown, depends_on=common_files)  # checked against common.yaml
            version = _version(files, danger_files)
            plan = cache.get(files, problems, partial(_load_plan, mid, rules_dir, contacts_dir, common, problems,
                                                      dropped, version=version))
            if plan is not None:
                plans[mid] = plan
        if only is None:
            _check_orphan_contacts(rules_dir, contacts_dir, problems)
        _check_unique_across(plans, problems)
    return Loaded(RuleSet(common, plans), problems, dropped, expected)


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


def _compose(path: Path, shown: str, problems: list[Problem], texts: dict[Path, str]):
    """Compose the text the cache key was made from, so the key always matches what was
    parsed; without it (a file the cache could not read), the file, which reports why."""
    if path in texts:
        return compose_text(texts[path], shown, problems)
    return compose_file(str(path), shown, problems)


def _check_orphan_contacts(rules_dir: Path, contacts_dir: Path, problems: list[Problem]) -> None:
    for path in sorted(contacts_dir.glob("*.yaml")):
        if not os.path.exists(rules_dir / path.name):
            problems.append(Problem.coded("NAV-E015", (_shown(path), 1, 1), mid=path.stem,
                                          rules=_shown(rules_dir / path.name)))


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


# ---- the top of every file, and its end --------------------------------------------

END_KEY = "end"
END_LINE = f"{END_KEY}: true"


def _top(r: Reader, root: Node, what: str, required: tuple[str, ...], refuse: bool = True,
         optional: tuple[str, ...] = ()) -> dict[str, Node] | None:
    """The top-level keys of a file, or None when the file is refused. Every rule and contact
    file ends with `end: true`: a file cut off or saved half-way is often still valid YAML (at
    a rule boundary), and without the end it would silently lose its last rules. Without its
    end a municipality's file is refused; common.yaml is still read (it is an error all the
    same), so that every municipality is not reported again for concerns it cannot find."""
    top = r.fields(root, what, required, optional + (END_KEY,))
    if top is None or (not _ended(r, root, top) and refuse):
        return None
    top.pop(END_KEY, None)
    return top


def _ended(r: Reader, root: MappingNode, top: dict[str, Node]) -> bool:
    if END_KEY not in top:
        end = root.end_mark
        r.problems.append(Problem.coded("NAV-E017", (r.path, max(1, end.line + (1 if end.column else 0)), 1),
                                        end=END_LINE))
        return False
    last = root.value[-1][0]
    if not (isinstance(last, ScalarNode) and last.value == END_KEY):
        r.report(r.key_nodes[END_KEY], "NAV-E018", end=END_LINE, after=getattr(last, "value", "?"))
        return False
    if r.scalar(top[END_KEY]) is not True:
        r.report(top[END_KEY], "NAV-E019", key=END_KEY, end=END_LINE)
        return False
    return True


# ---- common.yaml ------------------------------------------------------------------


def _load_common(path: Path, problems: list[Problem], texts: dict[Path, str]) -> Common:
    empty = Common((), (), ())
    if not os.path.exists(path):  # a FIFO or a folder: the reader says what it is
        problems.append(Problem.coded("NAV-E012", (_shown(path), 0, 0)))
        return empty
    r = Reader(_shown(path), problems)
    root = _compose(path, r.path, problems, texts)
    if root is None:
        return empty
    top = _top(r, root, "the common file", ("concerns", "questions", "emergency"), refuse=False)
    if top is None:
        return empty
    def listed(key: str) -> list[Node]:
        return r.items(top[key], key) if key in top else []

    concerns = _unique(r, _kept(_concern(r, n) for n in listed("concerns")), "concern")
    concern_ids = {c.id for c in concerns}
    questions = _unique(r, _kept(_question(r, n, concern_ids) for n in listed("questions")), "question")
    common = Common(tuple(concerns), tuple(questions), ())
    lines = _kept(_emergency(r, n, common) for n in listed("emergency"))
    return Common(tuple(concerns), tuple(questions), tuple(_unique(r, lines, "emergency line")))


def _kept(objs) -> list:
    return [o for o in objs if o is not None]


def _unique(r: Reader, objs: list, kind: str) -> list:
    seen: dict[str, Origin] = {}
    kept = []
    for obj in objs:
        if obj.id in seen:
            r.problems.append(Problem.coded("NAV-E301", obj.origin, kind=kind, id=obj.id, first=seen[obj.id].line))
            continue
        seen[obj.id] = obj.origin
        kept.append(obj)
    return kept


def _concern(r: Reader, node: Node) -> Concern | None:
    f = r.fields(node, "a concern", ("id", "label"), ("description", "keywords", "weak", "examples"))
    if f is None:
        return None
    cid, label = r.ident(f.get("id"), "concern id"), r.text(f.get("label"), "label")
    if not (cid and label):
        return None
    return Concern(cid, label, r.text(f.get("description"), "description", optional=True) or "",
                   r.texts(f.get("keywords"), "keyword"), r.origin(node),
                   r.texts(f.get("examples"), "example"), r.texts(f.get("weak"), "weak keyword"))


def _question(r: Reader, node: Node, concern_ids: set[str]) -> Question | None:
    f = r.fields(node, "a question", ("id", "prompt", "options", "concerns"))
    if f is None:
        return None
    qid, prompt = r.ident(f.get("id"), "question id"), r.text(f.get("prompt"), "prompt")
    options = []
    for opt_node in r.items(f["options"], "options") if "options" in f else []:
        o = r.fields(opt_node, "an option", ("value", "label"), ("keywords",))
        if o is None:
            continue
        value, label = r.text(o.get("value"), "option value"), r.text(o.get("label"), "option label")
        if value and label:
            if any(x.value == value for x in options):
                r.report(opt_node, "NAV-E302", value=value)
            options.append(Option(value, label, r.texts(o.get("keywords"), "keyword")))
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


LINE_GROUPS = ("police", "ambulance", "child", "dv", "crisis", "sexual", "consultation")


def _emergency(r: Reader, node: Node, common: Common) -> EmergencyLine | None:
    f = r.fields(node, "an emergency line", ("id", "name", "phone"),
                 ("when", "note", "group", "hours", "free", "source"))
    if f is None:
        return None
    eid, name, phone = r.ident(f.get("id"), "id"), r.text(f.get("name"), "name"), r.text(f.get("phone"), "phone")
    when = _condition(r, f["when"], common) if "when" in f else None
    group = r.text(f.get("group"), "group", optional=True)
    if group and group not in LINE_GROUPS:
        r.report(f["group"], "NAV-E323", group=group, groups=", ".join(LINE_GROUPS))
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
    f = r.fields(node, "a national line's source", ("operator", "url", "verified"), ("how",))
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


# ---- danger.yaml ------------------------------------------------------------------

DANGER_LISTS = ("now", "past", "negation", "harmless", "fiction")


def _load_danger(path: Path, common: Common, problems: list[Problem], texts: dict[Path, str]) -> DangerRules:
    if not path.is_file():
        return DangerRules()
    r = Reader(_shown(path), problems)
    root = _compose(path, r.path, problems, texts)
    if root is None:
        return DangerRules()
    top = _top(r, root, "the danger file", ("kinds",), refuse=False,
               optional=("question", "answer", "words") + DANGER_LISTS)
    if top is None:
        return DangerRules()
    question, answer = _danger_question(r, top, common)
    groups = (r.mapping(top["words"], "words") or {}) if "words" in top else {}
    words = {name: r.texts(node, f"a word of @{name}") for name, node in groups.items()}
    lists = {key: r.texts(top.get(key), key) for key in DANGER_LISTS}
    kinds = _unique(r, _kept(_danger_kind(r, n, common, words) for n in r.items(top["kinds"], "kinds")),
                    "danger kind") if "kinds" in top else []
    return DangerRules(question, answer, **lists, words=tuple(words.items()), kinds=tuple(kinds))


def _danger_question(r: Reader, top: dict[str, Node], common: Common) -> tuple[str | None, str | None]:
    qid, value = r.text(top.get("question"), "question", optional=True), r.text(top.get("answer"), "answer", optional=True)
    if qid is None:
        return None, None
    question = common.question(qid)
    if question is None or value is None or question.option(value) is None:
        options = ", ".join(f"{q.id}: {'/'.join(o.value for o in q.options)}" for q in common.questions[:4])
        r.report(top.get("answer", top["question"]) if question else top["question"], "NAV-E325",
                 question=qid, answer=value or "", options=options)
        return None, None
    return qid, value


def _danger_kind(r: Reader, node: Node, common: Common, words: dict[str, tuple[str, ...]]) -> DangerKind | None:
    f = r.fields(node, "a danger kind", ("id", "label", "lines"), ("cues", "now_cues", "alone_cues", "history"))
    if f is None:
        return None
    kid, label, lines = r.ident(f.get("id"), "kind id"), r.text(f.get("label"), "label"), r.texts(f.get("lines"), "line id")
    for line_id in lines:
        if common.line(line_id) is None:
            r.report(f["lines"], "NAV-E320", kind=kid, line=line_id, lines=", ".join(e.id for e in common.emergency))
    cues = {key: r.texts(f.get(key), "cue") for key in ("cues", "now_cues", "alone_cues")}
    for key in cues:
        items = f[key].value if key in f and isinstance(f[key], SequenceNode) else [f[key]] if key in f else []
        for item in items:
            if isinstance(item, ScalarNode) and isinstance(item.value, str):
                _check_cue(r, item, item.value, words)
    if not (kid and label) or not any(cues.values()):
        if kid and label:
            r.report(node, "NAV-E324", kind=kid)
        return None
    history = r.scalar(f["history"]) if "history" in f else False
    if not isinstance(history, bool):
        r.report(f["history"], "NAV-E328")
        history = False
    return DangerKind(kid, label, lines, cues["cues"], cues["now_cues"], cues["alone_cues"], r.origin(node), history)


def _check_cue(r: Reader, node: Node, cue: str, words: dict[str, tuple[str, ...]]) -> None:
    from .search import normalize

    for part in cue.split("+"):
        part = part.strip()
        if part.startswith("@"):
            if part[1:] not in words:
                r.report(node, "NAV-E321", cue=cue, group=part, groups=", ".join(f"@{w}" for w in words))
        elif not normalize(part):
            r.report(node, "NAV-E322", cue=cue)


# ---- conditions -------------------------------------------------------------------


def _condition(r: Reader, node: Node, common: Common) -> Condition | None:
    f = r.fields(node, "a condition", (), ("concern", "answer", "all", "any", "not"))
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
        inner = _condition(r, value, common)
        return Not(inner) if inner else None
    items = [_condition(r, n, common) for n in r.items(value, f"'{key}'")]
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


# ---- one municipality -------------------------------------------------------------


def _load_plan(mid: str, rules_dir: Path, contacts_dir: Path, common: Common,
               problems: list[Problem], dropped: list[Dropped], texts: dict[Path, str], version: str = ""
               ) -> Plan | None:
    rules_path, contacts_path = rules_dir / f"{mid}.yaml", contacts_dir / f"{mid}.yaml"
    if not os.path.exists(rules_path):
        problems.append(Problem.coded("NAV-E013", (_shown(rules_path), 0, 0), mid=mid))
        return None
    before = len(problems)
    contacts, declared = _load_contacts(mid, contacts_path, problems, texts)
    broken = {p.line: p for p in problems[before:] if p.level == ERROR}
    r = Reader(_shown(rules_path), problems)
    root = _compose(rules_path, r.path, problems, texts)
    if root is None:
        return None
    top = _top(r, root, "a rules file", ("municipality", "rules"))
    if top is None or "municipality" not in top:
        return None
    known = _Known(contacts, declared, dropped, _first_error_by_contact(declared, contacts, broken))
    muni = _municipality(r, top["municipality"], mid, known)
    if muni is None:
        return None
    rules = _kept(_rule(r, n, mid, common, known) for n in
                  (r.items(top["rules"], "rules") if "rules" in top else []))
    return Plan(muni, tuple(_unique(r, rules, "rule")), contacts, version)


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
    f = r.fields(node, "the municipality", ("id", "name", "prefecture", "plan", "seed", "fallback"),
                 ("general_window",))
    if f is None:
        return None
    values = {k: r.text(f.get(k), k) for k in ("id", "name", "prefecture", "plan", "seed", "fallback")}
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
    f = r.fields(node, "a rule", ("id", "concern", "refer", "priority", "program", "reason", "source"),
                 ("when",))
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
    when = _condition(r, f["when"], common) if "when" in f else None
    priority = r.integer(f.get("priority"), "priority", 1, 999)
    program, reason = r.text(f.get("program"), "program"), r.text(f.get("reason"), "reason")
    source = _source(r, f.get("source"))
    if None in (rid, concern, priority, program, reason, source) or not refer or ("when" in f and when is None):
        return None
    if any(cid not in known.contacts for cid in refer):
        return None
    return Rule(rid, mid, concern, refer, priority, program, reason, source, when, r.origin(node))


def _source(r: Reader, node: Node | None) -> Source | None:
    if node is None:
        return None
    f = r.fields(node, "a source", ("file", "section"), ("quote",))
    if f is None:
        return None
    file, section = r.text(f.get("file"), "source file"), r.text(f.get("section"), "source section")
    if not (file and section):
        return None
    return Source(file, section, r.text(f.get("quote"), "quote", optional=True))


# ---- contacts ---------------------------------------------------------------------

CONTACT_TEXT = ("department", "phone", "address", "hours", "notes")
CONTACT_DATES = ("valid_from", "valid_until", "last_verified")


def _load_contacts(mid: str, path: Path, problems: list[Problem], texts: dict[Path, str]
                   ) -> tuple[dict[str, Contact], set[str] | None]:
    """The valid contacts, and every id declared (None when the file could not be read at all,
    so that references to it are not reported a second time)."""
    if not os.path.exists(path):
        problems.append(Problem.coded("NAV-E014", (_shown(path), 0, 0), mid=mid))
        return {}, set()
    r = Reader(_shown(path), problems)
    root = _compose(path, r.path, problems, texts)
    if root is None:
        return {}, None
    top = _top(r, root, "a contacts file", ("municipality", "contacts"))
    if top is None:
        return {}, None
    owner = r.text(top.get("municipality"), "municipality")
    if owner and owner != mid:
        r.report(top["municipality"], "NAV-E311", owner=owner, mid=mid)
    nodes = r.items(top["contacts"], "contacts") if "contacts" in top else []
    found = _named_once(r, _kept(_contact(r, n, mid) for n in nodes))
    declared = {value.value for n in nodes if isinstance(n, MappingNode)
                for key, value in n.value if key.value == "id" and isinstance(value, ScalarNode)}
    return {c.id: c for c in _unique(r, found, "contact")}, declared


def city_names(contacts) -> set[str]:
    """The departments and organisations of one municipality's contacts (not the city's own name)."""
    return name_parts((c.department for c in contacts),
                      (c.organization for c in contacts if not MUNICIPALITY_NAME.match(c.organization)))


def _named_once(r: Reader, contacts: list[Contact]) -> list[Contact]:
    """Report department and organisation names written out in windows and notes, then fill
    in the {department} / {organization} placeholders from each contact's own fields."""
    names = city_names(contacts)
    filled = []
    for c in contacts:
        for key in ("window", "notes"):
            text = getattr(c, key)
            for name in named(text, names):
                r.problems.append(Problem.coded("NAV-W411", c.origin, kind=Both("窓口", "contact"),
                                                id=c.id, key=key, name=name))
            if uses(text, "department") and not c.department:
                r.problems.append(Problem.coded("NAV-W412", c.origin, kind=Both("窓口", "contact"),
                                                id=c.id, key=key, contact=c.id))
        filled.append(replace(c, window=fill(c.window, c.department, c.organization),
                              notes=fill(c.notes, c.department, c.organization)))
    return filled


def _contact(r: Reader, node: Node, mid: str) -> Contact | None:
    f = r.fields(node, "a contact", ("id", "window", "organization", "source"), CONTACT_TEXT + CONTACT_DATES)
    if f is None:
        return None
    cid, window = r.ident(f.get("id"), "contact id"), r.text(f.get("window"), "window")
    organization, source = r.text(f.get("organization"), "organization"), _source(r, f.get("source"))
    extra = {k: r.text(f.get(k), k, optional=True) for k in CONTACT_TEXT}
    dates = {k: r.date(f.get(k), k) for k in CONTACT_DATES}
    if None in (cid, window, organization, source):
        return None
    return Contact(cid, mid, window, organization, source, **extra, **dates, origin=r.origin(node))
