"""地域でできること: every shipped municipality has its file; every entry quotes its plan verbatim,
from a passage on what residents and neighbours do (not the city's or 社協's own measures), inside
the section it names; `navigator check --plans` verifies the quotes; absence is told truthfully;
the TUI's `C` and the 民生委員 slip show it."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from navigator.cli import main
from navigator.community import NONE_IN_PLAN, community_dir, for_municipality, gather, load_items
from navigator.checks.quotes import PlanText, check_plans
from navigator.checks.quotes import squash as plans_squash
from conftest import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
FOLDER = community_dir(ROOT / "rules")
ITEMS = load_items(FOLDER)
# Plans with no passage at all on what residents can do; each must really have none (see below).
SILENT = {"shimotsuke": "003_d40f683f207df71f.txt"}
RESIDENT_MARKERS = ("市民・地域", "【市民】", "【地域】", "地域でできること", "市民ができること", "地域で取り組",
                    "ましょう", "しよう")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    if not SEEDS.is_dir():
        message = f"quotes not checked against the plans: put shared/ beside the checkout ({SEEDS} not found)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}


# ---- every municipality ---------------------------------------------------------------------


def test_every_shipped_municipality_has_its_community_file(shipped):
    assert not ITEMS.unreadable, ITEMS.unreadable
    assert set(ITEMS.read) == set(shipped.plans)
    assert {p.stem for p in FOLDER.glob("*.yaml")} == set(shipped.plans)  # <id>.yaml, named as the unread note says
    for mid in shipped.plans:
        found = for_municipality(ITEMS, mid)
        if mid in SILENT:
            assert not found and found.absent == NONE_IN_PLAN
        else:
            assert len(found) >= 3 if mid != "ageo" else len(found) >= 2, (mid, sorted(found))


def test_the_plans_with_entries_cover_what_they_speak_of():
    covered = {mid: set(for_municipality(ITEMS, mid)) for mid in ("maebashi", "isesaki", "ageo", "asaka")}
    assert {"abuse", "guardianship", "care", "disaster", "isolation", "poverty", "hikikomori", "unsure"} <= covered["maebashi"]
    assert {"care", "disability", "guardianship", "disaster", "isolation", "mobility", "unsure"} <= covered["isesaki"]
    assert {"isolation", "unsure"} <= covered["ageo"]
    assert {"abuse", "dv", "care", "employment", "poverty"} <= covered["asaka"]


def test_a_plan_said_to_have_nothing_really_has_nothing(seeds):
    for mid, name in SILENT.items():
        text = squash(seeds[name])
        assert not [m for m in RESIDENT_MARKERS if m in text], mid


def test_entries_name_known_concerns(shipped):
    known = {c.id for c in shipped.common.concerns}
    assert all(c in known for item in ITEMS for c in item.concerns)
    for item in ITEMS:  # each city's entries quote that city's own plan, the one its rules cite
        plan = shipped.plans[item.municipality]
        assert item.file in {r.source.file for r in plan.rules if r.source.file}, (item.municipality, item.file)


# ---- quotes: verbatim, in `navigator check`, from residents' passages --------------------------


def test_check_plans_finds_every_community_quote(seeds):
    problems = check_plans(sorted(FOLDER.glob("*.yaml")), SEEDS)
    assert not problems, "\n".join(map(str, problems))


def test_navigator_check_verifies_community_quotes(seeds, tmp_path, capsys):
    for name in ("rules", "contacts", "community"):
        shutil.copytree(ROOT / name, tmp_path / name)
    target = tmp_path / "community" / "isesaki.yaml"
    text = target.read_text(encoding="utf-8")
    old = "市内で受けられるサービスや制度について知ろう"
    line = text[:text.index(old)].count("\n") + 1
    target.write_text(text.replace(old, "市役所に毎日電話して制度を聞こう"), encoding="utf-8")
    code = main(["check", "--rules", str(tmp_path / "rules"), "--contacts", str(tmp_path / "contacts"),
                 "--plans", str(SEEDS)])
    out = capsys.readouterr().out
    assert code == 1
    located = [row for row in out.splitlines() if row.startswith(f"{target}:{line}:")]
    assert located and "NAV-E413" in located[0] and "市役所に毎日電話して制度を聞こう" in located[0], out


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


def _first_line(name: str, quote: str) -> tuple[int, int]:
    """(first, last) 0-based line of the quote's first occurrence (it may run over several lines)."""
    plan = PlanText.read(SEEDS / name)
    at = plan.text.index(plans_squash(quote))
    return plan.lines[at] - 1, plan.lines[at + len(plans_squash(quote)) - 1] - 1


