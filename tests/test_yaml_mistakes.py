"""The common YAML mistakes of people editing by hand: each gets its own code, points at the
line where the mistake is (not where the parser gave up), says how to fix it in Japanese, and
shows the line with a caret."""

from __future__ import annotations

import pytest

from navigator.loading import load
from navigator.problems import describe_all
from test_loading import replace

CONTACTS = "contacts/town.yaml"


def only_problem(mini, path: str):
    loaded = load(mini / "rules", mini / "contacts")
    mine = [p for p in loaded.problems if p.path.endswith(path)]
    assert len(mine) == 1, [str(p) for p in loaded.problems]
    return mine[0]


# (what is wrong, old text, new text, line, column, code, words the fix must contain)
MISTAKES = [
    ("tab", "    department: 福祉課\n", "\tdepartment: 福祉課\n", 10, 1, "NAV-E102", "半角スペース"),
    ("full-width space", "    department: 福祉課\n", "\u3000\u3000department: 福祉課\n", 10, 1, "NAV-E115", "全角スペースを消して"),
    ("full-width colon", "    department: 福祉課\n", "    department：福祉課\n", 10, 15, "NAV-E113", "「department: 値」"),
    ("indented too deep", "    department: 福祉課\n", "      department: 福祉課\n", 10, 7, "NAV-E103",
     "「window:」と同じ位置（5 桁目）"),
    ("indented too shallow", "    department: 福祉課\n", "   department: 福祉課\n", 10, 4, "NAV-E104",
     "「window:」と同じ位置（5 桁目）"),
    ("missing colon", "    department: 福祉課\n", "    department 福祉課\n", 10, 5, "NAV-E105",
     "「department: 値」"),
    ("missing space after colon", "    department: 福祉課\n", "    department:福祉課\n", 10, 16, "NAV-E106",
     "「department: 福祉課」"),
    ("unclosed double quote", 'phone: "0000-00-0000"', 'phone: "0000-00-0000', 12, 12, "NAV-E107", "\""),
    ("unclosed single quote", "    window: 自立相談\n", "    window: '自立相談\n", 9, 13, "NAV-E107", "'"),
    ("unclosed bracket", "source: {file: town.txt, section: 第1章, quote: 計画の一文}\n  - id: town-jiritsu",
     "source: {file: town.txt, section: 第1章, quote: 計画の一文\n  - id: town-jiritsu", 7, 13, "NAV-E108", "}"),
    ("list item without -", "  - id: town-shakyo\n", "    id: town-shakyo\n", 14, 5, "NAV-E109",
     "「- 」"),
    ("item without - at the list's column", "  - id: town-shakyo\n", "  id: town-shakyo\n", 14, 3, "NAV-E109",
     "「- 」"),
    ("colon inside a value", "    window: 自立相談\n", "    window: 自立相談: 平日のみ\n", 9, 13, "NAV-E111",
     "引用符で囲んで"),
    ("no space after -", "  - id: town-shakyo\n", "  -id: town-shakyo\n", 14, 3, "NAV-E112", "「- 」"),
]


@pytest.mark.parametrize("what, old, new, line, column, code, fix", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_each_mistake_is_named_at_its_line(mini, what, old, new, line, column, code, fix):
    replace(mini / CONTACTS, old, new)
    p = only_problem(mini, CONTACTS)
    assert (p.line, p.column, p.code) == (line, column, code), str(p)
    assert fix in p.hint, p.hint
    shown = describe_all([p])
    source_line = (mini / CONTACTS).read_text(encoding="utf-8").split("\n")[line - 1]
    assert f"{line:>4} | {source_line.replace(chr(9), '→')}" in shown and "^" in shown and "直し方:" in shown


def test_the_caret_stands_under_the_column_even_after_japanese_text(mini):
    replace(mini / CONTACTS, "    window: 自立相談\n", "    window: 自立相談: 平日のみ\n")
    shown = describe_all([only_problem(mini, CONTACTS)]).split("\n")
    line, caret = shown[1], shown[2]
    assert caret.index("^") == line.index("自")  # column 13: the value after `window: `


def test_a_dedented_quote_is_a_key_at_the_wrong_level_not_a_misspelt_notes(mini):
    replace(mini / CONTACTS, "    source: {file: town.txt, section: 第3章, quote: 計画の一文}\n  - id: town-choju",
            "    source:\n      file: town.txt\n      section: 第3章\n    quote: 計画の一文\n  - id: town-choju")
    p = only_problem(mini, CONTACTS)
    assert (p.line, p.column, p.code) == (25, 5, "NAV-E110")
    assert "「source」の中に書く項目" in p.message and "7 桁目" in p.hint and "notes" not in p.hint


def test_a_wrong_level_key_in_a_flow_mapping_says_to_put_it_inside_the_braces(mini):
    replace(mini / "rules" / "town.yaml", "    source: {file: town.txt, section: 第2章, quote: 計画の一文}\n",
            "    source: {file: town.txt, section: 第2章}\n    quote: 計画の一文\n")
    p = only_problem(mini, "rules/town.yaml")
    assert p.code == "NAV-E110" and p.line == 24 and "{ }" in p.hint


def test_a_list_item_without_dash_inside_a_rule_is_explained(mini):
    # `- ` left out of a whole rule: YAML reads its keys as duplicates of the rule above
    replace(mini / "rules" / "town.yaml", "  - id: town-housing\n", "    id: town-housing\n")
    p = only_problem(mini, "rules/town.yaml")
    assert (p.line, p.column, p.code) == (17, 5, "NAV-E109") and "「- 」" in p.hint


def test_an_unclosed_bracket_at_the_end_of_the_file(mini):
    (mini / "rules" / "town.yaml").write_text("municipality: [\n", encoding="utf-8")
    p = only_problem(mini, "rules/town.yaml")
    assert (p.line, p.column, p.code) == (1, 15, "NAV-E108")


def test_an_unclosed_quote_is_found_where_it_opens_not_at_the_end(mini):
    replace(mini / CONTACTS, "    window: 総合相談\n", '    window: "総合相談\n')
    p = only_problem(mini, CONTACTS)
    assert (p.line, p.column, p.code) == (4, 13, "NAV-E107")
