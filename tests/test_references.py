"""References and their knock-on effects: did-you-mean for every kind of id, errors before
warnings, warnings that only follow from an error folded under it, and a summary that names
every municipality with errors."""

from __future__ import annotations

import json

from navigator.cli import main
from navigator.loading import load
from test_loading import replace


def codes(folder):
    return [(p.line, p.code, p.hint) for p in load(folder / "rules", folder / "contacts").problems]


def check(capsys, folder, *more):
    code = main(["check", "--rules", str(folder / "rules"), "--contacts", str(folder / "contacts"), *more])
    return code, capsys.readouterr().out


def test_unknown_question_in_a_condition_suggests_the_question(mini):
    replace(mini / "rules" / "town.yaml", "when: {answer: {who: child}}", "when: {answer: {whoo: child}}")
    [(line, code, hint)] = codes(mini)
    assert (line, code) == (26, "NAV-E305") and "「who」の書き間違いではありませんか" in hint


def test_unknown_concern_of_a_question_suggests_the_concern(mini):
    text = (mini / "rules" / "common.yaml").read_text(encoding="utf-8")
    assert "concerns: [abuse" in text
    replace(mini / "rules" / "common.yaml", "concerns: [abuse", "concerns: [abuze")
    assert any(code == "NAV-E303" and "「abuse」の書き間違い" in hint for _, code, hint in codes(mini))


def test_unknown_concern_in_a_condition_suggests_the_concern(mini):
    replace(mini / "rules" / "town.yaml", "when: {answer: {who: child}}", "when: {concern: povrty}")
    [(line, code, hint)] = codes(mini)
    assert (line, code) == (26, "NAV-E304") and "「poverty」の書き間違い" in hint


def test_an_unknown_contact_comes_first_with_its_knock_on_warnings_folded_under_it(mini, capsys):
    replace(mini / "rules" / "town.yaml", "refer: [town-kodomo]", "refer: [town-kodomoo]")
    code, out = check(capsys, mini)
    assert code == 1
    blocks = out.strip().split("\n\n")
    assert "[NAV-E308]" in blocks[0] and "「town-kodomo」の書き間違いではありませんか" in blocks[0]
    assert "↳ このエラーから起きている注意" in blocks[0] and "town-kodomo" in blocks[0].split("↳")[1]
    assert "NAV-W405" in blocks[0]  # town-kodomo unused only because the rule was left out
    assert all("[エラー]" not in b for b in blocks[1:])  # errors first
    code, out = check(capsys, mini, "--format", "json")
    first = json.loads(out)[0]
    assert first["code"] == "NAV-E308" and [f["code"] for f in first["follows"]] == ["NAV-W405"]


def test_errors_come_before_warnings(mini, capsys):
    replace(mini / "contacts" / "village.yaml", "    organization: 村\n", "    organization: 村\n    valid_until: 2020-01-01\n")
    replace(mini / "rules" / "village.yaml", "priority: 10", "priority: 0")
    code, out = check(capsys, mini, "--format", "json")
    levels = [p["severity"] for p in json.loads(out)]
    assert levels[0] == "error" and "error" not in levels[levels.index("warning"):]


def test_the_summary_names_a_municipality_dropped_by_a_syntax_error(mini, capsys):
    (mini / "contacts" / "village.yaml").write_text("municipality: village\ncontacts: [\n", encoding="utf-8")
    code, out = check(capsys, mini)
    assert code == 1
    lines = out.splitlines()
    assert "エラーのある市町村:" in lines and "  village: 読み込めません（数に入っていません） エラー 1 件" in lines
    assert lines[-1].startswith("エラー 1 件、") and "市町村 2（読み込めたもの 1）" in lines[-1]
