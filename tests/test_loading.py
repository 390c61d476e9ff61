"""Each kind of mistake in a rule or contact file is reported with its exact path, line and column."""

from __future__ import annotations

import textwrap
from pathlib import Path

from navigator.loading import load


def write(path: Path, text: str) -> None:
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def messages(folder: Path) -> list[str]:
    loaded = load(folder / "rules", folder / "contacts")
    return [str(p) for p in loaded.problems]


def found(folder: Path) -> list[tuple[str, int, int, str]]:
    """(path below the folder, line, column, code) of every problem, as yamllint's tests compare."""
    loaded = load(folder / "rules", folder / "contacts")
    return [(p.path.split(folder.name + "/", 1)[-1], p.line, p.column, p.code) for p in loaded.problems]


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_clean_fixture_loads(mini):
    loaded = load(mini / "rules", mini / "contacts")
    assert loaded.ok
    assert set(loaded.ruleset.plans) == {"town", "village"}
    rule = loaded.ruleset.plans["town"].rules[0]
    assert (rule.id, rule.origin.line, rule.origin.column) == ("town-poverty", 10, 5)


def test_syntax_error_position(mini):
    write(mini / "contacts" / "village.yaml", """
        municipality: village
        contacts:
          - id: village-office
            window: [村役場
            organization: 村
    """)
    # The unreadable file is reported once, without follow-on "unknown contact" errors.
    assert found(mini) == [("contacts/village.yaml", 4, 13, "NAV-E108")]  # where the [ is left open
    [msg] = messages(mini)
    assert "かっこ（[）が閉じていません" in msg and "] を付けて" in msg


def test_duplicate_key(mini):
    replace(mini / "rules" / "village.yaml", "    priority: 10\n", "    priority: 10\n    priority: 20\n")
    assert found(mini) == [("rules/village.yaml", 13, 5, "NAV-E203")]
    [msg] = messages(mini)
    assert "キー「priority」が 2 回あります" in msg and "上書き" in msg


def test_unknown_key_suggests_the_right_one(mini):
    replace(mini / "rules" / "village.yaml", "    refer: [village-office]", "    refers: [village-office]")
    assert found(mini)[:2] == [("rules/village.yaml", 11, 5, "NAV-E204"), ("rules/village.yaml", 9, 5, "NAV-E205")]
    msgs = messages(mini)
    assert "知らないキー「refers」" in msgs[0] and "「refer」の書き間違いではありませんか" in msgs[0]
    assert "必要なキー「refer」がありません" in msgs[1]


def test_wrong_type(mini):
    replace(mini / "rules" / "village.yaml", "priority: 10", "priority: high")
    assert found(mini) == [("rules/village.yaml", 12, 15, "NAV-E210")]
    assert "「priority」は整数で書きます（今は文字です）" in messages(mini)[0]


def test_missing_required_field(mini):
    replace(mini / "contacts" / "village.yaml", "    window: 村役場\n", "")
    # and no follow-on error for the rules that refer to it
    assert found(mini) == [("contacts/village.yaml", 3, 5, "NAV-E205")]


def test_unknown_contact_reference(mini):
    replace(mini / "rules" / "town.yaml", "refer: [town-kodomo]", "refer: [kodomo-center]")
    assert found(mini) == [("rules/town.yaml", 27, 12, "NAV-E308")]
    [msg] = messages(mini)
    assert "ルール「town-abuse-child」が、ない窓口「kodomo-center」を指しています" in msg
    assert "「town-kodomo」の書き間違いではありませんか" in msg  # did you mean


def test_unknown_concern_and_answer_value(mini):
    replace(mini / "rules" / "town.yaml", "concern: housing", "concern: housin")
    replace(mini / "rules" / "town.yaml", "who: [elder]", "who: [elderly]")
    assert {("rules/town.yaml", 18, 14, "NAV-E304"), ("rules/town.yaml", 34, 26, "NAV-E306")} <= set(found(mini))
    msgs = messages(mini)
    assert any("相談の種類「housin」はありません" in m and "「housing」の書き間違い" in m for m in msgs)
    assert any("選択肢「elderly」はない" in m and "「elder」の書き間違い" in m for m in msgs)


def test_duplicate_ids(mini):
    replace(mini / "rules" / "town.yaml", "  - id: town-housing", "  - id: town-poverty")
    assert found(mini) == [("rules/town.yaml", 17, 5, "NAV-E301")]
    assert "（最初は 10 行目）" in messages(mini)[0]


def test_file_name_must_match_municipality_id(mini):
    replace(mini / "rules" / "village.yaml", "  id: village", "  id: vilage")
    assert found(mini) == [("rules/village.yaml", 2, 7, "NAV-E307")]


def test_yes_without_quotes_is_explained(mini):
    replace(mini / "rules" / "common.yaml", '{value: "yes", label: はい}', "{value: yes, label: はい}")
    assert ("rules/common.yaml", 26, 17, "NAV-E207") in found(mini)
    assert any('引用符で囲んでください: "yes"' in m for m in messages(mini))


def test_every_problem_is_collected_not_just_the_first(mini):
    replace(mini / "rules" / "town.yaml", "priority: 20", "priority: twenty")
    replace(mini / "contacts" / "village.yaml", "organization: 村", "organisation: 村")
    assert len(messages(mini)) >= 3


def test_aliases_are_refused(mini):
    write(mini / "contacts" / "village.yaml", """
        municipality: village
        contacts:
          - &a
            id: village-office
            window: 村役場
            organization: 村
            source: {file: village.txt, section: 第1章}
          - *a
    """)
    assert any(code == "NAV-E009" for *_, code in found(mini))


def test_missing_directory(tmp_path):
    loaded = load(tmp_path / "nope", tmp_path / "nope2")
    assert not loaded.ok
    assert loaded.problems[0].code == "NAV-E011" and "フォルダが見つかりません" in str(loaded.problems[0])


def test_not_utf8(mini):
    (mini / "rules" / "village.yaml").write_bytes("municipality:\n  name: 村\n".encode("shift_jis"))
    assert ("rules/village.yaml", 2, 1, "NAV-E003") in found(mini)


def test_load_only_one_municipality_does_not_read_the_others(mini):
    (mini / "rules" / "village.yaml").write_text("::: broken", encoding="utf-8")
    loaded = load(mini / "rules", mini / "contacts", only=["town"])
    assert loaded.ok and list(loaded.ruleset.plans) == ["town"]
