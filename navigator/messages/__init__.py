"""Every message navigator shows about rule files and commands, each with a stable code.

Codes never change meaning, so the staff guide, searches and tests can name them (like
yamllint's rule ids). Japanese is the default; English is for developers (NAVIGATOR_LANG=en or
`navigator --lang en`). LANG is deliberately not consulted: developer machines and CI usually
run with LANG=en_US or C.UTF-8, and the staff who read these messages must get Japanese.

Ranges: E0xx files, E1xx YAML syntax, E2xx keys and values, E3xx references,
E4xx/W4xx deeper checks, E5xx scenario files, T7xx scenario results, C6xx command line.
The entries are in one module per range (file_errors, references, checks, commands, results, interop);
a helper adding a message adds one `_add(...)` there and raises it with `Problem.coded`.
`python -m navigator.messages docs/editing-rules.md` rewrites the staff guide's table.
"""

from __future__ import annotations

import difflib
import os
from contextlib import contextmanager
from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"
LANGUAGES = ("ja", "en")
_language = "en" if os.environ.get("NAVIGATOR_LANG", "").lower().startswith("en") else "ja"


class CodedError(Exception):
    """A failure told by a catalogue code and its arguments; the CLI shows it as one line."""

    def __init__(self, code: str, **args):
        super().__init__(code)
        self.code, self.args_ = code, args


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        raise ValueError(language)
    _language = language


def language() -> str:
    return _language


@contextmanager
def using(lang: str):
    """Messages in `lang` for a while (the guide's table is made in Japanese whatever the setting)."""
    before = _language
    set_language(lang)
    try:
        yield
    finally:
        set_language(before)


@dataclass(frozen=True)
class Entry:
    code: str
    level: str
    ja: str
    en: str
    fix_ja: str = ""
    fix_en: str = ""
    sample: dict = field(default_factory=dict)   # arguments for the guide's example

    def text(self, **args) -> str:
        return _fill(self.ja if _language == "ja" else self.en, args)

    def fix(self, **args) -> str | None:
        return _fill(self.fix_ja if _language == "ja" else self.fix_en, args) or None


class Both(tuple):
    """An argument worded per language: Both("ルール「x」", "rule 'x'")."""

    def __new__(cls, ja: str, en: str):
        return super().__new__(cls, (ja, en))


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def _fill(template: str, args: dict) -> str:
    lang_args = {k: _word(k, v) for k, v in args.items()}
    return template.format_map(_Blank(lang_args)).strip()


def _word(key: str, value):
    if isinstance(value, Both):
        return value[0] if _language == "ja" else value[1]
    return term(value) if key in ("what", "kind") else value


CATALOGUE: dict[str, Entry] = {}


def _add(code: str, ja: str, en: str, fix_ja: str = "", fix_en: str = "", **sample) -> None:
    level = WARNING if code.startswith("NAV-W") else ERROR
    assert code not in CATALOGUE, code
    CATALOGUE[code] = Entry(code, level, ja, en, fix_ja, fix_en, sample)


def entry(code: str) -> Entry:
    return CATALOGUE[code]


def text(code: str, **args) -> str:
    """A message in the current language (for output that is not a Problem, e.g. test results)."""
    return CATALOGUE[code].text(**args)


# ---- words that stand inside messages ----------------------------------------------

