"""navigator/explain.py: the why dialog's text says, for each emergency line, its own reason."""

from __future__ import annotations

from navigator.danger import detect
from navigator.engine import Case, route
from navigator.explain import emergency_why, result_why


def _emergency_section(lines: list[str]) -> list[str]:
    start = lines.index("緊急連絡先を表示した理由:") + 1
    end = lines.index("", start) if "" in lines[start:] else len(lines)
    return lines[start:end]


def test_each_emergency_line_gives_its_own_reason(shipped):
    danger = detect(shipped.common.danger, "今、夫が包丁を持って暴れている")
    result = route(shipped, Case("asaka", ("dv",), {}, danger=danger))
    section = _emergency_section(result_why(shipped, result))
    assert len(section) == len(result.emergency) >= 2
    assert len(set(line.split(": ", 1)[1] for line in section)) >= 2, section  # not one sentence for all
    police = next(line for line in section if line.startswith("  110 "))
    assert "「包丁を持」" in police and "今まさに暴力" in police


def test_a_dv_line_shown_for_the_concern_says_so(shipped):
    """#8008 is shown for `concern: dv` alone: the reason is that condition, not danger."""
    result = route(shipped, Case("asaka", ("dv",)))
    [line] = _emergency_section(result_why(shipped, result))
    assert line == "  #8008 " + result.emergency[0].name + ": 相談の種類「DV（配偶者などからの暴力）」のため"
    assert emergency_why(shipped.common, result.danger, result.emergency[0]) in line


def test_no_emergency_section_without_lines(shipped):
    result = route(shipped, Case("asaka", ("poverty",), {"seikatsu_hogo": "no"}))
    assert not result.emergency
    lines = result_why(shipped, result)
    assert "緊急連絡先を表示した理由:" not in lines
    assert any(line.startswith("1. ") for line in lines)
