"""`navigator check --plans`: the shipped citations pass; an invented one fails at its position."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from navigator.cli import main
from navigator.checks.quotes import PlanText, check_plans

SEEDS = ROOT.parent / "shared" / "seeds"
# Without ../shared a newcomer's run skips these, saying why; CI (CI=true) always has it and must run them.
pytestmark = pytest.mark.skipif(not SEEDS.is_dir() and not os.environ.get("CI"),
                                reason=f"quotes not checked against the plans: {SEEDS} not found")


def shipped_files() -> list[Path]:
    return sorted((ROOT / "rules").glob("*.yaml")) + sorted((ROOT / "contacts").glob("*.yaml"))


def test_shipped_quotes_and_sections_are_in_the_plans():
    problems = check_plans(shipped_files(), SEEDS)
    assert not problems, "\n".join(map(str, problems))


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    for name in ("rules", "contacts"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def invent(path: Path, old: str, new: str) -> tuple[int, int]:
    """Replace `old` once and return the 1-based line and column where `new` starts."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    start = text.index(old)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line, column


def test_an_invented_quote_fails_with_its_position_and_the_nearest_passage(copy, capsys):
    target = copy / "rules" / "maebashi.yaml"
    line, column = invent(target, "生活困窮者の総合的な支援体制を推進し", "生活困窮者の総合的な相談窓口を毎日開きます")
    code = main(["check", "--rules", str(copy / "rules"), "--contacts", str(copy / "contacts"),
                 "--plans", str(SEEDS)])
    out = capsys.readouterr().out
    assert code == 1
    located = [l for l in out.splitlines() if l.startswith(f"{target}:{line}:{column}: ")]
    assert located and "引用「生活困窮者の総合的な相談窓口を毎日開きます」" in located[0], out
    assert "NAV-E413" in located[0]
    # the hint names the plan line where the real sentence stands
    seed = SEEDS / "000_ae7e9c46a45c5378.txt"
    real = [n for n, text in enumerate(seed.read_text(encoding="utf-8").splitlines(), 1)
            if "生活困窮者の総合的な支援体制" in text]
    hint = int(re.search(r"最も近い箇所は 000_ae7e9c46a45c5378\.txt:(\d+)「", out).group(1))
    assert any(0 <= n - hint <= 1 for n in real), (hint, real)  # the passage may start a line early
    assert out.count("NAV-E413") == 1 and "NAV-E414" not in out


def test_an_invented_section_part_and_a_missing_plan_file_fail(copy):
    target = copy / "contacts" / "asaka.yaml"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("section: ", "section: 架空の章 > ", 1), encoding="utf-8")
    problems = check_plans([target], SEEDS)
    assert any("見出し「架空の章」" in p.message for p in problems)
    assert check_plans([target], copy) and all("にありません" in p.message for p in check_plans([target], copy))


def test_comparison_ignores_width_and_white_space(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text("第１章　相談\n支援を 行います。\n", encoding="utf-8")
    text = PlanText.read(plan)
    assert text.contains("第1章 相談支援を行います")
    assert text.nearest("相談支援をおこないます")[0] in (1, 2)


def test_without_plans_the_check_says_nothing_about_quotes(copy, capsys):
    invent(copy / "rules" / "maebashi.yaml", "生活困窮者の総合的な支援体制を推進し", "架空")
    assert main(["check", "--rules", str(copy / "rules"), "--contacts", str(copy / "contacts"), "--no-plans"]) == 0