def _preceding(lines: list[str], at: int, labels) -> str | None:
    return next((lines[i] for i in range(at, -1, -1) if lines[i] in labels), None)


MAEBASHI_LABELS = {"【市民】", "【地域】", "【市】", "【市社協】", "【市民・地域の取組】", "【市社協・市の取組】", "【具体的な取組】"}
AGEO_LABELS = {"【市民】", "【自治会・町内会・区会など】", "【団体など】", "【社会福祉法人など】", "市の取組", "社会福祉協議会の取組"}


def _maebashi(lines, first, last, parts):
    label = _preceding(lines, first, MAEBASHI_LABELS)
    assert label == parts[-1] and label in {"【市民】", "【地域】", "【市民・地域の取組】"}, label
    if label == "【市民・地域の取組】":  # the three headlines stand in goal order: the n-th is 基本目標n
        nth = sum(1 for i in range(first) if lines[i] == label)
        assert parts[0].startswith(f"基本目標{'１２３'[nth - 1]}"), (nth, parts[0])
        return
    starts = [i for i, line in enumerate(lines) if line == "【市民】"]  # each page opens with 【市民】
    page_start = max(i for i in starts if i <= first)
    page_end = min([i for i in starts if i > first] + [len(lines)])
    page = squash("".join(lines[page_start:page_end]))
    assert squash(parts[1]) in page, parts[1]
    if parts[0].startswith("(4)"):
        assert squash(parts[0]) in page, parts[0]  # the page's own footer names its goal


def _isesaki(lines, first, last, parts):
    if parts[-1] == "市民・地域の取り組み":  # the residents' box is the ● lines under its 施策
        assert lines[first].startswith("●"), lines[first]
        heading = next(lines[i] for i in range(first, -1, -1) if re.match(r"^施策[１２３]", lines[i]))
        assert squash(heading) == squash(parts[1]), heading
    else:  # 各主体の役割: the role text stands just above its actor
        after = next(line for line in lines[last + 1:] if line)
        assert parts[1] == "各主体の役割" and squash(parts[2]) == squash(after) and after.endswith("民"), after


def _ageo(lines, first, last, parts):
    label = _preceding(lines, first, AGEO_LABELS)
    assert label == parts[-1] and label in {"【市民】", "【自治会・町内会・区会など】"}, label
    box = next(i for i in range(first, -1, -1) if lines[i] == "地域で取り組んでみましょう")
    goal = next(lines[i] for i in range(box, -1, -1) if re.match(r"^取組\d：", lines[i]))
    assert parts[2] == "地域で取り組んでみましょう" and goal == parts[1], goal


def _asaka(lines, first, last, parts):
    heading = next(p for p in parts if p.startswith("方向性"))
    start = max(i for i in range(first) if squash(lines[i]) == squash(heading))
    block = lines[start + 1:first]
    assert not [line for line in block if re.match(r"^(方向性（|基本目標\d)", line)], heading
    assert "地域でできること" in block and _preceding(lines, first, {"【市民ができること】", "【関係団体等ができること】"}) \
        == "【市民ができること】" == parts[-1]


LAYOUT = {"maebashi": _maebashi, "isesaki": _isesaki, "ageo": _ageo, "asaka": _asaka}


@pytest.mark.parametrize("item", ITEMS, ids=[f"{i.municipality}:{i.quote[:12]}" for i in ITEMS])
def test_each_quote_is_what_residents_do_inside_its_own_section(seeds, item):
    text = seeds[item.file]
    parts = item.section.split(" > ")
    assert all(squash(p) in squash(text) for p in parts), item.section
    assert squash(item.quote) in squash(text)
    lines = _lines(text)
    first, last = _first_line(item.file, item.quote)
    LAYOUT[item.municipality](lines, first, last, parts)


