"""The dictionary's analyses of the shipped rule words, computed once and shipped beside the code.

Every process analysed the same ~2,700 keyword and danger cue words at load, one Sudachi call
each: 40-60 ms of a `navigator route` that the resident's text takes 6 ms of; and the ~900
example utterances (concerns' and danger kinds') once a text needs them, 150-200 ms more.
rule_forms.json holds the results for the shipped rules (keyword_forms', danger_lemma's and
examples.terms), and is used only
with the sudachipy and dictionary versions it was made with and the same code that computes
them (a digest of _SOURCES): anything else, and any word not in it (a staff edit), is analysed
at run time as before. It holds rule words only, never a resident's text, and is read, never
written, at run time. JSON, not pickle (SECURITY.md: a data file must not be able to run code).

    python -m navigator.rule_forms --write    # make it again (`make forms`), after editing rules
                                              # (also danger_letters.json: the letters' counts)
    python -m navigator.rule_forms --check    # exit 1 when it is stale (tests/test_rule_forms.py)
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TABLE = HERE / "rule_forms.json"
# The code the forms are computed by: any change to it makes the table unused until made again.
_SOURCES = ("analysis.py", "keyword_forms.py", "danger_lemma.py", "examples.py")

_keywords: dict[str, list] | None = None   # word → [lemma, reading, open_stem, content]
_lemmas: dict[str, str] = {}               # word → danger_lemma.form
_examples: dict[str, list] = {}            # example utterance → examples.terms
_asked: tuple[set, set, set] | None = None  # while the table is made: the words asked for


def keyword(word: str) -> tuple[tuple[str, str, bool], str] | None:
    """keyword_forms' (lemma, reading, open_stem) and content form of a shipped word, or None."""
    if _asked is not None:
        _asked[0].add(word)
    found = _table().get(word)
    return ((found[0], found[1], found[2]), found[3]) if found else None


def lemma_form(word: str) -> str | None:
    """danger_lemma.form of a shipped cue word, or None."""
    if _asked is not None:
        _asked[1].add(word)
    _table()
    return _lemmas.get(word)


def example_terms(text: str) -> tuple[str, ...] | None:
    """examples.terms of a shipped example utterance, or None."""
    if _asked is not None:
        _asked[2].add(text)
    _table()
    found = _examples.get(text)
    return tuple(found) if found is not None else None


def _table() -> dict[str, list]:
    global _keywords, _lemmas, _examples
    if _keywords is None:
        try:
            found = json.loads(TABLE.read_text(encoding="utf-8"))
            ok = found.get("made_for") == made_for()
        except (OSError, ValueError, AttributeError):   # missing or broken: analyse at run time
            found, ok = {}, False
        _lemmas = found.get("lemma", {}) if ok else {}
        _examples = found.get("examples", {}) if ok else {}
        _keywords = found.get("keywords", {}) if ok else {}
    return _keywords


def made_for() -> dict[str, str] | None:
    """What the forms depend on besides the word; None without a dictionary."""
    from . import analysis

    if not analysis.available():
        return None
    import sudachipy

    digest = hashlib.sha256()
    for name in _SOURCES:
        digest.update((HERE / name).read_bytes().replace(b"\r\n", b"\n"))   # a Windows checkout too
    return {"sudachipy": sudachipy.__version__, "dictionary": _dictionary_version(),
            "code": digest.hexdigest()[:16]}


def _dictionary_version() -> str:
    """sudachidict_small's version, from its dist-info folder (importlib.metadata costs 40 ms)."""
    import importlib.util

    spec = importlib.util.find_spec("sudachidict_small")
    site = Path(spec.origin).parent.parent if spec and spec.origin else None
    names = sorted(p.name for p in site.glob("sudachidict_small-*.dist-info")) if site else []
    return names[-1].removeprefix("sudachidict_small-").removesuffix(".dist-info") if names else "?"


# ---- making the table ------------------------------------------------------------------------


def compute(rules_dir: Path, contacts_dir: Path) -> dict:
    """The table for the rules in rules_dir: every word the concern matcher and the danger cues
    ask to have analysed, analysed at run time (never from the table)."""
    global _keywords, _lemmas, _examples, _asked
    from . import danger_cues, danger_examples, danger_lemma, examples, keyword_forms
    from .loading import load
    from .search import ConcernMatcher

    _keywords, _lemmas, _examples, _asked = {}, {}, {}, (set(), set(), set())
    examples._example_terms.cache_clear()   # every example asked for again, so each is seen
    try:
        common = load(rules_dir, contacts_dir, only=[]).ruleset.common
        _ = ConcernMatcher(common.concerns, deep=True).fallback
        for shortest in (3, 5):
            danger_cues.compiled_with(common.danger, True, shortest)
        danger_cues.compiled_with(common.danger, False, 5, True)
        danger_examples.index(common.danger)
        keywords, lemmas, texts = _asked
    finally:
        _keywords, _asked = None, None
        danger_examples.index.cache_clear()
    forms = keyword_forms.keywords_forms(sorted(keywords))
    return {"made_for": made_for(),
            "keywords": {w: [*forms[w], keyword_forms.content_form(w)] for w in sorted(forms)},
            "lemma": {w: danger_lemma.form(w) for w in sorted(lemmas)},
            "examples": {t: examples.analysed_terms(t) for t in sorted(texts)}}


def dumps(table: dict) -> str:
    """One word a line, sorted: a rule edit changes a few lines, and merges as one."""
    def section(entries: dict) -> str:
        return ",\n".join(f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
                          for k, v in entries.items())
    return (f'{{"made_for": {json.dumps(table["made_for"], sort_keys=True)},\n'
            f'"keywords": {{\n{section(table["keywords"])}\n}},\n"lemma": {{\n{section(table["lemma"])}\n}},\n'
            f'"examples": {{\n{section(table["examples"])}\n}}}}\n')


def main(argv: list[str]) -> int:
    from .shipped import shipped

    from . import danger_letters
    from .loading import load

    made = {TABLE: dumps(compute(shipped("rules"), shipped("contacts")))}
    danger = load(shipped("rules"), shipped("contacts"), only=[]).ruleset.common.danger
    made[danger_letters.TABLE] = danger_letters.dumps(danger_letters.table(danger))   # no dictionary needed
    if argv == ["--write"]:
        for path, text in made.items():
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
        return 0
    if argv == ["--check"]:
        stale = [p for p, text in made.items() if (p.read_text(encoding="utf-8") if p.exists() else "") != text]
        for path in stale:
            print(f"{path.name} is stale (rules, dictionary or analysis code changed): "
                  "run `make forms` (python -m navigator.rule_forms --write)", file=sys.stderr)
        return 1 if stale else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":   # run as the imported module: the hooks see that one, not __main__
    from navigator import rule_forms

    sys.exit(rule_forms.main(sys.argv[1:]))
