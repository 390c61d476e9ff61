"""`navigator edit`, driven as staff would: the saved file differs from the original only on the
lines the person changed; a change that fails check is never written."""

from __future__ import annotations

import datetime as dt
import shutil

from textual.widgets import Button, Input, OptionList, Static

from navigator import edit
from navigator.loading import load
from navigator.tui.editor import ContactForm, EditorApp, PickItem, Review
from conftest import ROOT

SIZE = (120, 40)
TODAY = dt.date(2026, 12, 2)


def shipped_copy(tmp_path):
    for folder in ("rules", "contacts"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


async def choose(pilot, app, option_id: str) -> None:
    options = app.screen.query_one(OptionList)
    options.highlighted = next(i for i in range(options.option_count)
                               if options.get_option_at_index(i).id == option_id)
    await pilot.press("enter")
    await pilot.pause()


async def type_into(pilot, field: str, text: str) -> None:
    await pilot.click(f"#field-{field}")
    await pilot.press("end", "ctrl+u", *text)


async def review_done(pilot, app) -> None:
    """Wait for the preview worker (check, test and diff on a copy) however long it takes."""
    assert isinstance(app.screen, Review)
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert app.screen.result is not None


async def test_phone_and_department_change_only_those_lines(tmp_path):
    folder = shipped_copy(tmp_path)
    path = folder / "contacts" / "asaka.yaml"
    original = path.read_bytes()
    app = EditorApp(folder / "rules", folder / "contacts", "asaka", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickItem)
        await choose(pilot, app, "contact:asaka-koken-sodan")
        assert isinstance(app.screen, ContactForm)
        assert app.screen.query_one("#field-phone", Input).value == ""  # null is shown empty
        await type_into(pilot, "department", "長寿はつらつ課")
        await type_into(pilot, "phone", "048-463-1111")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await review_done(pilot, app)
        shown = str(app.screen.query_one("#review-text", Static).render())
        assert "点検（check）: エラーなし" in shown and "+   38:     phone: \"048-463-1111\"" in shown
        assert "asaka: " in shown and "長寿はつらつ課" in shown  # what it does to real consultations
        assert path.read_bytes() == original  # nothing written before 保存する
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, PickItem)
    saved = path.read_bytes()
    before, after = original.split(b"\n"), saved.split(b"\n")
    assert len(before) == len(after)
    changed = [i for i, (a, b) in enumerate(zip(before, after)) if a != b]
    assert [before[i] for i in changed] == ["    department: 福祉相談課 障害福祉課 長寿はつらつ課".encode(),
                                            b"    phone: null"]
    assert [after[i] for i in changed] == ["    department: 長寿はつらつ課".encode(), b'    phone: "048-463-1111"']
    contact = load(folder / "rules", folder / "contacts").ruleset.plans["asaka"].contacts["asaka-koken-sodan"]
    assert (contact.department, contact.phone) == ("長寿はつらつ課", "048-463-1111")