def test_the_layout_check_rejects_the_citys_own_measures(seeds):
    """The check above can fail: a 【市】 sentence cited as 【市民】 is refused."""
    lines = _lines(seeds["000_ae7e9c46a45c5378.txt"])
    first, last = _first_line("000_ae7e9c46a45c5378.txt", "虐待防止に関する周知啓発や通報への迅速な対応に努めます")
    parts = ["(4) 具体的な取組 ― 基本目標２ 困りごとを共有し みんなで解決する まえばし",
             "②利用者本位のサービスと権利擁護の推進", "【市民】"]
    with pytest.raises(AssertionError):
        _maebashi(lines, first, last, parts)
    isesaki = _lines(seeds["001_acb89a4c2cc3c2be.txt"])
    first, last = _first_line("001_acb89a4c2cc3c2be.txt", "成年後見制度の充実と利用促進")
    with pytest.raises(AssertionError):
        _isesaki(isesaki, first, last, ["暮らしを守る地域づくり基本目標３", "施策２　福祉サービスの充実", "市民・地域の取り組み"])


# ---- absence, told truthfully ---------------------------------------------------------------


def test_a_broken_community_file_never_blocks_and_is_not_called_silence(tmp_path):
    (tmp_path / "community").mkdir()
    (tmp_path / "community" / "x.yaml").write_text("municipality: [\n", encoding="utf-8")
    (tmp_path / "rules").mkdir()
    items = load_items(community_dir(tmp_path / "rules"))
    assert items == [] and items.unreadable == {"x"}
    assert "読み込めませんでした" in for_municipality(items, "x").absent
    assert "書き写されていません" in for_municipality(items, "y").absent


def test_a_half_broken_file_gives_nothing_rather_than_part(tmp_path):
    text = (ROOT / "community" / "ageo.yaml").read_text(encoding="utf-8")
    (tmp_path / "ageo.yaml").write_text(text.replace("    quote: 地域行事などの開催", "    quotes: 地域行事などの開催"),
                                        encoding="utf-8")
    items = load_items(tmp_path)
    assert items == [] and "読み込めませんでした" in for_municipality(items, "ageo").absent


def test_gather_names_the_concerns_the_plan_is_silent_on():
    found, missing = gather(for_municipality(ITEMS, "maebashi"), ["care", "dv", "guardianship"])
    assert missing == ["dv"] and {c for c, _ in found} <= {"care", "guardianship"}
    assert len({item.quote for _, item in found}) == len(found)  # each quote once


# ---- shown: the TUI's C and the 民生委員 slip, for 前橋 -------------------------------------------


MAEBASHI_CARE = "地域においてサービス利用で困っている住民がいたときは、適切な福祉のサービスにつなげましょう"


async def test_c_shows_maebashis_words_for_the_selected_referral():
    from test_tui import answer_all_unknown, detail, put_text, shipped_app

    from navigator.tui.screens.result import ResultScreen

    app = shipped_app("maebashi")
    async with app.run_test(size=(80, 24)) as pilot:
        await put_text(pilot, app, "近所の一人暮らしのおばあさんが認知症で、介護サービスの使い方が分からず困っている")
        await pilot.press("enter")
        await answer_all_unknown(pilot, app)
        assert isinstance(app.screen, ResultScreen)
        assert "care" in (app.screen.selected.concerns or app.screen.result.concerns)
        assert "地域でできること" not in detail(app)
        await pilot.press("c")
        await pilot.pause()
        shown = squash(detail(app))
        assert squash(f"「{MAEBASHI_CARE}」") in shown
        assert squash("出典：(4) 具体的な取組 ― 基本目標２") in shown
        await pilot.press("c")
        await pilot.pause()
        assert "地域でできること" not in detail(app)


def _slip(shipped, mid: str, concerns: tuple[str, ...], variant: str | None = None) -> str:
    import datetime as dt

    from navigator.engine import Case, route
    from navigator.render.slip import SlipRequest, render

    result = route(shipped, Case(mid, concerns=concerns, answers={"who": "elder"}))
    request = SlipRequest(variant=variant) if variant else SlipRequest()
    return render(shipped, result, markdown=False, consent=True, version="v", request=request,
                  now=dt.datetime(2026, 12, 2, 9, 0), community=for_municipality(ITEMS, mid))


