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
    [msg] = messages(mini)
    assert msg.endswith("contacts/village.yaml:5:17: [error] YAML syntax error: while parsing a flow sequence "
                        "did not find expected ',' or ']' (it starts at line 4)")


def test_duplicate_key(mini):
    replace(mini / "rules" / "village.yaml", "    priority: 10\n", "    priority: 10\n    priority: 20\n")
    [msg] = messages(mini)
    assert msg.endswith("rules/village.yaml:13:5: [error] duplicate key 'priority' in a rule "
                        "(hint: a second value would silently replace the first)")


def test_unknown_key_suggests_the_right_one(mini):
    replace(mini / "rules" / "village.yaml", "    refer: [village-office]", "    refers: [village-office]")
    msgs = messages(mini)
    assert any(m.endswith("rules/village.yaml:11:5: [error] unknown key 'refers' in a rule "
                          "(hint: did you mean 'refer'?)") for m in msgs)
    assert any("rules/village.yaml:9:5: [error] a rule is missing required key 'refer'" in m for m in msgs)


def test_wrong_type(mini):
    replace(mini / "rules" / "village.yaml", "priority: 10", "priority: high")
    [msg] = messages(mini)
    assert msg.endswith("rules/village.yaml:12:15: [error] priority must be a whole number, not text")


def test_missing_required_field(mini):
    replace(mini / "contacts" / "village.yaml", "    window: 村役場\n", "")
    [msg] = messages(mini)  # and no follow-on error for the rules that refer to it
    assert msg.endswith("contacts/village.yaml:3:5: [error] a contact is missing required key 'window'")


def test_unknown_contact_reference(mini):
    replace(mini / "rules" / "town.yaml", "refer: [town-kodomo]", "refer: [kodomo-center]")
    [msg] = messages(mini)
    assert msg.endswith("rules/town.yaml:27:12: [error] rule 'town-abuse-child' refers to unknown contact "
                        "'kodomo-center'")


def test_unknown_concern_and_answer_value(mini):
    replace(mini / "rules" / "town.yaml", "concern: housing", "concern: housin")
    replace(mini / "rules" / "town.yaml", "who: [elder]", "who: [elderly]")
    msgs = messages(mini)
    assert any(m.endswith("rules/town.yaml:18:14: [error] rule 'town-housing' is for unknown concern 'housin'")
               for m in msgs)
    assert any("rules/town.yaml:34:26: [error] question 'who' has no option 'elderly', so this can never match"
               in m for m in msgs)


def test_duplicate_ids(mini):
    replace(mini / "rules" / "town.yaml", "  - id: town-housing", "  - id: town-poverty")
    [msg] = messages(mini)
    assert msg.endswith("rules/town.yaml:17:5: [error] duplicate rule id 'town-poverty' (first at line 10)")


def test_file_name_must_match_municipality_id(mini):
    replace(mini / "rules" / "village.yaml", "  id: village", "  id: vilage")
    [msg] = messages(mini)
    assert "rules/village.yaml:2:7: [error] municipality id 'vilage' differs from the file name 'village'" in msg


def test_yes_without_quotes_is_explained(mini):
    replace(mini / "rules" / "common.yaml", '{value: "yes", label: はい}', "{value: yes, label: はい}")
    msgs = messages(mini)
    assert any("rules/common.yaml:26:17: [error] option value must be text, but 'yes' reads as true/false" in m
               for m in msgs)


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
    msgs = messages(mini)
    assert any("anchors and aliases" in m for m in msgs)


def test_missing_directory(tmp_path):
    loaded = load(tmp_path / "nope", tmp_path / "nope2")
    assert not loaded.ok
    assert "rules directory not found" in str(loaded.problems[0])


def test_not_utf8(mini):
    (mini / "rules" / "village.yaml").write_bytes("municipality:\n  name: 村\n".encode("shift_jis"))
    msgs = messages(mini)
    assert any("rules/village.yaml:2:1: [error] file is not UTF-8 text" in m for m in msgs)


def test_load_only_one_municipality_does_not_read_the_others(mini):
    (mini / "rules" / "village.yaml").write_text("::: broken", encoding="utf-8")
    loaded = load(mini / "rules", mini / "contacts", only=["town"])
    assert loaded.ok and list(loaded.ruleset.plans) == ["town"]
