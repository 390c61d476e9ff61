"""The referral slip as desks use it: every field, two consent variants, the 民生委員 variant,
names that never collide, a folder outside any git work tree, and an A4 page to print."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from navigator.community import community_dir, for_municipality, load_items
from navigator.engine import Case, Person, route
from navigator.render.slip import CONSENT_NO, CONSENT_YES, MINSEI, SlipRequest, render, render_html
from navigator.render.slip_file import default_folder, inside_git, unique_path
from conftest import ROOT

NOW = dt.datetime(2026, 12, 2, 9, 5, 7)
WORDS = "母が認知症で、私も仕事を辞めて介護していて限界です"


@pytest.fixture(scope="module")
def household(shipped):
    mother = Person("p1", "母", ("care", "guardianship"), {"who": "elder", "capacity": "cannot_decide"}, age=80)
    me = Person("p2", "本人", ("employment",), {"who": "adult"}, client=True)
    return route(shipped, Case("asaka", persons=(mother, me), main="care"))


def slip(shipped, result, **request) -> str:
    community = for_municipality(load_items(community_dir(ROOT / "rules")), result.municipality.id)
    return render(shipped, result, markdown=False, consent=request.get("consent", False), version="abc123",
                  request=SlipRequest(**request), now=NOW, community=community)


def test_the_desk_slip_has_every_field(shipped, household):
    text = slip(shipped, household, consent=True, include_text=True, free_text=WORDS)
    for field in ("作成日時: 2026-12-02 09:05", "市町村: 朝霞市", "来談者: 本人", "本人: 母（80歳）",
                  CONSENT_YES, "◎介護・認知症", "○成年後見・権利擁護", "○就労", "ルールの版: abc123",
                  "■ 相談先（上から順に）", "1. 福祉の総合相談", "電話: 記載なし", "受付時間: 記載なし",
                  "最終確認日: ", "■ 次にすること", "窓口の担当者が 福祉の総合相談", "持ち物:",
                  "■ 相談内容（本人の言葉）", WORDS):
        assert field in text, field
    first = household.referrals[0].contact
    assert f"最終確認日: {first.last_verified.isoformat()}" in text if first.last_verified else True
    assert "（母（80歳）のこと）" in text and "（本人のこと）" in text


def test_a_window_without_a_phone_in_the_plan_gets_a_blank_to_write_one_in(shipped, household):
    from navigator.render.slip import WRITE_IN

    text = slip(shipped, household, consent=True)
    rows = [line for line in text.split("\n") if line.lstrip().startswith("電話: ")]
    assert any("電話: 記載なし" + WRITE_IN in row for row in rows)
    assert not any(WRITE_IN in row for row in rows if re.search(r"電話: [0-9#]", row))  # never beside a number


def test_without_consent_the_slip_keeps_the_residents_words_out(shipped, household):
    text = slip(shipped, household, consent=False, include_text=True, free_text=WORDS)
    assert CONSENT_NO in text and CONSENT_YES not in text
    assert WORDS not in text and "相談内容（本人の言葉）" not in text
    assert "本人（またはご家族）から 福祉の総合相談" in text


def test_the_minsei_variant_has_what_neighbours_can_do_and_a_note_to_fill(shipped, household):
    desk = slip(shipped, household, consent=True)
    minsei = slip(shipped, household, consent=True, variant=MINSEI)
    assert "地域でできること" not in desk
    assert "民生委員用" in minsei and "■ 地域でできること（計画の言葉）" in minsei
    assert "「近所の高齢者や障害のある人に関心を持ち、声かけや見守りを心がけましょう。」" in minsei
    assert "民生委員（氏名・担当地区）" in minsei and "□ 同行した" in minsei and "守秘義務" in minsei
    assert "民生委員が 福祉の総合相談" in minsei


def test_each_slip_gets_its_own_name(tmp_path):
    first = unique_path(tmp_path, NOW)
    assert first.name == "つなぎシート_2026-12-02_090507.html"
    first.write_text("x")
    second = unique_path(tmp_path, NOW)
    assert second != first and second.name == "つなぎシート_2026-12-02_090507_2.html"
    assert unique_path(tmp_path, NOW + dt.timedelta(seconds=1)).name.endswith("090508.html")


def test_the_default_folder_is_never_inside_a_git_work_tree(tmp_path, monkeypatch):
    monkeypatch.delenv("NAVIGATOR_SLIPS", raising=False)
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    assert default_folder() == home / "Documents" / "つなぎシート"
    (home / ".git").mkdir()  # a home folder kept in git (dotfiles)
    assert not inside_git(default_folder())
    monkeypatch.setenv("NAVIGATOR_SLIPS", str(tmp_path / "chosen"))
    assert default_folder() == tmp_path / "chosen"
    assert inside_git(ROOT / "つなぎシート")  # where `make run` used to write them


def test_the_html_slip_is_an_a4_page_with_a_print_button_and_nothing_from_elsewhere(shipped, household):
    page = render_html(shipped, household, SlipRequest(consent=True), "abc123", NOW)
    assert "@page { size: A4;" in page and "window.print()" in page and 'lang="ja"' in page
    assert "Noto Sans CJK JP" in page and "Yu Gothic" in page
    assert not re.search(r"(src|href)=|https?://|@import|url\(", page)
    text = slip(shipped, household, consent=True)
    for line in ("来談者: 本人", "◎介護・認知症", "1. 福祉の総合相談", "次にすること"):
        assert line in text and line in page  # the same slip, two renderings


def test_the_html_slip_escapes_what_it_shows(shipped, household):
    request = SlipRequest(consent=True, include_text=True, free_text='<script>alert(1)</script> & "x"')
    page = render_html(shipped, household, request, "abc123", NOW)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;" in page


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDFTOPPM = shutil.which("pdftoppm")


@pytest.mark.skipif(not (CHROMIUM and PDFTOPPM), reason="needs chromium and poppler-utils (.ci/run installs them)")
def test_three_referrals_print_on_one_a4_page(shipped, tmp_path):
    result = route(shipped, Case("asaka", ("poverty",), {"seikatsu_hogo": "no"}))
    assert len(result.referrals) >= 3
    html_path = tmp_path / "slip.html"
    html_path.write_text(render_html(shipped, result, SlipRequest(consent=True), "abc123", NOW), encoding="utf-8")
    pdf = tmp_path / "slip.pdf"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", html_path.as_uri()], check=True, capture_output=True, timeout=120)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M), info
    assert re.search(r"Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)", info), info
    subprocess.run([PDFTOPPM, "-png", "-r", "60", str(pdf), str(tmp_path / "slip")], check=True, timeout=120)
    [png] = list(tmp_path.glob("slip*.png"))
    assert png.stat().st_size > 10_000  # text drawn, not a blank page