def test_the_minsei_slip_carries_maebashis_words(shipped):
    from navigator.render.slip import MINSEI

    minsei = _slip(shipped, "maebashi", ("care", "dv"), MINSEI)
    assert "■ 地域でできること（計画の言葉）" in minsei and f"「{MAEBASHI_CARE}」" in minsei
    assert "②利用者本位のサービスと権利擁護の推進 > 【地域】" in minsei
    assert "DV（配偶者などからの暴力）: 計画に記載なし" in minsei  # silence on DV is said, not hidden
    assert MAEBASHI_CARE not in _slip(shipped, "maebashi", ("care", "dv"))  # the desk variant has none


def test_the_shimotsuke_slip_says_the_plan_has_nothing(shipped):
    from navigator.render.slip import MINSEI

    assert NONE_IN_PLAN in _slip(shipped, "shimotsuke", ("care",), MINSEI)


def test_a_file_cut_short_is_unread_not_silence(tmp_path):
    text = (ROOT / "community" / "isesaki.yaml").read_text(encoding="utf-8")
    (tmp_path / "isesaki.yaml").write_text(text[:text.index("  - concerns: [guardianship]")], encoding="utf-8")
    items = load_items(tmp_path)
    assert items == [] and "読み込めませんでした" in for_municipality(items, "isesaki").absent


# ---- navigator check: the files' shape ---------------------------------------------------------


def test_check_reports_community_mistakes_at_their_line(shipped, tmp_path):
    from navigator.community import check_files

    concerns = {c.id for c in shipped.common.concerns}
    assert check_files(sorted(FOLDER.glob("*.yaml")), concerns) == []
    for path in FOLDER.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    edits = {"maebashi.yaml": [("concerns: [abuse]", "concerns: [abuze]"), ("municipality: maebashi", "municipality: maebasi")],
             "ageo.yaml": [("    quote: 地域行事", "    quotes: 地域行事")],
             "isesaki.yaml": [("end: true\n", "")],
             "shimotsuke.yaml": [("community: []", "community: [\n")]}
    for name, pairs in edits.items():
        text = (tmp_path / name).read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text
            text = text.replace(old, new)
        (tmp_path / name).write_text(text, encoding="utf-8")
    copies = sorted(tmp_path.glob("*.yaml"))
    found = {(Path(p.path).name, p.code) for p in check_files(copies, concerns)}
    assert found == {("maebashi.yaml", "NAV-E304"), ("maebashi.yaml", "NAV-E307"), ("ageo.yaml", "NAV-E204"),
                     ("ageo.yaml", "NAV-E205"), ("isesaki.yaml", "NAV-E017"), ("shimotsuke.yaml", "NAV-E108")}, found
    line = next(p.line for p in check_files(copies, concerns) if p.code == "NAV-E304")
    assert "abuze" in (tmp_path / "maebashi.yaml").read_text(encoding="utf-8").splitlines()[line - 1]


def test_navigator_check_runs_the_community_check(tmp_path, capsys):
    for name in ("rules", "contacts", "community"):
        shutil.copytree(ROOT / name, tmp_path / name)
    target = tmp_path / "community" / "ageo.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("[unsure]", "[unsur]"), encoding="utf-8")
    code = main(["check", "--rules", str(tmp_path / "rules"), "--contacts", str(tmp_path / "contacts"), "--no-plans"])
    out = capsys.readouterr().out
    assert code == 1 and "NAV-E304" in out and "「unsure」の書き間違い" in out, out


def test_check_takes_the_files_the_screens_would_read(mini, tmp_path):
    from navigator.community import files_in_use

    assert files_in_use(ROOT / "rules", ["maebashi", "ageo"]) == sorted(FOLDER.glob("*.yaml"))  # beside: all
    assert files_in_use(mini / "rules", ["town", "village"]) == []  # shipped ones of other towns: none
    assert [p.stem for p in files_in_use(mini / "rules", ["town", "isesaki"])] == ["isesaki"]
