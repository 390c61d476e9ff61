"""Exports of the verified data to directory standards (HSDS 3.0, デジタル庁 DS-451-4), and the
reverse reads that `navigator new` uses. The city files stay the source of truth: these only
read the loaded model. The mappings are documented in docs/interop.md."""

from __future__ import annotations

from ..model import Contact, Plan, RuleSet


def plans(ruleset: RuleSet, only: str | None = None) -> list[Plan]:
    """The municipalities to export, by id (all when `only` is None)."""
    return [ruleset.plans[mid] for mid in sorted(ruleset.plans) if only is None or mid == only]


def concerns_of(plan: Plan, contact: Contact) -> list[str]:
    """The concerns whose rules send people to `contact`, in rule order (each once)."""
    found: list[str] = []
    for rule in plan.rules:
        if contact.id in rule.refer and rule.concern not in found:
            found.append(rule.concern)
    return found