TERMS = {
    "a concern": "相談の種類（concerns の項目）", "a question": "質問（questions の項目）",
    "an option": "選択肢（options の項目）", "an emergency line": "緊急連絡先（emergency の項目）",
    "a condition": "条件（when）", "an answer condition": "答えの条件（answer）",
    "the municipality": "市町村の情報（municipality）", "a rule": "ルール（rules の項目）",
    "a source": "出典（source）", "a contacts file": "窓口ファイル", "a contact": "窓口（contacts の項目）",
    "a rules file": "ルールファイル", "the common file": "共通ファイル（common.yaml）",
    "a scenario file": "相談例ファイル", "a scenario": "相談例（scenarios の項目）",
    "expect": "期待する結果（expect）", "a person": "世帯の人（persons の項目）", "answers": "答え（answers）",
    "concern id": "相談の種類の id", "contact id": "窓口の id", "rule id": "ルールの id",
    "question id": "質問の id", "answer value": "答えの値", "keyword": "キーワード",
    "option value": "選択肢の値（value）", "option label": "選択肢の表示名（label）",
    "source file": "出典のファイル（file）", "source section": "出典の節（section）",
    "rules": "ルールの一覧（rules）", "contacts": "窓口の一覧（contacts）", "options": "選択肢（options）",
    "concerns": "相談の種類の一覧（concerns）", "questions": "質問の一覧（questions）",
    "emergency": "緊急連絡先の一覧（emergency）", "scenarios": "相談例の一覧（scenarios）",
    "rule": "ルール", "contact": "窓口", "question": "質問", "emergency line": "緊急連絡先",
    # kinds of value
    "a mapping": "「キー: 値」の集まり", "a list": "リスト（- で始まる行）", "empty": "空",
    "a date": "日付", "true/false": "true/false", "a number": "数字", "text": "文字", "a value": "値",
}


def term(word) -> str:
    """A word for the current language: known terms are translated, key names kept as written."""
    if not isinstance(word, str) or _language != "ja":
        return str(word)
    if word in TERMS:
        return TERMS[word]
    if word.startswith("'") and word.endswith("'"):
        word = word[1:-1]
    return f"「{word}」"


def suggest(word: str, choices, fallback_list: bool = True) -> str:
    """'did you mean …?' for the closest choice, else (optionally) the list of choices."""
    choices = sorted(set(choices))
    close = _closest(word, choices)
    if close:
        return f"「{close}」の書き間違いではありませんか" if _language == "ja" else f"did you mean '{close}'?"
    if not fallback_list or not choices:
        return ""
    shown = ", ".join(choices[:12]) + (" …" if len(choices) > 12 else "")
    return f"使えるもの: {shown}" if _language == "ja" else f"allowed: {shown}"


def _closest(word: str, choices: list[str]) -> str | None:
    """The choice most like `word`, also comparing ids without their municipality prefix
    (kodomo-center → town-kodomo); None when nothing is close."""
    def ratio(a: str, b: str) -> float:
        return difflib.SequenceMatcher(None, a, b).ratio()

    def bare(x: str) -> str:
        return x.split("-", 1)[1] if "-" in x else x

    scored = [(max(ratio(word, c), ratio(word, bare(c)), ratio(bare(word), bare(c))), c) for c in choices]
    best = max(scored, default=(0.0, None))
    return best[1] if best[0] >= 0.6 else None


def level_label(level: str) -> str:
    if _language == "ja":
        return {ERROR: "エラー", WARNING: "注意"}.get(level, level)
    return level


# The entries, in code order (the guide's table follows it).
from . import file_errors, references, checks, commands, results, interop  # noqa: E402,F401


# ---- the staff guide's table ------------------------------------------------------------

GUIDE_START = "<!-- 番号の一覧: navigator/messages/ から生成（python -m navigator.messages docs/editing-rules.md）-->"
GUIDE_END = "<!-- 番号の一覧ここまで -->"


def guide_table() -> str:
    """Every code with an example of its message and its fix, in Japanese, as a Markdown table."""
    def cell(text: str | None) -> str:
        return (text or "—").replace("|", "\\|").replace("\n", " ")

    rows = ["| 番号 | 種類 | 表示の例 | 直し方 |", "| --- | --- | --- | --- |"]
    with using("ja"):
        for code, e in CATALOGUE.items():
            rows.append(f"| {code} | {level_label(e.level)} | {cell(e.text(**e.sample))} | {cell(e.fix(**e.sample))} |")
    return "\n".join(rows)


def with_guide_table(guide: str) -> str:
    """The guide with its table replaced by the catalogue's (the markers stay)."""
    start, end = guide.index(GUIDE_START) + len(GUIDE_START), guide.index(GUIDE_END)
    return guide[:start] + "\n\n" + guide_table() + "\n\n" + guide[end:]
