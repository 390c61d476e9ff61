"""Every message navigator shows about rule files and commands, each with a stable code.

Codes never change meaning, so the staff guide, searches and tests can name them (like
yamllint's rule ids). Japanese is the default; English is for developers (NAVIGATOR_LANG=en or
`navigator --lang en`). LANG is deliberately not consulted: developer machines and CI usually
run with LANG=en_US or C.UTF-8, and the staff who read these messages must get Japanese.

Ranges: E0xx files, E1xx YAML syntax, E2xx keys and values, E3xx references,
E4xx/W4xx deeper checks, E5xx scenario files, T7xx scenario results, C6xx command line.
A helper adding a message adds one `_add(...)` here and raises it with `Problem.coded`.
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


# ---- E0xx: the file itself ---------------------------------------------------------

_add("NAV-E001", "通常のファイルではありません", "not a regular file",
     "ルールファイルは普通のテキストファイルにしてください", "use a plain text file")
_add("NAV-E002", "ファイルが大きすぎます（{size} バイト。上限は {limit} バイト）",
     "file is too large ({size} bytes; the limit is {limit})",
     "市町村ごとにファイルを分けるか、重複した項目を消してください",
     "split the file or remove repeated entries", size=2_000_000, limit=1_000_000)
_add("NAV-E003", "ファイルが UTF-8 の文字コードではありません", "file is not UTF-8 text",
     "エディタで「UTF-8」を選んで保存し直してください（Shift_JIS は読めません）", "save it as UTF-8")
_add("NAV-E004", "ファイルを読めません（{reason}）", "cannot read file: {reason}",
     "ファイルの場所と読み取りの権限を確かめてください", "check the path and permissions",
     reason="Permission denied")
_add("NAV-E005", "1 行が長すぎます（{length} 文字。上限は {limit} 文字）",
     "line is too long ({length} characters; the limit is {limit})",
     "長い文章は > や | を使って複数の行に分けて書けます", "break the text over several lines with > or |",
     length=6000, limit=5000)
_add("NAV-E006", "YAML で使えない文字（U+{char}）が入っています", "character U+{char} is not allowed in YAML",
     "見えない制御文字が貼り付けで入ったかもしれません。その部分を消して打ち直してください",
     'write it as an escape in double quotes, e.g. "\\x1b", if it is meant', char="001B")
_add("NAV-E007", "入れ子が深すぎます（{depth} 段より深い）", "nested more than {depth} levels deep",
     "字下げを見直してください。本物のルールファイルはそこまで深くなりません", "flatten the structure",
     depth=40)
_add("NAV-E008", "ファイルが空です", "file is empty",
     "中身を書くか、使わないならファイルごと消してください", "write the content or remove the file")
_add("NAV-E009", "アンカーとエイリアス（& と *）は使えません", "anchors and aliases (& and *) are not supported",
     "同じ内容でも、それぞれの場所に全部書いてください", "write the value out in full")
_add("NAV-E010", "値が多すぎます（1 ファイルに {limit} 個まで）", "more than {limit} values in one file",
     "市町村のルールを分けるか、重複を消してください",
     "split the municipality's rules or remove repeated entries", limit=50000)
_add("NAV-E011", "{folder} のフォルダが見つかりません", "{folder} directory not found",
     "--rules / --contacts で正しいフォルダを指定してください", "give the right folder with --rules / --contacts",
     folder="rules")
_add("NAV-E012", "共通ファイル（相談の種類・質問・緊急連絡先）が見つかりません",
     "common file not found (concerns, questions, emergency)",
     "rules/common.yaml を置いてください", "put rules/common.yaml in place")
_add("NAV-E013", "市町村「{mid}」のルールファイルがありません", "no rules file for municipality '{mid}'",
     "rules/{mid}.yaml を作るか、市町村の指定を直してください", "create rules/{mid}.yaml", mid="asaka")
_add("NAV-E014", "市町村「{mid}」の窓口ファイルがありません", "no contacts file for municipality '{mid}'",
     "contacts/{mid}.yaml を作ってください", "create contacts/{mid}.yaml", mid="asaka")
_add("NAV-E015", "「{mid}」の窓口ファイルはありますが、ルールファイル {rules} がありません",
     "contacts for '{mid}' but no rules file {rules}",
     "ルールファイルを作るか、使わない窓口ファイルを消してください",
     "add the rules file or remove the contacts file", mid="asaka", rules="rules/asaka.yaml")
_add("NAV-E016", "ルールを読み込めませんでした（内部の問題: {detail}）", "the rules could not be read ({detail})",
     "ファイルを直前の版に戻して試し、続くときは担当者に連絡してください",
     "restore the last good files and report it", detail="KeyError")
_add("NAV-E017", "ファイルの最後に「{end}」がありません。保存が途中で止まったか、ファイルの後ろが切れています",
     "the file does not end with '{end}': it was cut off or saved half-way",
     "ファイルを最後まで確かめ、最後の行に {end} を書いてください", "check the whole file and end it with {end}",
     end="end: true")
_add("NAV-E018", "「{end}」の後ろに「{after}」があります", "'{after}' comes after '{end}'",
     "{end} はファイルの最後の行に置いてください", "{end} must be the last line", end="end: true", after="rules")
_add("NAV-E019", "{key} の値は true にしてください", "{key} must be true", "最後の行は {end} です",
     "the last line is {end}", key="end", end="end: true")
_add("NAV-E030", "{folder} のフォルダの中を読めません（{reason}）", "cannot list the {folder} directory ({reason})",
     "フォルダの読み取りの権限を確かめてください", "check the folder's read permission", folder="rules",
     reason="Permission denied")
_add("NAV-W031", "ファイル名「{name}」は市町村の id として使えないため、読み込みません",
     "file name '{name}' is not a municipality id, so it is not loaded",
     "小文字の英数字と - _ だけの名前（例: asaka.yaml）にしてください",
     "use lower-case ASCII letters, digits, '-' and '_' (e.g. asaka.yaml)", name="朝霞.yaml")

# ---- E1xx: YAML syntax, explained ---------------------------------------------------

_add("NAV-E101", "YAML の書き方に誤りがあります（{detail}）", "YAML syntax error: {detail}",
     "この行とすぐ上の行の字下げ・「:」・引用符・かっこを確かめてください",
     "check indentation, colons, quotes and brackets on this line and the one above",
     detail="mapping values are not allowed here")
_add("NAV-E102", "字下げにタブ文字が使われています", "a tab character is used for indentation",
     "タブを消して、半角スペースで字下げしてください（YAML ではタブは使えません）",
     "replace the tab with spaces (YAML does not allow tabs)")
_add("NAV-E103", "この行の字下げが上の行より深すぎます", "this line is indented deeper than it may be",
     "同じ項目の中の行は、上の「{above}」と同じ位置（{column} 桁目）から書き始めてください",
     "start it in the same column as '{above}' above (column {column})", above="window:", column=5)
_add("NAV-E104", "この行の字下げが浅すぎます（どの項目の続きか分かりません）",
     "this line is indented less than the item it belongs to",
     "上の「{above}」と同じ位置（{column} 桁目）まで半角スペースで下げてください",
     "indent it to the column of '{above}' above (column {column})", above="window:", column=5)
_add("NAV-E105", "「:」がありません（「キー: 値」の形になっていません）",
     "missing ':' (the line is not 'key: value')",
     "「{key}: 値」のように、キーの後に「:」と半角スペースを入れてください",
     "write it as '{key}: value'", key="department")
_add("NAV-E106", "「:」の後に半角スペースがありません", "no space after ':'",
     "「{key}: {value}」のように「:」の後に半角スペースを 1 つ入れてください",
     "put one space after the colon: '{key}: {value}'", key="phone", value="048-463-1111")
_add("NAV-E107", "引用符（{quote}）が閉じていません", "the quote ({quote}) is not closed",
     "文字の終わりにも {quote} を付けてください（同じ行の中で閉じます）",
     "close the quote with {quote} at the end of the text", quote='"')
_add("NAV-E108", "かっこ（{bracket}）が閉じていません", "the bracket ({bracket}) is not closed",
     "同じ行の終わりに {closing} を付けてください。中の項目は「, 」で区切ります",
     "close it with {closing}; separate the items with ', '", bracket="[", closing="]")
_add("NAV-E109", "リストの項目の先頭に「-」がありません", "a list item does not start with '-'",
     "上の項目と同じ位置に「- 」（ハイフンと半角スペース）を書いてから続けてください",
     "start the item with '- ' in the column of the items above", )
_add("NAV-E110", "キー「{key}」の字下げの位置が違います（{parent}の中に書く項目です）",
     "the key '{key}' is at the wrong level (it belongs inside {parent})",
     "上の行に合わせて {column} 桁目から書いてください", "indent it to column {column}, like the lines above",
     key="quote", parent="「source」", column=7)

_add("NAV-E111", "「{key}」の値の中に「: 」（コロンと空白）があり、次のキーと読まれてしまいます",
     "the value of '{key}' contains ': ' and reads as another key",
     '値全体を引用符で囲んでください（例: {key}: "受付: 平日 9時から"）',
     'put the whole value in quotes, e.g. {key}: "a: b"', key="notes")
_add("NAV-E112", "「-」の後に半角スペースがありません", "no space after '-'",
     "リストの項目は「- 」（ハイフンと半角スペース）で始めてください", "start the item with '- '")
_add("NAV-E114", "引用符（{quote}）で閉じた後にも文字が続いています", "text goes on after the closing quote ({quote})",
     "文中に {quote} を使うときは、全体をもう一方の引用符で囲むか、「」に置き換えてください",
     "quote the whole text with the other kind of quote", quote='"')

# ---- E2xx: keys and values ----------------------------------------------------------

_add("NAV-E201", "{what}は「キー: 値」の形で書きます（今は{kind}です）",
     "{what} must be a mapping (key: value), not {kind}",
     "「キー: 値」の行を並べて書いてください", "write 'key: value' lines", what="a rule", kind="text")
_add("NAV-E202", "{what}に文字でないキーがあります", "{what} has a key that is not text",
     "キーは英字の名前にしてください", "keys are names in letters", what="a contact")
_add("NAV-E203", "{what}にキー「{key}」が 2 回あります", "duplicate key '{key}' in {what}",
     "どちらか一方を消してください（後の値が前の値を黙って上書きしてしまいます）",
     "a second value would silently replace the first", what="a rule", key="priority")
_add("NAV-E204", "{what}に知らないキー「{key}」があります", "unknown key '{key}' in {what}",
     "{suggestion}", "{suggestion}", what="a rule", key="refers", suggestion="「refer」の書き間違いではありませんか")
_add("NAV-E205", "{what}に必要なキー「{key}」がありません", "{what} is missing required key '{key}'",
     "「{key}: …」の行を足してください", "add '{key}: …'", what="a contact", key="window")
_add("NAV-E206", "{what}はリスト（- で始まる行か [a, b]）で書きます（今は{kind}です）",
     "{what} must be a list, not {kind}",
     "項目を「- 」で始まる行に並べるか、[a, b] の形で書いてください", "write '- item' lines or [a, b]",
     what="rules", kind="text")
_add("NAV-E207", "{what}は文字で書きますが、{value} は true/false と読まれます",
     "{what} must be text, but {value!r} reads as true/false",
     '引用符で囲んでください: "{value}"', 'write it in quotes: "{value}"', what="option value", value="yes")
_add("NAV-E208", "{what}は空でない文字で書きます（今は{kind}です）", "{what} must be non-empty text, not {kind}",
     "文字を書くか、任意の項目なら行ごと消してください", "write the text, or remove the line if optional",
     what="window", kind="empty")
_add("NAV-E209", "{what}「{value}」は id として使えません", "{what} '{value}' is not a valid id",
     "id は半角の小文字英字・数字・「-」「_」で書きます（例: asaka-fukushi-sodan）",
     "use lower-case ASCII letters, digits, '-' and '_'", what="contact id", value="朝霞-相談")
_add("NAV-E210", "{what}は整数で書きます（今は{kind}です）", "{what} must be a whole number, not {kind}",
     "半角数字で書いてください（例: 10）", "write a whole number such as 10", what="priority", kind="text")
_add("NAV-E211", "{what}は {low} から {high} の間です（今は {value}）",
     "{what} must be between {low} and {high}, not {value}",
     "{low} から {high} の数にしてください（小さいほど先に案内します）", "use a number from {low} to {high}",
     what="priority", low=1, high=999, value=0)
_add("NAV-E212", "{what}は 2026-04-01 のような日付で書きます", "{what} must be a date like 2026-04-01",
     "年-月-日 を半角数字とハイフンで書いてください（例: 2026-04-01）", "write YYYY-MM-DD",
     what="valid_until")
_add("NAV-E213", "質問には選択肢が 1 つ以上必要です", "a question needs at least one option",
     "options に「- {{value: …, label: …}}」を足してください", "add an option")
_add("NAV-E214", "条件（when）には concern, answer, all, any, not のどれか 1 つだけを書きます",
     "a condition has exactly one of: concern, answer, all, any, not",
     "いくつかを組み合わせるときは all: [...] か any: [...] で囲んでください",
     "combine several with all: [...] or any: [...]")
_add("NAV-E215", "「{key}」には条件が 1 つ以上必要です", "'{key}' needs at least one condition",
     "[ ] の中に条件を書いてください", "list at least one condition", key="any")
_add("NAV-E216", "答えの条件（answer）には質問を 1 つ以上書きます",
     "an answer condition names at least one question",
     "answer: {{who: child}} のように質問の id と答えを書いてください", "e.g. answer: {{who: child}}")
_add("NAV-E217", "ルール「{rule}」の案内先（refer）が空です", "rule '{rule}' refers to no contact",
     "refer: [窓口の id] のように窓口を 1 つ以上書いてください", "name at least one contact id",
     rule="asaka-poverty-jiritsu")
_add("NAV-E230", "{what}に改行やタブが入っています（1 行の文字として表示されます）",
     "{what} contains a line break or a tab (it is shown as one line)",
     "1 行で書いてください。長い文は > を使えば複数行に書けて、つながって 1 行になります",
     "write it on one line; with > a long text may span several lines and is joined into one", what="window")
_add("NAV-E231", "アンカー（&{anchor}）は使えません", "anchors (&{anchor}) are not supported",
     "& の印を消して、値をそのまま書いてください", "remove the & mark and write the value in full", anchor="n")
_add("NAV-E232", "{what}の数字が長すぎます（{digits} 桁）", "{what} has too many digits ({digits})",
     "{low} から {high} の間の数で書いてください", "write a number between {low} and {high}",
     what="priority", digits=3572, low=1, high=999)

# ---- E3xx: references -------------------------------------------------------------

_add("NAV-E301", "{kind}の id「{id}」が重複しています（最初は {first} 行目）",
     "duplicate {kind} id '{id}' (first at line {first})",
     "どちらかの id を変えるか、重複した項目を消してください", "rename or remove one of them",
     kind="rule", id="asaka-poverty-jiritsu", first=10)
_add("NAV-E302", "選択肢の値「{value}」が重複しています", "duplicate option value '{value}'",
     "値を変えるか、片方を消してください", "rename or remove one", value="child")
_add("NAV-E303", "質問「{question}」が、ない相談の種類「{concern}」に対して聞かれます",
     "question '{question}' is asked for unknown concern '{concern}'",
     "{suggestion}", "{suggestion}", question="who", concern="abuze",
     suggestion="「abuse」の書き間違いではありませんか")
_add("NAV-E304", "{owner}相談の種類「{concern}」はありません", "{owner}unknown concern '{concern}'",
     "{suggestion}（相談の種類は rules/common.yaml の concerns にあります）",
     "{suggestion} (concerns are listed in rules/common.yaml)",
     owner=Both("ルール「asaka-housing」の", "rule 'asaka-housing' is for "), concern="housin",
     suggestion="「housing」の書き間違いではありませんか")
_add("NAV-E305", "答えの条件に、ない質問「{question}」が書かれています",
     "an answer condition names unknown question '{question}'",
     "{suggestion}（質問は rules/common.yaml の questions にあります）",
     "{suggestion} (questions are listed in rules/common.yaml)", question="whoo",
     suggestion="「who」の書き間違いではありませんか")
_add("NAV-E306", "質問「{question}」に選択肢「{value}」はないので、この条件は決して成り立ちません",
     "question '{question}' has no option '{value}', so this can never match",
     "{suggestion}", "{suggestion}", question="who", value="elderly",
     suggestion="「elder」の書き間違いではありませんか")
_add("NAV-E307", "市町村の id「{id}」がファイル名「{mid}」と違います",
     "municipality id '{id}' differs from the file name '{mid}'",
     "ファイル名を {id}.yaml にするか、id を直してください", "rename the file to {id}.yaml or change the id",
     id="asak", mid="asaka")
_add("NAV-E308", "{owner}が、ない窓口「{contact}」を指しています", "{owner} refers to unknown contact '{contact}'",
     "{suggestion}（窓口は contacts/{mid}.yaml にあります）", "{suggestion} (contacts are in contacts/{mid}.yaml)",
     owner=Both("ルール「asaka-poverty-jiritsu」", "rule 'asaka-poverty-jiritsu'"),
     contact="asaka-fukushi-sodn", mid="asaka", suggestion="「asaka-fukushi-sodan」の書き間違いではありませんか")
_add("NAV-E310", "{kind}の id「{id}」は {first} でも使われています", "{kind} id '{id}' is also used at {first}",
     "id はすべての市町村を通して一つだけにします。市町村名を頭に付けてください（例: asaka-…）",
     "ids are unique across municipalities: prefix them with the municipality",
     kind="contact", id="fukushi-sodan", first="contacts/ageo.yaml:3:5")
_add("NAV-E311", "窓口ファイルには市町村「{owner}」とありますが、ファイル名は「{mid}」です",
     "contacts file says municipality '{owner}' but is named '{mid}'",
     "municipality: {mid} に直すか、ファイル名を直してください", "make them agree", owner="ageo", mid="asaka")

# ---- E32x: national lines and danger cues (rules/common.yaml emergency, rules/danger.yaml)

_add("NAV-E320", "危険の種類「{kind}」が、ない緊急連絡先「{line}」を指しています",
     "danger kind '{kind}' names unknown emergency line '{line}'",
     "rules/common.yaml の emergency にある id を書いてください（{lines}）", "use an id from emergency: {lines}",
     kind="violence_now", line="polise", lines="police, ambulance, …")
_add("NAV-E321", "手がかり「{cue}」の「{group}」という言葉のまとまりは words: にありません",
     "cue '{cue}' uses unknown word group '{group}'",
     "words: に書いたまとまりの名前を @ の後に書いてください（{groups}）", "define it under words: ({groups})",
     cue="@kid+叩かれ", group="@kid", groups="@child, @partner")
_add("NAV-E322", "手がかり「{cue}」に、空白や記号を除くと空になる部分があります",
     "cue '{cue}' has a part that is empty once spaces and punctuation are dropped",
     "+ の前後に言葉を書いてください", "write a word on both sides of +", cue="夫+")
_add("NAV-E323", "番号の種類（group）「{group}」はありません", "unknown line group '{group}'",
     "使えるもの: {groups}", "groups: {groups}", group="crises", groups="police, ambulance, child, dv, crisis, sexual, consultation")
_add("NAV-E324", "危険の種類「{kind}」に手がかりがありません", "danger kind '{kind}' has no cues",
     "cues・now_cues・alone_cues のどれかに言葉を書いてください", "give it cues, now_cues or alone_cues", kind="sexual")
_add("NAV-E325", "危険のときに聞く質問「{question}」がないか、答え「{answer}」がその選択肢にありません",
     "danger question '{question}' is unknown or '{answer}' is not one of its options",
     "common.yaml の questions にある id と、その選択肢の value を書いてください（{options}）",
     "name a question of common.yaml and one of its option values ({options})",
     question="dangr", answer="yes", options="danger: yes, no")
_add("NAV-E326", "出典の url は https:// か http:// で始めてください", "url must start with https:// or http://",
     "運営者のページのアドレスをそのまま貼ってください", "paste the address of the operator's page")
_add("NAV-E327", "free の値は true か false にしてください", "free must be true or false",
     "無料なら true、通話料がかかるなら false、わからなければ行ごと消してください",
     "true when the call is free, false when not; leave it out when not stated")
_add("NAV-E328", "history の値は true か false にしてください", "history must be true or false",
     "昔のことでも数える種類なら true、昔のことは数えないなら false（書かなければ false）",
     "true when cues told as history still count; false (the default) when not")

# ---- E4xx / W4xx: deeper checks (navigator check) ------------------------------------

_add("NAV-W401", "{kind}「{id}」に計画からの引用（quote）がありません", "{kind} '{id}' cites no quote from the plan",
     "source.quote に、根拠になる計画の文章をそのまま写してください",
     "add source.quote: the plan's own words it rests on", kind="rule", id="asaka-poverty-jiritsu")
_add("NAV-E402", "ルール「{rule}」はどんな相談でも使われません（質問 {questions} は相談の種類「{concern}」では聞かれません）",
     "rule '{rule}' can never fire (question(s) {questions} are not asked for concern '{concern}')",
     "common.yaml でその質問の concerns に「{concern}」を足すか、条件を直してください",
     "add the concern to the question's concerns in common.yaml",
     rule="asaka-housing", questions="who", concern="housing")
_add("NAV-E403", "ルール「{rule}」はどんな相談でも使われません（条件が互いに矛盾しています）",
     "rule '{rule}' can never fire (its condition contradicts itself)",
     "同じ質問に違う答えを両方求めていないか、条件（when）を見直してください",
     "e.g. two different answers to one question: fix the condition", rule="asaka-abuse-child")
_add("NAV-W404", "ルール「{rule}」は、ルール「{other}」（{line} 行目）と同じ案内を重ねているだけです",
     "rule '{rule}' is wholly shadowed by rule '{other}' (line {line})",
     "相手のルールが同じ事業・同じ窓口を同じかより高い優先度で案内します。どちらかを消すか、条件を絞ってください",
     "the other names the same program and contacts at the same or a better priority; remove or narrow one",
     rule="asaka-poverty-again", other="asaka-poverty-jiritsu", line=9)
_add("NAV-W405", "窓口「{contact}」はどのルールからも案内されません",
     "contact '{contact}' is not referred to by any rule",
     "ルールの refer に足すか、もうない窓口なら消してください",
     "refer to it from a rule, or remove it if the window no longer exists", contact="asaka-kominkan")
_add("NAV-E406", "窓口「{contact}」の電話番号の形が違います: 「{phone}」",
     "contact '{contact}' has a phone number in a wrong format: '{phone}'",
     "048-463-1111 のように半角数字とハイフンで書くか、計画に無ければ行ごと消してください",
     "write it like 0270-27-2748 (digits and hyphens), or leave it out", contact="asaka-fukushi-sodan",
     phone="048(463)1111")
_add("NAV-W407", "窓口「{contact}」の有効期限（valid_until: {date}）が過ぎています",
     "contact '{contact}' was valid until {date}",
     "窓口が閉じたか移ったかもしれません。今の計画を確かめて、直すか消してください",
     "check the current plan and update or remove it", contact="asaka-fukushi-sodan", date="2026-03-31")
_add("NAV-W408", "窓口「{contact}」は {date} からの窓口です（valid_from）",
     "contact '{contact}' is valid only from {date}",
     "今も案内に出ています。開設後に valid_from を消すか、開設してから足してください",
     "it is shown already; remove valid_from once it opens, or add it later",
     contact="asaka-new-window", date="2027-04-01")
_add("NAV-W409", "窓口「{contact}」を最後に確かめたのは {date} で、1 年以上前です",
     "contact '{contact}' was last verified on {date}, more than a year ago",
     "今の計画と照らして確かめ、last_verified を確かめた日に直してください",
     "check it against the current plan and update last_verified", contact="asaka-fukushi-sodan",
     date="2025-04-01")
_add("NAV-W410", "{mid}: {concerns} のルールがないので、総合窓口「{fallback}」に案内します",
     "{mid}: no rule for {concerns}; these go to the fallback window '{fallback}'",
     "計画に記載がなければこのままで構いません。記載があればルールを足してください",
     "fine where the plan says nothing about them; add a rule where it does",
     mid="asaka", concerns="housing, unsure", fallback="asaka-fukushi-sodan")

_add("NAV-W430", "ルール「{rule}」は条件の組み合わせが多すぎるため（{count} 通り。上限 {limit}）、働くことがあるか・"
     "ほかのルールに隠れていないかを確かめていません",
     "rule '{rule}' has too many cases to check ({count}; the limit is {limit}): not checked whether it can fire "
     "or is shadowed", "条件を分けて、いくつかのルールにしてください", "split the condition over several rules",
     rule="asaka-poverty-jiritsu", count="3,407,872,000", limit="20,000")
_add("NAV-W431", "相談の種類「{concern}」は質問の答えの組み合わせが多すぎるため（{count} 通り）、答えなしと、"
     "質問を 1 つずつ答えた場合だけを比べました",
     "concern '{concern}' has too many answer combinations ({count}): compared with no answer and one answer at a time",
     "質問の数や選択肢を見直すか、相談例（tests/scenarios）で大事な組み合わせを確かめてください",
     "review the questions, or pin the combinations that matter in scenarios", concern="abuse", count="10,000,000,000")
_add("NAV-W411", "{kind}「{id}」の {key} に「{name}」と名前をそのまま書いています",
     "{kind} '{id}': {key} writes out 「{name}」",
     "名前は窓口の department / organization に一度だけ書き、文章では {{department}} / {{organization}} と書きます"
     "（ほかの窓口の名前なら、その窓口をルールの refer に加えてください）",
     "write the name once, in the contact's department / organization, and {{department}} / {{organization}} in text",
     kind=Both("ルール", "rule"), id="asaka-abuse-elder", key="reason", name="長寿はつらつ課")
_add("NAV-W412", "{kind}「{id}」の {key} は担当課の差し込み（department）を使っていますが、窓口「{contact}」に担当課がありません",
     "{kind} '{id}': {key} fills in the department, but contact '{contact}' has none",
     "担当課の書かれた窓口だけで {{department}} を使ってください（計画に記載がなければ「記載なし」と表示されます）",
     "use {{department}} only for contacts with a department", kind=Both("ルール", "rule"),
     id="maebashi-poverty-konkyu", key="reason", contact="maebashi-seikatsu-konkyu")
_add("NAV-E413", "引用「{text}」が計画 {plan} の本文にありません", "quote 「{text}」 is not in the plan {plan}",
     "計画で最も近い箇所は {near}", "the nearest passage in the plan is {near}",
     text="生活困窮者の総合的な相談窓口", plan="000_ae7e9c46a45c5378.txt",
     near="000_ae7e9c46a45c5378.txt:418「【市】〇生活困窮者の総合的な支援体制を推進し」（一致度 52%）")
_add("NAV-E414", "見出し「{text}」が計画 {plan} の本文にありません", "section part 「{text}」 is not in the plan {plan}",
     "計画で最も近い箇所は {near}", "the nearest passage in the plan is {near}",
     text="架空の見出し", plan="000_ae7e9c46a45c5378.txt", near="000_ae7e9c46a45c5378.txt:163「①地域での交流」（一致度 40%）")
_add("NAV-E415", "計画のファイル {file} が {folder} にありません", "plan file {file} is not in {folder}",
     "source.file は --plans のフォルダにある計画のファイル名です", "source.file names a plan file in the --plans folder",
     file="000_ae7e9c46a45c5378.txt", folder="../shared/seeds")

# ---- E5xx: scenario files -----------------------------------------------------------

_add("NAV-E501", "emergency は true か false で書きます", "emergency must be true or false",
     "true（緊急連絡先が出る）か false（出ない）にしてください", "write true or false")

# ---- C6xx: the command line ---------------------------------------------------------

_add("NAV-C601", "市町村「{mid}」はありません（あるもの: {known}）", "unknown municipality '{mid}' (known: {known})",
     "navigator list で市町村の id を確かめてください", "see: navigator list", mid="asak",
     known="ageo, asaka, isesaki, maebashi, shimotsuke")
_add("NAV-C602", "ルールファイルにエラーがあります。先に直してください（navigator check）",
     "the rule files have errors; fix them first (navigator check)")
_add("NAV-C603", "--text が空です", "--text is empty", "相談内容を書いてください", "give the resident's words")
_add("NAV-C604", "--text か --concern を 1 つ以上指定してください", "give --text or at least one --concern",
     "相談の種類の id は navigator list で分かります", "see: navigator list")
_add("NAV-C605", "相談の種類「{concern}」はありません", "unknown concern '{concern}'",
     "{suggestion}（navigator list で一覧を見られます）", "{suggestion} (see: navigator list)",
     concern="housin", suggestion="「housing」の書き間違いではありませんか")
_add("NAV-C606", "文章から相談の種類が見つかりません", "no concern recognised in the text",
     "--concern で相談の種類を指定してください（navigator list）", "name one with --concern (see: navigator list)")
_add("NAV-C607", "--answer は 質問=答え の形で、ある質問を指定します（「{given}」は使えません）",
     "--answer wants QUESTION=VALUE with a known question, not '{given}'",
     "navigator list で質問と答えを確かめてください", "see: navigator list", given="who")
_add("NAV-C608", "質問「{question}」に答え「{value}」はありません（選べるもの: {options}）",
     "question '{question}' has no option '{value}' (options: {options})",
     "{suggestion}", "{suggestion}", question="who", value="kid", options="child, adult, elder", suggestion="")
_add("NAV-C609", "相談例ファイルが見つかりません: {path}", "scenario file not found: {path}",
     "ファイル名とフォルダを確かめてください", "check the path", path="tests/scenarios/asak.yaml")
_add("NAV-C610", "比べる相手を読めません: {detail}", "cannot read the side to compare: {detail}",
     "フォルダ名か git の版（例: HEAD）を指定してください", "give a folder or a git revision such as HEAD",
     detail="not a folder, and git says: unknown revision")
_add("NAV-C611", "相談例が 1 つも見つかりません: {where}", "no scenarios found in {where}",
     "相談例ファイル（.yaml）のあるフォルダを指定してください", "give scenario files or a folder of them",
     where="scenarios")
_add("NAV-C612", "--person は 続柄:相談の種類,…[:質問=答え,…] の形で指定します（「{given}」は使えません）",
     "--person wants RELATION:CONCERN,...[:QUESTION=VALUE,...], not '{given}'",
     "例: --person 母:care,guardianship:who=elder", "e.g. --person 母:care,guardianship:who=elder", given="母")
_add("NAV-C613", "パスワードのファイル {path} を読めません（{detail}）", "cannot read the password file {path}: {detail}",
     "ファイルの場所と読み取りの権限を確かめてください", "check the path and its permissions",
     path="pw.txt", detail="No such file or directory")
_add("NAV-C614", "パスワードは {min} 文字以上にしてください", "the password must be at least {min} characters",
     "NAVIGATOR_SERVE_PASSWORD か --password-file のパスワードを長くしてください",
     "make NAVIGATOR_SERVE_PASSWORD or the --password-file longer", min=8)
_add("NAV-C615", "--host {host} ではほかの機械からつながります。先にパスワードを決めてください",
     "--host {host} lets other machines connect: set a password first",
     "NAVIGATOR_SERVE_PASSWORD か --password-file で決めるか、この機械だけで使うなら --host を付けないでください（127.0.0.1）",
     "set NAVIGATOR_SERVE_PASSWORD or --password-file, or leave --host at 127.0.0.1", host="0.0.0.0")
_add("NAV-C616", "--host {host} には、ブラウザで開くアドレスを --public-url で指定してください",
     "--host {host} needs --public-url, the address browsers will use",
     "例: --public-url http://desk-pc:8000", "e.g. --public-url http://desk-pc:8000", host="0.0.0.0")
_add("NAV-C617", "--port {port} はポート番号ではありません（1〜65535）", "--port {port} is not a port number (1-65535)",
     "例: --port 8000", "e.g. --port 8000", port=0)
_add("NAV-C618", "{host}:{port} で待ち受けられません（{detail}）", "cannot listen on {host}:{port}: {detail}",
     "ほかのプログラムがそのポートを使っていないか確かめるか、--port で別の番号にしてください",
     "is another program using the port? try another --port", host="127.0.0.1", port=8000,
     detail="Address already in use")
_add("NAV-C619", "コマンドの指定に誤りがあります（{detail}）", "wrong command line ({detail})",
     "navigator -h、または navigator check -h のように、コマンドの使い方を確かめてください",
     "see navigator -h or navigator COMMAND -h", detail="unrecognized arguments: --fromat")
_add("NAV-C699", "内部エラーが発生しました（{detail}）", "internal error ({detail})",
     "入力は失われていません。同じ操作で繰り返すときは担当者に連絡してください",
     "please report it with the command you ran", detail="KeyError: 'x'")

# ---- T7xx: scenario results (navigator test) ----------------------------------------

_add("NAV-T701", "市町村「{mid}」はありません", "unknown municipality '{mid}'",
     "相談例ファイルの municipality を直してください", "fix the scenario file's municipality", mid="asak")
_add("NAV-T702", "文章から相談の種類が見つからず、指定もありません", "no concern found in the text and none given",
     "text の言い方を見直すか、concerns を書いてください", "reword the text or list concerns")
_add("NAV-T703", "上位 {top} 件に {missing} が出るはずですが、実際は {got} でした",
     "expected {missing} in the top {top}; got {got}",
     "案内を意図して変えたのなら、相談例の expect を直してください",
     "if the change is intended, update the scenario's expect", top=3, missing="asaka-fukushi-sodan",
     got="asaka-seikatsu-engo, asaka-shakyo")
_add("NAV-T704", "文章から {lost} が見つかるはずですが、見つかったのは {found} でした",
     "text should find {lost}; found {found}",
     "keywords を見直すか、相談例の found を直してください", "review the keywords or the scenario's found",
     lost="poverty", found="housing")
_add("NAV-T705", "緊急連絡先が{expected}はずですが、実際は {got} でした",
     "emergency lines expected {expected}; got {got}",
     "相談例の emergency を見直してください", "review the scenario's emergency",
     expected=Both("出る", "shown"), got="なし")
_add("NAV-T706", "上位 {top} 件に {present} は出ないはずですが、実際は {got} でした",
     "expected {present} not in the top {top}; got {got}",
     "案内を意図して変えたのなら、相談例の absent を直してください",
     "if the change is intended, update the scenario's absent", top=3, present="asaka-silver",
     got="asaka-fukushi-sodan, asaka-silver")
_add("NAV-T707", "世帯は {expected} と読めるはずですが、実際は {read} でした",
     "household expected {expected}; read {read}",
     "文章の言い方か、相談例の household を見直してください", "review the text or the scenario's household",
     expected="母: care ／ 本人: employment", read="なし")


# ---- interop: review worklist (T72x), review / export / new commands (C62x) -----------

_add("NAV-T720", "{today} から {within} 日以内に確認の要る窓口・ルールはありません",
     "nothing is due for review within {within} days of {today}", within=30, today="2026-12-02")
_add("NAV-T721", "{today} から {within} 日以内: 未確認 {never} 件、確認期限切れ {overdue} 件、期限が近いもの {due} 件",
     "within {within} days of {today}: {never} never verified, {overdue} overdue, {due} due soon",
     "計画や担当課に確かめたら navigator review --mark ファイル:行 で確認済みにします",
     "after checking one, mark it with navigator review --mark FILE:LINE",
     within=30, today="2026-12-02", never=3, overdue=1, due=2)
_add("NAV-T722", "{kind}「{id}」（{name}）: 最終確認日の記録がありません（未確認）",
     "{kind} '{id}' ({name}): never verified (no last_verified)",
     kind=Both("窓口", "contact"), id="asaka-fukushi-sodan", name="福祉の総合相談")
_add("NAV-T723", "{kind}「{id}」（{name}）: 確認期限 {due} を {days} 日過ぎています（最終確認日 {last}、確認者 {by}）",
     "{kind} '{id}' ({name}): {days} days past its review date {due} (last verified {last} by {by})",
     kind=Both("窓口", "contact"), id="asaka-fukushi-sodan", name="福祉の総合相談", due="2026-04-01", days=245,
     last="2025-04-01", by="福祉相談課")
_add("NAV-T724", "{kind}「{id}」（{name}）: 確認期限 {due} まであと {days} 日（最終確認日 {last}、確認者 {by}）",
     "{kind} '{id}' ({name}): due for review on {due}, in {days} days (last verified {last} by {by})",
     kind=Both("ルール", "rule"), id="asaka-poverty-jiritsu", name="生活困窮者・世帯の自立支援", due="2026-12-20",
     days=18, last="2025-12-20", by="記録なし")
_add("NAV-T725", "記録なし", "not recorded")
_add("NAV-T726", "{path}: {kind}「{id}」を {today} に確認済みにしました", "{path}: {kind} '{id}' marked verified on {today}",
     path="contacts/asaka.yaml", kind=Both("窓口", "contact"), id="asaka-fukushi-sodan", today="2026-12-02")
_add("NAV-T727", "{path} に書き出しました（{tables}）", "wrote {path} ({tables})", path="hsds/", tables="services 28")
_add("NAV-T728", "{path} を作りました", "created {path}", path="rules/newtown.yaml")
_add("NAV-T729", "まだ足りないもの: {missing}", "still missing: {missing}",
     "足してから navigator check で確かめてください", "fill them in, then run navigator check",
     missing="name, prefecture")

_add("NAV-E240", "受付日時（availability）の {key} の書き方が違います: 「{value}」",
     "availability's {key} is written wrongly: '{value}'",
     "days は 月火水木金土日 の字（例: 月水金）、opens・closes は 13:00 のように書き、closes を opens より後にします",
     "days: weekday characters such as 月水金; opens and closes as 13:00, closes after opens",
     key="opens", value="午後1時")
_add("NAV-C621", "確認済みにする窓口・ルールが見つかりません: {target}", "no contact or rule found for {target}",
     "navigator review が示す ファイル:行 か、窓口・ルールの id を指定してください",
     "give FILE:LINE as navigator review prints it, or a contact or rule id", target="contacts/asaka.yaml:999")
_add("NAV-C622", "{path} の「{id}」を書き換えられません（{detail}）", "cannot edit '{id}' in {path} ({detail})",
     "その項目に last_verified: 年-月-日 を手で書いてください", "write last_verified: YYYY-MM-DD into that entry by hand",
     path="contacts/asaka.yaml", id="asaka-fukushi-sodan", detail="the entry is written on one line")
_add("NAV-C623", "{path} に書き出せません（{detail}）", "cannot write to {path} ({detail})",
     "書き込めるフォルダを指定してください", "give a folder you can write to", path="out/", detail="Permission denied")
_add("NAV-C624", "{path} を読み込めません（{detail}）", "cannot read {path} ({detail})",
     "HSDS のフォルダ（services.json などのあるもの）か DS-451 の CSV を指定してください",
     "give an HSDS folder (with services.json …) or a DS-451 CSV file", path="hsds/", detail="services.json がありません")
_add("NAV-C625", "市町村「{mid}」のファイルはもうあります（{path}）", "municipality '{mid}' already exists ({path})",
     "別の id にするか、今のファイルを直接直してください", "choose another id or edit the existing files",
     mid="asaka", path="rules/asaka.yaml")
_add("NAV-C626", "市町村の id「{mid}」は使えません", "'{mid}' cannot be a municipality id",
     "半角の英小文字・数字・ハイフンで書いてください（例: kawaguchi）", "use lower-case letters, digits and hyphens",
     mid="川口市")

# ---- the staff guide's table ------------------------------------------------------------

GUIDE_START = "<!-- 番号の一覧: navigator/messages.py から生成（python -m navigator.messages docs/editing-rules.md）-->"
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


if __name__ == "__main__":  # rewrite the guide's table after changing the catalogue
    import sys
    from pathlib import Path

    target = Path(sys.argv[1])
    target.write_text(with_guide_table(target.read_text(encoding="utf-8")), encoding="utf-8")
