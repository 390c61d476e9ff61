"""What danger detection found: the kinds and the cues that showed them (the first screen holds
one; the cues themselves are compiled by navigator.danger, imported once text is read)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Hit:
    kind: str
    cue: str          # as written in rules/danger.yaml
    when: str | None = field(default=None, compare=False)   # the time word that placed it: now, recent, past
    apart: bool = field(default=False, compare=False)       # its parts in different clauses (子どもを連れて、…殴られ)
    habit: bool = field(default=False, compare=False)       # told as again and again, or as said or sent (毎晩, と言われ)


@dataclass(frozen=True)
class Danger:
    kinds: tuple[str, ...] = ()    # in rules/danger.yaml's order: whose lines come first
    hits: tuple[Hit, ...] = ()

    @property
    def detected(self) -> bool:
        return bool(self.kinds)

    @property
    def matched(self) -> tuple[str, ...]:
        """The cues that fired, once each, as written in the rules."""
        return tuple(dict.fromkeys(h.cue for h in self.hits))

    def cues_of(self, kind: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(h.cue for h in self.hits if h.kind == kind))


NO_DANGER = Danger()
