"""rules/danger.yaml: the danger cues found in a resident's words, and rules/danger_examples.yaml:
utterances of each kind and ordinary counter-examples (both optional; shared by all)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from yaml.nodes import Node, ScalarNode, SequenceNode

from ..messages import Both, suggest
from ..model import Common, DangerKind, DangerRules
from ..problems import Problem
from . import spec
from .document import compose, kept, shown, top_keys, unique
from .yamlnodes import Reader


def read_danger(path: Path, common: Common, problems: list[Problem], texts: dict[Path, str],
                examples_path: Path | None = None, sentence_paths: list[Path] | None = None) -> DangerRules:
    rules = _read_cues(path, common, problems, texts)
    if not rules.kinds:
        return rules
    if examples_path is not None and examples_path.is_file():
        rules = _with_examples(rules, examples_path, problems, texts)
    if sentence_paths:
        from .. import danger_letters

        read = all(p in texts for p in sentence_paths)   # not when one is unreadable: the reader says why
        rules = replace(rules, sentence_files=tuple(str(p) for p in sentence_paths), sentences_digest=(
            danger_letters.files_digest({p: texts[p] for p in sentence_paths}) if read else ""))
        if not read or not danger_letters.made_for(rules):   # a thousand sentences: composed only when the shipped counts are not theirs
            rules = with_sentences(rules, sentence_paths, problems, texts)
    return rules


def with_sentences(rules: DangerRules, paths: list[Path], problems: list[Problem], texts: dict[Path, str]) -> DangerRules:
    """The labelled sentences of rules/danger_sentences/ added to the rules (danger_letters learns from them)."""
    for path in paths:
        rules = _with_sentences(rules, path, problems, texts)
    return rules


def _read_cues(path: Path, common: Common, problems: list[Problem], texts: dict[Path, str]) -> DangerRules:
    if not path.is_file():
        return DangerRules()
    r = Reader(shown(path), problems)
    root = compose(path, r.path, problems, texts)
    if root is None:
        return DangerRules()
    top = top_keys(r, root, spec.DANGER_FILE, refuse=False)
    if top is None:
        return DangerRules()
    question, answer = _danger_question(r, top, common)
    groups = (r.mapping(top["words"], "words") or {}) if "words" in top else {}
    words = {name: r.texts(node, f"a word of @{name}") for name, node in groups.items()}
    lists = {key: r.texts(top.get(key), key) for key in spec.DANGER_LISTS}
    kinds = unique(r, kept(_danger_kind(r, n, common, words, question) for n in r.items(top["kinds"], "kinds")),
                    "danger kind") if "kinds" in top else []
    background = _background(r, top.get("danger_concerns"), common)
    return DangerRules(question, answer, **lists, words=tuple(words.items()), kinds=tuple(kinds), background=background)


def _background(r: Reader, node: Node | None, common: Common) -> tuple[str, ...]:
    """The examples of the concerns not named in danger_concerns: ordinary consultations."""
    if node is None:
        return ()
    named = r.texts(node, "concern id")
    for item in node.value if isinstance(node, SequenceNode) else [node]:
        if isinstance(item, ScalarNode) and common.concern(item.value) is None:
            r.report(item, "NAV-E304", concern=item.value, owner=Both("danger_concerns の", "danger_concerns: "),
                     suggestion=suggest(item.value, [c.id for c in common.concerns]))
    return tuple(e for c in common.concerns if c.id not in named for e in c.examples)


def _with_examples(rules: DangerRules, path: Path, problems: list[Problem], texts: dict[Path, str]) -> DangerRules:
    """The kinds' examples and the ordinary ones of the examples file added to danger.yaml's own.
    A separate file: the utterances outgrow the cues, and staff editing cues need not scroll them."""
    found = _by_kind(rules, path, spec.DANGER_EXAMPLES_FILE, ("examples", "example"), problems, texts, "harmless")
    if found is None:
        return rules
    extra, ordinary, harmless = found
    kinds = tuple(replace(k, examples=k.examples + extra.get(k.id, ())) for k in rules.kinds)
    return replace(rules, kinds=kinds, ordinary=rules.ordinary + ordinary, harmless=rules.harmless + harmless)


def _with_sentences(rules: DangerRules, path: Path, problems: list[Problem], texts: dict[Path, str]) -> DangerRules:
    """One file of the labelled sentences the weighing of letters learns from (danger_letters),
    added to those read before: a folder of their own, as they are many and grow with every miss."""
    found = _by_kind(rules, path, spec.DANGER_SENTENCES_FILE, ("danger", "sentence"), problems, texts)
    if found is None:
        return rules
    by_kind, ordinary, _ = found
    return replace(rules, sentences=rules.sentences + tuple(by_kind.items()),
                   plain_sentences=rules.plain_sentences + ordinary)


def _by_kind(rules: DangerRules, path: Path, shape, keyed: tuple[str, str], problems: list[Problem],
             texts: dict[Path, str], words: str = "") -> tuple[dict[str, tuple[str, ...]], tuple[str, ...], tuple[str, ...]] | None:
    """A file's {kind id: texts} under keyed = (key, what each text is), its ordinary texts and the
    list under `words` (if named); an unknown kind id is reported where it stands (NAV-E329). None
    when the file is refused."""
    key, what = keyed
    r = Reader(shown(path), problems)
    root = compose(path, r.path, problems, texts)
    top = top_keys(r, root, shape) if root is not None else None
    if top is None:
        return None
    found = (r.mapping(top[key], key) or {}) if key in top else {}
    key_nodes, known = dict(r.key_nodes) if found else {}, {k.id for k in rules.kinds}
    for kid in found:
        if kid not in known:
            r.report(key_nodes[kid], "NAV-E329", kind_id=kid, kinds=", ".join(k.id for k in rules.kinds))
    return ({kid: r.texts(node, what) for kid, node in found.items() if kid in known},
            r.texts(top.get("ordinary"), "ordinary"), r.texts(top.get(words), words) if words else ())


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


def _danger_kind(r: Reader, node: Node, common: Common, words: dict[str, tuple[str, ...]],
                 question: str | None) -> DangerKind | None:
    f = r.shaped(node, spec.DANGER_KIND)
    if f is None:
        return None
    kid, label, lines = r.ident(f.get("id"), "kind id"), r.text(f.get("label"), "label"), r.texts(f.get("lines"), "line id")
    urgent = r.texts(f.get("urgent"), "line id")
    for key, ids in (("lines", lines), ("urgent", urgent)):
        for line_id in ids:
            if common.line(line_id) is None:
                r.report(f[key], "NAV-E320", kind_id=kid, line=line_id, lines=", ".join(e.id for e in common.emergency))
    answer = _kind_answer(r, f, common, question)
    cues = {key: r.texts(f.get(key), "cue") for key in ("cues", "now_cues", "alone_cues")}
    for key in cues:
        items = f[key].value if key in f and isinstance(f[key], SequenceNode) else [f[key]] if key in f else []
        for item in items:
            if isinstance(item, ScalarNode) and isinstance(item.value, str):
                _check_cue(r, item, item.value, words)
    if not (kid and label) or not any(cues.values()):
        if kid and label:
            r.report(node, "NAV-E324", kind_id=kid)
        return None
    history, now_only = (_flag(r, f, key) for key in ("history", "now_only"))
    yields = r.texts(f.get("yields"), "yields")
    given = f.get("yields")
    for item in given.value if isinstance(given, SequenceNode) else [given] if given else []:
        if isinstance(item, ScalarNode) and item.value not in YIELDS:
            r.report(item, "NAV-E330", value=item.value)
    yields = tuple(v for v in yields if v in YIELDS)
    needs, not_by = (_groups(r, f, key, words) for key in ("needs", "not_by"))
    return DangerKind(kid, label, lines, cues["cues"], cues["now_cues"], cues["alone_cues"], r.origin(node), history,
                      now_only, r.texts(f.get("examples"), "example"), yields, answer, urgent, needs, not_by)


def _groups(r: Reader, f: dict[str, Node], key: str, words: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The word groups named under key; an unknown one is reported where it stands."""
    names = r.texts(f.get(key), "word group")
    for name in names:
        if name not in words:
            r.report(f[key], "NAV-E332", key=key, group=name, groups=", ".join(words))
    return tuple(n for n in names if n in words)


