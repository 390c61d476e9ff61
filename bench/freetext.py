"""Free-text routing rate: is a right window in the top 3 when only the resident's words are given?

    .venv/bin/python bench/freetext.py [FILES]      (default: the two held-out sets)

heldout_fresh.yaml was written blind to the keywords and is used only to measure; heldout.yaml
was also written blind, then used once to find phrasings the keywords missed (so its rate is
optimistic). Neither is a test: keywords must never be tuned to a fresh set's sentences.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from navigator.engine import route  # noqa: E402
from navigator.intake import take  # noqa: E402
from navigator.loading import load  # noqa: E402
from navigator.search import ConcernMatcher  # noqa: E402


def rate(path: Path, ruleset, matcher) -> tuple[int, int, int]:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    right = found_nothing = 0
    for case in cases:
        intake = take(ruleset, matcher, case["municipality"], case["text"], (), case.get("answers") or {})
        if not intake.case.concerns:
            found_nothing += 1
            continue
        top = [r.contact.id for r in route(ruleset, intake.case).referrals][:3]
        right += any(c in top for c in case["expect"])
    return right, found_nothing, len(cases)


def main(paths: list[Path]) -> None:
    ruleset = load(ROOT / "rules", ROOT / "contacts").ruleset
    matcher = ConcernMatcher(ruleset.common.concerns)
    for path in paths:
        right, nothing, total = rate(path, ruleset, matcher)
        print(f"{path.name}: right window in the top 3 for {right}/{total} = {right / total:.0%}; "
              f"no concern found for {nothing}")


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]] or [ROOT / "bench" / "heldout_fresh.yaml", ROOT / "bench" / "heldout.yaml"])
