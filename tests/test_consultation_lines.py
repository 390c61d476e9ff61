"""188 and 法テラス: national consultation lines shown for their concerns, not called urgent;
and a danger case never routes on a guess from example similarity."""

from __future__ import annotations

import json

from navigator.cli import main


def route(capsys, municipality: str, text: str, fmt: str = "json"):
    assert main(["route", "-m", municipality, "--text", text, "--format", fmt]) == 0
    out, _ = capsys.readouterr()
    return json.loads(out) if fmt == "json" else out


def test_fraud_brings_the_consumer_hotline_as_a_consultation_line(capsys):
    data = route(capsys, "asaka", "訪問販売で高い布団を買わされて、解約したい")
    assert "consumer" in [c["id"] for c in data["concerns"]]
    assert [e["phone"] for e in data["emergency"]] == ["188"]
    assert not data["danger"]["detected"]
    text = route(capsys, "asaka", "訪問販売で高い布団を買わされて、解約したい", "text")
    assert "全国共通の相談窓口" in text and "緊急" not in text


def test_debt_brings_houterasu(capsys):
    data = route(capsys, "shimotsuke", "借金が返せなくて弁護士に相談したい")
    assert "legal" in [c["id"] for c in data["concerns"]]
    assert "0570-078374" in [e["phone"] for e in data["emergency"]]


def test_danger_with_only_an_example_guess_goes_to_the_general_window(capsys):
    data = route(capsys, "asaka", "今すぐ助けて、あの人に殺される")
    assert data["danger"]["detected"] and data["emergency"][0]["phone"] == "110"
    assert data["concerns"] == []   # the 候補 from example similarity is not routed
    assert data["referrals"][0]["window"] == "福祉の総合相談"
    text = route(capsys, "asaka", "今すぐ助けて、あの人に殺される", "text")
    assert text.index("!! 緊急") < text.index("1. ")


def test_markdown_slip_keeps_html_and_images_inert():
    """B16: rule text or the resident's words never become live HTML or remote images in a .md slip."""
    from navigator.render import slip, slip_file
    from navigator.engine import Case, route
    from navigator.loading import load
    from conftest import ROOT

    ruleset = load(ROOT / "rules", ROOT / "contacts").ruleset
    result = route(ruleset, Case("asaka", ("poverty",), {}))
    words = "<script>alert(1)</script> ![x](http://example.com/t.png) [link](http://example.com)"
    sheet = slip.render(ruleset, result, markdown=True, consent=True, version="x", free_text=words)
    assert "<script>" not in sheet and "![x](" not in sheet and "](http" not in sheet
    assert "&lt;script&gt;" in sheet and "\\!\\[x\\]" in sheet
