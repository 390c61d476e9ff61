"""Danger by letters (navigator/danger_letters.py): runs of two and three letters show danger in
misspelt, dialect or kana words no cue and no dictionary form matched; runs ordinary sentences use
as much raise nothing; told as past, denied or a story, nothing is weighed."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from navigator import danger_letters
from navigator.danger import detect
from navigator.loading import load
from navigator.model import DangerKind, DangerRules

ROOT = Path(__file__).resolve().parent.parent

CHOKED = ["かれしにくびをぎゅうぎゅうされた", "おっとにくびをぎゅうってされていきできん", "くびぎゅうされてこわい",
          "かれにくびぎゅうぎゅうされたの", "だんなにくびをぎゅうぎゅうやられた"]
ORDINARY = ["くびがこってかたがいたい", "まいにちかいものにいくのがたいへん", "かれしとけっこんのてつづきをしたい",
            "おっとのねんきんのてつづきがわからない", "だんなのしごとがみつからない", "こどものほいくえんをさがしている"]
RULES = DangerRules(kinds=(DangerKind("dv", "DV", ("dv-navi",), cues=("xyzzy",)),),
                    sentences=(("dv", tuple(CHOKED)),), plain_sentences=tuple(ORDINARY))


def test_runs_shared_with_the_danger_sentences_show_the_kind_and_are_the_reason():
    found = danger_letters.letters(RULES).weigh("かのじょ、もとかれにくびぎゅうぎゅうされたって")
    assert found and found[0] == "dv"
    assert found[1].startswith("文字「") and "ぎゅうぎゅうされた" in found[1]


def test_runs_ordinary_sentences_use_as_much_raise_nothing():
    assert danger_letters.letters(RULES).weigh("おっとのしごとのてつづきがわからない") is None


def test_a_kind_told_as_past_is_not_traded_for_another():
    # the runs lean to DV; told as past, DV is cancelled and no other kind takes its place
    assert danger_letters.letters(RULES).weigh("かれしにくびをぎゅうぎゅうされた", frozenset({"dv"})) is None


def test_runs_never_span_a_comma():
    assert "きす" not in danger_letters.runs("さっき、すごく")


def test_english_letters_are_not_weighed():
    # help・me lean to danger in the half-English danger sentences; the cues match English as words
    assert danger_letters.runs("Please help me 今すぐ") == ["今す", "すぐ", "今すぐ"]


def test_without_ordinary_sentences_there_is_nothing_to_weigh_against():
    assert danger_letters.letters(DangerRules(kinds=RULES.kinds, sentences=RULES.sentences)) is None


def test_detect_falls_back_to_letters_when_nothing_else_speaks():
    # no cue matches (xyzzy), no example, no dictionary needed
    found = detect(RULES, "ともだちが かれしに くびを ぎゅうぎゅう されたって")
    assert found.kinds == ("dv",) and found.hits[0].cue.startswith("文字「")


@pytest.mark.parametrize("text", [
    "映画で、かれしにくびをぎゅうぎゅうされたの",            # a story: its sentence is not weighed
])
def test_a_story_weighs_nothing(text):
    fiction = DangerRules(kinds=RULES.kinds, fiction=("映画",), sentences=RULES.sentences,
                          plain_sentences=RULES.plain_sentences)
    assert not detect(fiction, text).detected


def test_the_shipped_sentences_load_and_teach_every_kind_with_lines(shipped):
    danger = danger_letters.read(shipped.common.danger)
    taught = {kind for kind, sentences in danger.sentences if sentences}
    assert {"violence_now", "medical", "suicide", "child", "sexual", "dv"} <= taught
    assert len(danger.plain_sentences) > 1000


@pytest.mark.parametrize("text", [
    "さっき、すごく怖かったです",
    "終活の本を調べて、エンディングノートを書いています",
    "昔は夫に殴られていた",
    "Please help me fill in this form",
    "夫の腕をつかんで散歩しています",
])
def test_shipped_letters_raise_nothing_for_harmless_or_past_words(shipped, text):
    assert not detect(shipped.common.danger, text).detected


def test_an_unknown_kind_in_the_sentences_file_is_named_at_its_line_and_column(tmp_path):
    for folder in ("rules", "contacts"):
        shutil.copytree(Path(__file__).resolve().parent.parent / folder, tmp_path / folder)
    path = tmp_path / "rules" / "danger_sentences" / "danger.yaml"
    text = path.read_text(encoding="utf-8")
    line = text[: text.index("  medical:")].count("\n") + 1
    path.write_text(text.replace("  medical:", "  medicle:", 1), encoding="utf-8")
    found = [p for p in load(tmp_path / "rules", tmp_path / "contacts").problems if p.code == "NAV-E329"]
    assert [(p.line, p.column) for p in found] == [(line, 3)] and "medicle" in str(found[0])


def test_the_shipped_counts_are_used_and_are_what_the_sentences_give(shipped):
    danger = shipped.common.danger
    table = json.loads(danger_letters.TABLE.read_text(encoding="utf-8"))
    assert table["digest"] == danger_letters.digest(danger)       # else: make forms
    assert not danger.sentences and len(danger.sentence_files) > 20   # made from them: not even read
    learnt = danger_letters.Letters.learn(danger_letters.read(danger))
    used = danger_letters.letters(danger)
    assert used.lean == learnt.lean and used.kinds == learnt.kinds


def test_an_edited_sentence_file_is_read_and_counted(shipped, tmp_path):
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    shutil.copytree(ROOT / "contacts", tmp_path / "contacts")
    path = tmp_path / "rules" / "danger_sentences" / "danger.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "danger:\n  violence_now:\n", "danger:\n  violence_now:\n" + "".join(f"    - \"{n}ぞうきんしぼりみたいにくびをしぼられた\"\n" for n in "一二三"), 1), encoding="utf-8")
    danger = load(tmp_path / "rules", tmp_path / "contacts", only=[]).ruleset.common.danger
    assert any("三ぞうきんしぼりみたいにくびをしぼられた" in texts for kind, texts in danger.sentences if kind == "violence_now")
    assert not danger_letters.made_for(danger)
    assert "しぼら" in danger_letters.letters(danger).kinds["violence_now"]


def test_an_edited_sentence_counts_at_once_without_make_forms(shipped):
    danger = danger_letters.read(shipped.common.danger)
    edited = replace(danger, sentences=danger.sentences + (("dv", ("ぞうきんしぼりみたいにくびをしぼられた",) * 5),))
    assert danger_letters.digest(edited) != danger_letters.digest(danger)
    assert "しぼら" in danger_letters.letters(edited).kinds["dv"]


def test_runs_never_span_a_half_width_comma():
    assert "とけ" not in danger_letters.runs("ｵｯﾄ､ｹﾗﾚﾀ")


@pytest.mark.parametrize("damage", ['{"lean": null, "kinds": {}}', '{"lean": {}, "kinds": []}', '{"lean": {"ab": "x"}, "kinds": {}}'])
def test_a_damaged_table_with_the_right_digest_is_counted_again(shipped, tmp_path, monkeypatch, damage):
    danger = shipped.common.danger
    table = tmp_path / "danger_letters.json"
    table.write_text(damage.replace("{", '{"digest": "%s", ' % danger_letters.digest(danger), 1), encoding="utf-8")
    monkeypatch.setattr(danger_letters, "TABLE", table)
    danger_letters.letters.cache_clear()
    try:
        assert danger_letters.letters(danger).lean == danger_letters.Letters.learn(danger_letters.read(danger)).lean
    finally:
        danger_letters.letters.cache_clear()


def test_an_edit_in_the_sentences_folder_is_seen_by_live_reload(tmp_path):
    from navigator.tui.watch import Snapshot

    folder = tmp_path / "rules" / "danger_sentences"
    folder.mkdir(parents=True)
    (folder / "danger.yaml").write_text("danger: {}\nend: true\n", encoding="utf-8")
    before = Snapshot.of(tmp_path / "rules")
    (folder / "danger.yaml").write_text("danger: {dv: [夫に殴られた]}\nend: true\n", encoding="utf-8")
    assert Snapshot.of(tmp_path / "rules") != before
