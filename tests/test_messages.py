"""The message catalogue: every code used in the code exists, renders in both languages, and
keeps its meaning (a code's level is in its letter)."""

from __future__ import annotations

import re

import pytest

from navigator import messages
from navigator.model import Origin
from navigator.problems import Problem
from conftest import ROOT

USED = sorted({code for path in (ROOT / "navigator").rglob("*.py")
               for code in re.findall(r"\"(NAV-[A-Z]\d{3})\"", path.read_text(encoding="utf-8"))})


def test_every_code_used_is_in_the_catalogue():
    assert USED and set(USED) <= set(messages.CATALOGUE)


@pytest.mark.parametrize("code", sorted(messages.CATALOGUE))
def test_each_message_renders_in_both_languages(code):
    entry = messages.entry(code)
    assert re.fullmatch(r"NAV-[ECWT]\d{3}", code)
    assert entry.level == ("warning" if code.startswith("NAV-W") else "error")
    for lang in ("ja", "en"):
        with messages.using(lang):
            text, fix = entry.text(**entry.sample), entry.fix(**entry.sample)
            assert text and "{" not in text.replace("{…}", ""), text
    with messages.using("ja"):
        assert re.search(r"[ぁ-んァ-ヶ一-龥]", entry.text(**entry.sample)), "Japanese text expected"


def test_problem_api_stays_compatible():
    old = Problem("rules/a.yaml", 3, 5, "an old message", "warning", "a hint")
    assert (old.code, old.severity, str(old)) == ("", "warning", "rules/a.yaml:3:5: [注意] an old message（直し方: a hint）")
    new = Problem.coded("NAV-E210", Origin("rules/a.yaml", 12, 15), what="priority", kind="text")
    assert new.as_dict() == {"code": "NAV-E210", "path": "rules/a.yaml", "line": 12, "column": 15,
                             "severity": "error", "level": "error",
                             "message": "「priority」は整数で書きます（今は文字です）",
                             "hint": "半角数字で書いてください（例: 10）"}
    with messages.using("en"):
        assert str(Problem.coded("NAV-E210", ("r.yaml", 1, 2), what="priority", kind="text")) == \
            "r.yaml:1:2: [error] priority must be a whole number, not text (hint: write a whole number such as 10) [NAV-E210]"


def test_did_you_mean_compares_ids_without_their_municipality_prefix():
    assert messages.suggest("kodomo-center", ["town-kodomo", "town-jiritsu"]) == "「town-kodomo」の書き間違いではありませんか"
    assert messages.suggest("zzz", ["town-kodomo"], fallback_list=False) == ""
