"""The shipped routing data (issue 13): names written once, the coverage table, the new concerns,
生活保護 told apart, and follow-up questions only where a city's rules read the answer."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from navigator.checks import coverage
from navigator.render import json as report_json, slip
from navigator.render import text as report
from navigator.engine import Case, questions_for, route
from navigator.intake import take
from navigator.checks.lint import lint
from navigator.files.contacts import MUNICIPALITY_NAME
from navigator.loading import load
from navigator.search import ConcernMatcher


def outputs(ruleset, result) -> str:
    """Every output a referral reaches, except the plan's own words (quotes and section paths
    stay verbatim): route text, route JSON, the slip."""
    text = "\n".join(l for l in report.as_text(ruleset, result).splitlines() if not l.lstrip().startswith("出典"))
    data = report_json.as_json(ruleset, result)
    for r in data["referrals"]:
        r.pop("source", None)
    sheet = "\n".join(l for l in slip.render(ruleset, result, markdown=False, consent=False, version="x")
                      .splitlines() if not l.lstrip().startswith("出典"))
    return "\n".join([text, json.dumps(data, ensure_ascii=False), sheet])


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    for name in ("rules", "contacts"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def loaded(folder: Path):
    result = load(folder / "rules", folder / "contacts")
    assert result.ok, "\n".join(map(str, result.problems))
    return result.ruleset


# ---- names in one place --------------------------------------------------------------


def test_no_window_note_or_reason_writes_a_name_out(shipped):
    result = load(ROOT / "rules", ROOT / "contacts")
    found = [str(p) for p in result.problems + lint(result.ruleset) if p.code in ("NAV-W411", "NAV-W412")]
    assert not found, "\n".join(found)


def test_renaming_one_department_line_changes_window_department_and_reason(copy):
    path = copy / "contacts" / "asaka.yaml"
    text = path.read_text(encoding="utf-8")
    block = text.index("  - id: asaka-choju-hatsuratsu\n")
    line = text.index("    department: 長寿はつらつ課\n", block)
    path.write_text(text[:line] + "    department: 高齢福祉課\n" + text[line + len("    department: 長寿はつらつ課\n"):],
                    encoding="utf-8")  # the one-line edit
    ruleset = loaded(copy)
    result = route(ruleset, Case("asaka", ("abuse",), {"who": "elder"}))
    first = result.referrals[0]
    assert first.contact.id == "asaka-choju-hatsuratsu"
    card = report_json.as_json(ruleset, result)["referrals"][0]
    assert card["window"] == card["department"] == "高齢福祉課" and "高齢福祉課" in card["reason"]
    block = report.as_text(ruleset, result).split("\n2. ")[0]
    assert "高齢福祉課" in block and "長寿はつらつ課" not in block.split("出典")[0]
    sheet = slip.render(ruleset, result, markdown=True, consent=False, version="x").split("\n2. ")[0]
    assert "1. 高齢福祉課" in sheet and "理由: 高齢者虐待の防止: 高齢者虐待の通報を受けたときは、高齢福祉課が" in sheet


def test_renaming_every_department_and_organisation_leaves_no_old_name_in_any_output(copy, shipped):
    """Rename every department part and organisation in the contacts only; no route, JSON or
    slip of any municipality × concern may still show an old name."""
    renamed: dict[str, str] = {}
    per_city: dict[str, set[str]] = {}
    for path in (copy / "contacts").glob("*.yaml"):
        mine = per_city.setdefault(path.stem, set())
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        for i, line in enumerate(lines):
            m = re.match(r"^(    (department|organization): )(.+)\n$", line)
            if not m or m.group(3) in ("null", "記載なし") or MUNICIPALITY_NAME.match(m.group(3)):
                continue
            mine.update(m.group(3).split())
            parts = [renamed.setdefault(p, f"改名{len(renamed) + 1}号") for p in m.group(3).split()]
            lines[i] = m.group(1) + " ".join(parts) + "\n"
        path.write_text("".join(lines), encoding="utf-8")
    assert len(renamed) > 30
    ruleset = loaded(copy)
    for mid in ruleset.plans:
        old = sorted((n for n in per_city[mid] if len(n) >= 3), key=len, reverse=True)
        for concern in ruleset.common.concerns:
            for answers in ({}, {"who": "elder"}, {"who": "disabled"}, {"capacity": "cannot_decide"}):
                text = outputs(ruleset, route(ruleset, Case(mid, (concern.id,), answers)))
                left = [n for n in old if n in text]
                assert not left, (mid, concern.id, answers, left)


# ---- coverage ------------------------------------------------------------------------------


def test_docs_coverage_is_the_current_table(shipped):
    written = (ROOT / "docs" / "coverage.md").read_text(encoding="utf-8")
    assert written == coverage.as_markdown(shipped), \
        "docs/coverage.md is stale: navigator coverage --format markdown > docs/coverage.md"


def test_coverage_marks_plan_fallback_and_national(shipped):
    kinds = {(c.municipality, c.concern): c.kind for c in coverage.cells(shipped)}
    assert kinds[("asaka", "rights")] == coverage.PLAN                 # 人権相談 (004:543)
    assert kinds[("ageo", "poverty")] == coverage.FALLBACK_KIND       # the excerpt says nothing
    assert kinds[("shimotsuke", "dv")] == coverage.NATIONAL           # 課題 only; #8008 answers
    assert kinds[("shimotsuke", "kokoro")] != coverage.PLAN           # 「自死の懸念」 is a 課題, not a window
    assert "docs/coverage.md" in (ROOT / "README.md").read_text(encoding="utf-8")


# ---- the new concerns ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def matcher(shipped):
    return ConcernMatcher(shipped.common.concerns)


@pytest.mark.parametrize("text, wanted, not_wanted", [
    ("犯罪被害にあった", "crime_victim", "rehabilitation"),
    ("犯罪に巻き込まれた", "crime_victim", "rehabilitation"),
    ("性被害にあった", "crime_victim", "rehabilitation"),
    ("詐欺にあった", "consumer", "guardianship"),
    ("電話でだまされてお金をとられた", "consumer", "guardianship"),
    ("外国人で日本語がわからない", "foreign", None),
    ("死にたい", "kokoro", None),
])
def test_victims_and_fraud_find_their_own_concern(shipped, matcher, text, wanted, not_wanted):
    found = set(take(shipped, matcher, "asaka", text).case.concerns)
    assert wanted in found and not_wanted not in found, found


def test_fraud_reaches_guardianship_only_when_the_person_cannot_decide(shipped):
    def first(answers):
        return route(shipped, Case("asaka", ("consumer",), answers)).referrals[0].contact.id
    assert first({}) == "asaka-fukushi-sodan"
    assert first({"capacity": "cannot_decide"}) == "asaka-koken-sodan"


# ---- 生活保護 and 生活困窮者自立支援 -------------------------------------------------------


@pytest.mark.parametrize("mid", ["maebashi", "isesaki", "asaka", "shimotsuke"])
def test_seikatsu_hogo_changes_the_route_where_the_plan_tells_them_apart(shipped, mid):
    def ids(answers):
        return [r.contact.id for r in route(shipped, Case(mid, ("poverty",), answers)).referrals]
    assert ids({"seikatsu_hogo": "yes"}) != ids({"seikatsu_hogo": "no"})
    on_hogo = ids({"seikatsu_hogo": "yes"})
    for cid in ("maebashi-seikatsu-konkyu", "isesaki-jiritsu-sodan", "asaka-jiritsu-shien",
                "shimotsuke-shakyo-jiritsu"):
        assert cid not in on_hogo


def test_asaka_sends_seikatsu_hogo_to_its_own_window(shipped):
    first = route(shipped, Case("asaka", ("poverty",), {"seikatsu_hogo": "yes"})).referrals[0]
    assert first.contact.department == "生活援護課"


# ---- questions only where they change the route ------------------------------------------


def asked(shipped, mid, *concerns):
    return {q.id for q in questions_for(shipped.common, concerns, plan=shipped.plans[mid])}


def test_a_question_is_asked_only_where_a_rule_of_the_city_reads_it(shipped):
    assert "seikatsu_hogo" not in asked(shipped, "ageo", "poverty")      # no 上尾 rule reads it
    assert "seikatsu_hogo" in asked(shipped, "asaka", "poverty")
    assert "capacity" not in asked(shipped, "ageo", "guardianship")
    assert "capacity" in asked(shipped, "isesaki", "guardianship")
    assert "who" in asked(shipped, "shimotsuke", "abuse")                 # 189 reads it everywhere
    assert "who" in asked(shipped, "asaka", "mobility") and "who" not in asked(shipped, "isesaki", "mobility")


def test_every_question_asked_somewhere_changes_some_route(shipped):
    """For each city, concern and asked question, some answer gives a different route than none."""
    for mid in shipped.plans:
        for concern in shipped.common.concerns:
            for q in questions_for(shipped.common, [concern.id], plan=shipped.plans[mid]):
                def outcome(answers):
                    result = route(shipped, Case(mid, (concern.id,), answers))
                    return ([r.contact.id for r in result.referrals], [e.id for e in result.emergency])
                none = outcome({})
                assert any(outcome({q.id: o.value}) != none for o in q.options), (mid, concern.id, q.id)


# ---- notes shown to staff ------------------------------------------------------------------


def test_notes_reach_route_text_json_and_slip(shipped):
    result = route(shipped, Case("isesaki", ("abuse",)))
    notes = result.referrals[0].contact.notes
    assert notes and "計画に記載がありません" in notes
    assert f"備考: {notes}" in report.as_text(shipped, result)
    assert report_json.as_json(shipped, result)["referrals"][0]["notes"] == notes
    # not on the slip: it must stay one A4 page (tests/test_slip.py); staff read notes on screen
