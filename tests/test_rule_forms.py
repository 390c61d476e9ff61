"""The shipped analyses of the rule words (navigator/rule_forms.json): up to date, used only for
the dictionary and code they were made with, and never in the way of a word staff add."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata

import pytest

from navigator import danger_lemma, keyword_forms, rule_forms
from conftest import ROOT


def _run(code: str) -> subprocess.CompletedProcess:
    """In a fresh process: the analyses already made in this one are kept in memory."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_the_shipped_table_is_what_the_rules_and_the_dictionary_give_now():
    done = _run("import sys; from navigator import rule_forms; sys.exit(rule_forms.main(['--check']))")
    assert done.returncode == 0, done.stderr + "\nmake it again: make forms"


def test_the_check_fails_on_a_stale_table(tmp_path):
    """One keyword's reading changed in a copy: --check must say so (so the test above can fail)."""
    shipped = rule_forms.TABLE.read_text(encoding="utf-8")
    line = next(x for x in shipped.splitlines() if x.startswith('"家賃"'))
    stale = tmp_path / "rule_forms.json"
    stale.write_text(shipped.replace(line, line.replace("やちん", "いえちん")), encoding="utf-8")
    done = _run(f"import sys; from pathlib import Path; from navigator import rule_forms\n"
                f"rule_forms.TABLE = Path({str(stale)!r})\nsys.exit(rule_forms.main(['--check']))")
    assert done.returncode == 1 and "make forms" in done.stderr


def test_it_holds_rule_words_only():
    """Every word and example analysed is written in the rule files (no resident's text, no scenario)."""
    written = unicodedata.normalize("NFKC", "".join(p.read_text(encoding="utf-8")
                                                   for p in [*(ROOT / "rules").glob("*.yaml"), *(ROOT / "rules" / "examples").glob("*.yaml")]))
    table = json.loads(rule_forms.TABLE.read_text(encoding="utf-8"))
    words = [*table["keywords"], *table["lemma"], *table["examples"]]
    assert len(words) > 1000 and len(table["examples"]) > 500
    assert [w for w in words if unicodedata.normalize("NFKC", w) not in written] == []


@pytest.fixture
def fresh(monkeypatch):
    """The table read again on first use, and no analysis remembered from other tests."""
    monkeypatch.setattr(rule_forms, "_keywords", None)
    monkeypatch.setattr(keyword_forms, "_FORMS", {})
    monkeypatch.setattr(keyword_forms, "_CONTENT", {})
    danger_lemma.form.cache_clear()
    yield
    danger_lemma.form.cache_clear()


def test_shipped_words_come_from_the_table_and_give_what_the_dictionary_gives(fresh, monkeypatch):
    assert rule_forms.keyword("家賃が払え") is not None and rule_forms.lemma_form("あの子") is not None
    shipped = keyword_forms.keyword_forms("家賃が払え"), keyword_forms.content_form("家賃が払え")
    lemma = danger_lemma.form("あの子")
    monkeypatch.setattr(rule_forms, "_keywords", {})   # no table: analysed now
    monkeypatch.setattr(rule_forms, "_lemmas", {})
    monkeypatch.setattr(keyword_forms, "_FORMS", {})
    danger_lemma.form.cache_clear()
    assert (keyword_forms.keyword_forms("家賃が払え"), keyword_forms.content_form("家賃が払え")) == shipped
    assert danger_lemma.form("あの子") == lemma
    assert shipped[0] == ("家賃が払う", "やちんがはらえ", True) and lemma == "あの|子"


def test_a_word_staff_add_is_analysed_when_it_loads(fresh):
    assert rule_forms.keyword("ガス代を払えな") is None and rule_forms.lemma_form("ガス代を止められ") is None
    assert keyword_forms.keyword_forms("ガス代を払えな")[1] == "がすだいをはらえな"
    assert danger_lemma.form("ガス代を止められ").startswith("がす|代|を|止める|")


def test_a_table_made_for_another_dictionary_or_code_is_not_used(fresh, monkeypatch, tmp_path):
    table = json.loads(rule_forms.TABLE.read_text(encoding="utf-8"))
    for key, other in (("dictionary", "20200101"), ("code", "0" * 16)):
        changed = tmp_path / f"{key}.json"
        changed.write_text(json.dumps({**table, "made_for": {**table["made_for"], key: other}}), encoding="utf-8")
        monkeypatch.setattr(rule_forms, "TABLE", changed)
        monkeypatch.setattr(rule_forms, "_keywords", None)
        assert rule_forms.keyword("家賃") is None and rule_forms.lemma_form("あの子") is None
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    monkeypatch.setattr(rule_forms, "TABLE", broken)
    monkeypatch.setattr(rule_forms, "_keywords", None)
    assert rule_forms.keyword("家賃") is None and keyword_forms.keyword_forms("家賃")[0] == "家賃"


def test_shipped_examples_come_from_the_table_and_give_what_the_dictionary_gives(monkeypatch):
    from navigator import examples

    table = json.loads(rule_forms.TABLE.read_text(encoding="utf-8"))["examples"]
    sample = sorted(table)[::40]
    monkeypatch.setattr(rule_forms, "_keywords", None)
    examples._example_terms.cache_clear()
    try:
        assert all(rule_forms.example_terms(t) == tuple(table[t]) for t in sample)
        assert [examples._example_terms(t) for t in sample] == [tuple(examples.analysed_terms(t)) for t in sample]
        assert rule_forms.example_terms("スタッフが書き足した新しい例文") is None   # analysed at run time
    finally:
        examples._example_terms.cache_clear()
