"""Which rules the app may use after a (re)load: headless, so it is tested without a screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:   # imported by the app before its first screen, used only after a load
    from ..loading import Loaded
    from ..model import RuleSet


def usable(loaded: Loaded) -> Loaded | None:
    """The loaded rules with only the municipalities that loaded without an error of their own;
    None when there is none (or common.yaml, which every one needs, has an error)."""
    from ..loading import Loaded   # after a load (see the imports)
    from ..model import RuleSet

    plans = loaded.usable()
    if not plans:
        return None
    return Loaded(RuleSet(loaded.ruleset.common, plans), loaded.problems)


def keep_last_good(old: RuleSet, loaded: Loaded, good: Loaded | None) -> tuple[RuleSet | None, tuple[str, ...]]:
    """The new usable plans, with the old plan kept for each municipality whose new files are
    broken, as long as the common file is unchanged (an old plan was checked against the old
    common file). None when the common file itself is broken. Also: the municipalities kept."""
    from ..model import RuleSet   # after a load (see the imports)

    if good is None and "" in loaded.broken():
        return None, ()
    common = loaded.ruleset.common
    plans = dict(good.ruleset.plans) if good else {}
    kept = []
    if common == old.common:
        for mid in loaded.broken():
            if mid and mid in old.plans:
                plans[mid] = old.plans[mid]
                kept.append(mid)
    if not plans:
        return None, ()
    ordered = {mid: plans[mid] for mid in sorted(plans, key=_plan_order(loaded, old))}
    return RuleSet(common, ordered), tuple(kept)


def _plan_order(loaded: Loaded, old: RuleSet):
    order = list(loaded.expected) + [m for m in old.plans if m not in loaded.expected]
    return lambda mid: order.index(mid) if mid in order else len(order)