YIELDS = ("recent", "over", "reported", "habitual")


def _flag(r: Reader, f: dict[str, Node], key: str) -> bool:
    value = r.scalar(f[key]) if key in f else False
    if not isinstance(value, bool):
        r.report(f[key], "NAV-E328", key=key)
        return False
    return value


def _kind_answer(r: Reader, f: dict[str, Node], common: Common, question: str | None) -> str | None:
    """A kind's own answer to the danger question (今まさに → the first はい): one of its options."""
    value = r.text(f.get("answer"), "answer", optional=True)
    q = common.question(question) if question else None
    if value is not None and (q is None or q.option(value) is None):
        shown_q = [q] if q else list(common.questions[:4])
        options = ", ".join(f"{x.id}: {'/'.join(o.value for o in x.options)}" for x in shown_q)
        r.report(f["answer"], "NAV-E325", question=question or "", answer=value, options=options)
        return None
    return value


def _check_cue(r: Reader, node: Node, cue: str, words: dict[str, tuple[str, ...]]) -> None:
    from ..search import normalize

    for part in cue.split("+"):
        part = part.strip()
        if part.startswith("@"):
            if part[1:] not in words:
                r.report(node, "NAV-E321", cue=cue, group=part, groups=", ".join(f"@{w}" for w in words))
        elif not normalize(part):
            r.report(node, "NAV-E322", cue=cue)