async def test_a_change_that_fails_check_is_never_written(tmp_path):
    folder = shipped_copy(tmp_path)
    path = folder / "contacts" / "asaka.yaml"
    original = path.read_bytes()
    app = EditorApp(folder / "rules", folder / "contacts", "asaka", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await choose(pilot, app, "contact:asaka-koken-sodan")
        await type_into(pilot, "phone", "048(463)1111")  # check says: wrong format
        await pilot.press("ctrl+s")
        await pilot.pause()
        await review_done(pilot, app)
        assert app.screen.query_one("#save", Button).disabled
        assert "NAV-E406" in str(app.screen.query_one("#review-text", Static).render())
        app.screen.save()  # even if called, nothing is written
    assert path.read_bytes() == original


async def test_retiring_a_rule_comments_it_out(tmp_path):
    folder = shipped_copy(tmp_path)
    path = folder / "rules" / "asaka.yaml"
    app = EditorApp(folder / "rules", folder / "contacts", "asaka", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await choose(pilot, app, "rule:asaka-poverty-seikatsu-hogo")
        await review_done(pilot, app)
        await pilot.click("#save")
        await pilot.pause()
    text = path.read_text(encoding="utf-8")
    assert "  # 廃止したルール（2026-12-02、navigator edit）:\n  # - id: asaka-poverty-seikatsu-hogo\n" in text
    rules = load(folder / "rules", folder / "contacts").ruleset.plans["asaka"].rules
    assert "asaka-poverty-seikatsu-hogo" not in {r.id for r in rules}


def test_adding_a_contact_and_a_missing_key_keep_the_rest_of_the_file(tmp_path):
    folder = shipped_copy(tmp_path)
    text = (folder / "contacts" / "asaka.yaml").read_text(encoding="utf-8")
    added = edit.add_contact(text, {"id": "asaka-new", "window": "新しい窓口", "organization": "朝霞市"},
                             {"file": "004_b6eecb93f39a28fc.txt", "section": "基本目標1"})
    assert added.startswith(text[:text.rindex("\n# ファイルの終わり")])  # everything before is unchanged
    dated = edit.set_fields(text, "contacts", "asaka-koken-sodan", {"last_verified": dt.date(2026, 12, 2)})
    assert [line for line in edit.changed_lines(text, dated)] == ["+   46:     last_verified: 2026-12-02"]
    for new in (added, dated):
        (folder / "contacts" / "asaka.yaml").write_text(new, encoding="utf-8")
        assert load(folder / "rules", folder / "contacts").ok


def test_values_are_written_so_they_read_back_the_same():
    for value in ("長寿はつらつ課", "受付: 平日", "yes", "- 箇条", "#8008", "a #b", " 前後 "):
        assert edit.yaml.safe_load(f"k: {edit.scalar(value)}") == {"k": value}, value
    assert edit.scalar(None) == "null" and edit.scalar("0120-279-338", key="phone") == '"0120-279-338"'


SEEDS = ROOT.parent / "shared" / "seeds"
needs_plans = __import__("pytest").mark.skipif(not SEEDS.is_dir() and not __import__("os").environ.get("CI"),
                                               reason="needs ../shared/seeds")


@needs_plans
async def test_a_new_contact_cites_the_plan_by_choosing_its_heading_and_sentence(tmp_path):
    from textual.widgets import Select

    folder = shipped_copy(tmp_path)
    path = folder / "contacts" / "asaka.yaml"
    app = EditorApp(folder / "rules", folder / "contacts", "asaka", plans_dir=SEEDS, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await choose(pilot, app, "new-contact")
        await type_into(pilot, "id", "asaka-renshu")
        await type_into(pilot, "organization", "朝霞市")
        await type_into(pilot, "window", "地域包括支援センター")
        await pilot.pause()
        section, quote = app.screen.query_one("#field-section", Select), app.screen.query_one("#field-quote", Select)
        headings = [value for _, value in section._options if isinstance(value, str)]
        sentences = [value for _, value in quote._options if isinstance(value, str)]
        assert headings and sentences and all("地域包括支援センター" in s for s in sentences)
        section.value, quote.value = headings[0], sentences[0]
        await pilot.press("ctrl+s")
        await review_done(pilot, app)
        assert app.screen.result.ok, [str(p) for p in app.screen.result.problems]
        await pilot.click("#save")
        await pilot.pause()
    contact = load(folder / "rules", folder / "contacts").ruleset.plans["asaka"].contacts["asaka-renshu"]
    assert contact.source.quote == sentences[0] and contact.source.section == headings[0]
    assert contact.source.file == "004_b6eecb93f39a28fc.txt" and contact.window == "地域包括支援センター"


@needs_plans
def test_a_quote_that_is_not_in_the_plan_cannot_be_saved(tmp_path):
    folder = shipped_copy(tmp_path)
    path = folder / "contacts" / "asaka.yaml"
    text = edit.add_contact(path.read_text(encoding="utf-8"),
                            {"id": "asaka-renshu", "window": "練習の窓口", "organization": "朝霞市"},
                            {"file": "004_b6eecb93f39a28fc.txt", "section": "基本目標1", "quote": "計画に書かれていない文"})
    result = edit.preview(folder / "rules", folder / "contacts", path, text, "asaka", TODAY, SEEDS)
    assert not result.ok and any(p.code == "NAV-E413" for p in result.problems)
