"""Hostile and broken rule files: loading either succeeds or reports the project's own problems,
each with a file and a line; it never raises anything else and never hangs.

Property-based: random YAML documents, edits of the real fixture's structure and text, and random
bytes replace one file of a private copy of tests/fixtures/mini. Then the classic attacks, one by one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from navigator.checks import coverage
from navigator.render import slip
from navigator.render import text as report
from navigator.files import compose
from navigator.engine import Case, route
from navigator.loading import load
from navigator.problems import Problem
from conftest import MINI, ROOT

TARGETS = ("rules/common.yaml", "rules/town.yaml", "contacts/town.yaml")
ORIGINAL = {t: (MINI / t).read_bytes() for t in TARGETS}
KEYS = ("id", "label", "description", "keywords", "concerns", "questions", "emergency", "prompt", "options",
        "value", "when", "answer", "all", "any", "not", "concern", "municipality", "rules", "refer",
        "priority", "program", "reason", "source", "file", "section", "quote", "contacts", "window",
        "organization", "department", "phone", "address", "hours", "notes", "name", "note", "fallback",
        "general_window", "seed", "plan", "prefecture", "valid_from", "valid_until", "last_verified", "end")
WORDS = ("poverty", "housing", "abuse", "unsure", "who", "danger", "child", "elder", "yes", "no", "town",
         "village", "town-general", "town-jiritsu", "town-kodomo", "town.txt", "第1章", "110")

# Each example has 1 s (Hypothesis' deadline); a hang is cut off after 5 s.
FUZZ = settings(max_examples=200, deadline=dt.timedelta(seconds=1), database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


class Hang(BaseException):
    """Raised by the alarm; a BaseException so that no `except Exception` in the code swallows it."""


@contextlib.contextmanager
def time_limit(seconds: float):
    def alarm(_signum, _frame):
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("fuzz") / "mini"
    shutil.copytree(MINI, target)
    return target


def load_with(folder: Path, target: str, data: bytes):
    """Load the rule set with one file replaced by `data`, then put the file back."""
    path = folder / target
    path.write_bytes(data)
    try:
        with time_limit(5):
            loaded = load(folder / "rules", folder / "contacts")
            if loaded.ok:
                use(loaded.ruleset)
    finally:
        path.write_bytes(ORIGINAL[target])
    assert loaded.ok or loaded.problems
    for p in loaded.problems:
        assert isinstance(p, Problem) and p.message, p
        assert Path(p.path).name in {"common.yaml", "town.yaml", "village.yaml"}, p
        assert p.line >= 1 and p.column >= 1, p
    return loaded


def use(ruleset) -> None:
    """Rules that load must also route, report and export without error."""
    every = tuple(c.id for c in ruleset.common.concerns)
    for mid in ruleset.plans:
        for concerns in [(c,) for c in every] + [every]:
            result = route(ruleset, Case(mid, concerns))
            report.as_text(ruleset, result)
            slip.render(ruleset, result, markdown=True, consent=True, version="x")
    report.listing(ruleset)
    coverage.as_text(ruleset)


# ---- strategies ---------------------------------------------------------------------

texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
scalars = (st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats() | texts | st.dates()
           | st.sampled_from(WORDS))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.sampled_from(KEYS) | texts, inner, max_size=5), max_leaves=25)


def dumped(document) -> bytes:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False).encode("utf-8")


def paths_in(value, here=()) -> list[tuple]:
    """Every place in a loaded document: tuples of keys and indexes."""
    found = [here]
    if isinstance(value, dict):
        for key, child in value.items():
            found += paths_in(child, here + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += paths_in(child, here + (index,))
    return found


def edit(document, path: tuple, how: str, new):
    """Replace, delete, duplicate or rename what is at `path`; returns the new document."""
    if not path:
        return new
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if how == "replace":
        parent[last] = new
    elif how == "delete":
        del parent[last]
    elif how == "duplicate" and isinstance(parent, list):
        parent.insert(last, parent[last])
    elif how == "rename" and isinstance(parent, dict):
        parent[str(new)[:20] if not isinstance(new, (dict, list)) else "x"] = parent.pop(last)
    return document


def edit_lines(text: str, ops: list) -> str:
    lines = text.splitlines(keepends=True) or [""]
    for how, i, j, chars in ops:
        i, j = i % len(lines), j % len(lines)
        if how == "delete" and len(lines) > 1:
            del lines[i]
        elif how == "duplicate":
            lines.insert(i, lines[i])
        elif how == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        else:  # insert characters anywhere, or where a value starts
            at = lines[i].find(": ") + 2 if how == "value" and ": " in lines[i] else j % (len(lines[i]) + 1)
            lines[i] = lines[i][:at] + chars + lines[i][at:]
    return "".join(lines)


TAGS = ("!!bool ", "!!timestamp ", "!!int ", "!!float ", "!!binary ", "!!null ", "!!str ", "!!map ",
        "!!seq ", "!!set ", "!!omap ", "!!python/object:os.system ", "!local ", "&a ", "*a ", "<<: ", "? ")
yaml_chars = st.text(st.sampled_from(list(":-[]{}&*!|>'\"#%@`,?\\ \t\n") + ["\u3000", "あ", "\x85", "\ufeff"])
                     | st.characters(exclude_categories=("Cs",)), min_size=1, max_size=6)
line_ops = st.lists(st.tuples(st.sampled_from(("delete", "duplicate", "swap", "insert", "value")),
                              st.integers(0, 10**6), st.integers(0, 10**6), yaml_chars | st.sampled_from(TAGS)),
                    min_size=1, max_size=6)


# ---- properties -----------------------------------------------------------------------


@FUZZ
@given(target=st.sampled_from(TARGETS), document=values)
def test_random_documents(folder, target, document):
    load_with(folder, target, dumped(document))


@FUZZ
@given(target=st.sampled_from(TARGETS), data=st.data())
def test_edited_structure_of_the_real_files(folder, target, data):
    document = yaml.safe_load(ORIGINAL[target])
    for _ in range(data.draw(st.integers(1, 4), label="edits")):
        path = data.draw(st.sampled_from(paths_in(document)), label="path")
        how = data.draw(st.sampled_from(("replace", "delete", "duplicate", "rename")), label="how")
        document = edit(document, path, how, data.draw(values, label="new"))
    load_with(folder, target, dumped(document))


@FUZZ
@given(target=st.sampled_from(TARGETS), ops=line_ops)
def test_edited_text_of_the_real_files(folder, target, ops):
    load_with(folder, target, edit_lines(ORIGINAL[target].decode("utf-8"), ops).encode("utf-8"))


@FUZZ
@given(target=st.sampled_from(TARGETS), cut=st.integers(0, 2000), noise=st.binary(max_size=400))
def test_random_bytes(folder, target, cut, noise):
    original = ORIGINAL[target]
    load_with(folder, target, noise if cut % 3 == 0 else original[:cut] + noise + original[cut:])


# These attacks assert on the English texts (NAVIGATOR_LANG=en); the codes and the Japanese texts
# are covered in test_messages.py and test_yaml_mistakes.py.
pytestmark = pytest.mark.usefixtures("english")

# ---- the classic attacks, one by one ----------------------------------------------------


def refused(folder: Path, target: str, data: bytes, message: str) -> Problem:
    """The file is refused within a second, with `message` at a line of it."""
    started = time.perf_counter()
    loaded = load_with(folder, target, data)
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0, f"took {elapsed:.2f} s"
    found = [p for p in loaded.problems if message in p.message and p.path.endswith(target)]
    assert found, [str(p) for p in loaded.problems]
    return found[0]


BILLION_LAUGHS = ('lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"l{i}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9)))


@pytest.fixture(params=["CSafeLoader", "SafeLoader"])
def each_loader(request, monkeypatch):
    """libyaml where it is installed, and the pure-Python loader PyYAML falls back to."""
    monkeypatch.setattr(compose, "_Loader", getattr(yaml, request.param))
    return request.param


def test_alias_bomb_is_refused(folder, each_loader):
    refused(folder, "rules/town.yaml", BILLION_LAUGHS.encode(), "anchors and aliases (& and *) are not supported")


def test_recursive_alias_is_refused(folder, each_loader):
    refused(folder, "rules/town.yaml", b"municipality: &m\n  id: *m\n", "anchors and aliases")


@pytest.mark.parametrize("text", [
    "[\n" * 10_000,                                # unclosed, one per line (a line limit cannot catch it)
    "{\n" * 10_000,
    "[\n" * 10_000 + "]\n" * 10_000,               # closed: composes under libyaml's own limit of 1000
    "{a: \n" * 10_000,
    "- " * 2_000 + "x\n",
    "".join(" " * i + "a:\n" for i in range(800)),
])
def test_deep_nesting_is_refused(folder, each_loader, text):
    # libyaml stops at 1000 levels with a YAMLError; the pure-Python composer raises RecursionError.
    refused(folder, "rules/town.yaml", text.encode(), "nested more than 40 levels deep")


def test_ten_thousand_brackets_on_one_line_are_refused(folder):
    refused(folder, "rules/town.yaml", b"[" * 10_000, "line is too long")


def test_very_long_line_is_refused(folder):
    p = refused(folder, "contacts/town.yaml", ORIGINAL["contacts/town.yaml"] + b"# " + b"x" * 300_000 + b"\n",
                "line is too long (300002 characters; the limit is 5000)")
    assert p.line == ORIGINAL["contacts/town.yaml"].count(b"\n") + 1


def test_file_over_the_size_limit_is_refused_unread(folder, monkeypatch):
    reads = []
    monkeypatch.setattr(compose, "open", lambda *a, **k: reads.append(a) or open(*a, **k), raising=False)
    big = b"# padding\n" * (compose.MAX_FILE_BYTES // 10 + 1)
    p = refused(folder, "rules/town.yaml", big, "file is too large")
    assert f"the limit is {compose.MAX_FILE_BYTES}" in p.message
    assert not [a for a in reads if a[0].endswith("rules/town.yaml")]


def test_too_many_values_are_refused(folder):
    many = b"rules:\n" + b"  - 1\n" * (compose.MAX_NODES + 10)
    refused(folder, "rules/town.yaml", many, f"more than {compose.MAX_NODES} values")


@pytest.mark.parametrize("tagged", ["!!bool maybe", "!!timestamp someday", "!!int twelve", "!!float x",
                                    "!!binary ü", "!!map x", "!!python/object:os.system x", "!custom x"])
def test_explicit_tags_are_read_as_text_or_reported(folder, each_loader, tagged):
    # `!!bool maybe` raised KeyError and `!!timestamp someday` AttributeError out of the loader.
    data = ORIGINAL["rules/town.yaml"].replace(b"priority: 20", f"priority: {tagged}".encode())
    refused(folder, "rules/town.yaml", data, "priority must be a whole number")


def test_raw_control_character_is_reported_at_its_line(folder, each_loader):
    data = ORIGINAL["contacts/town.yaml"].replace("window: 自立相談".encode(), "window: 自立\x1b[2J相談".encode())
    p = refused(folder, "contacts/town.yaml", data, "character U+001B is not allowed in YAML")
    assert (p.line, p.column) == (9, 15)


def test_several_documents_are_reported(folder):
    refused(folder, "rules/town.yaml", ORIGINAL["rules/town.yaml"] + b"---\na: 1\n", "YAML syntax error")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_does_not_block(tmp_path):
    fifo = tmp_path / "town.yaml"
    os.mkfifo(fifo)
    problems: list[Problem] = []
    with time_limit(2):
        assert compose.compose_file(str(fifo), "town.yaml", problems) is None
    assert [p.message for p in problems] == ["not a regular file"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_device_is_not_read(tmp_path):
    # In a child process with 1 GB of memory: reading /dev/zero to the end would never stop.
    endless = tmp_path / "town.yaml"
    endless.symlink_to("/dev/zero")
    code = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30)); "
            "from navigator.files.compose import compose_file; problems = []; "
            "compose_file(sys.argv[1], 'town.yaml', problems); print([p.message for p in problems])")
    done = subprocess.run([sys.executable, "-c", code, str(endless)], cwd=ROOT, capture_output=True,
                          text=True, timeout=30)
    assert done.stdout.strip() == "['not a regular file']", done.stderr[-500:]
