"""`navigator check --plans DIR`: every cited section and quote is really in the plan's text.

Read straight from the YAML nodes (not the loaded model) so each miss points at the quote or
section as written: `path:line:col`. Text is compared as the audit did: NFKC, white space removed.
A miss carries a hint with the nearest passage of the plan (rapidfuzz partial ratio) and its line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..problems import Problem
from ..files.compose import compose_file
from ..files.yamlnodes import Reader

SECTION_SEPARATOR = " > "
_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """The comparison form: NFKC (full-width digits, compatibility kanji) without white space."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


@dataclass(frozen=True)
class PlanText:
    """A plan's squashed text, with the line each squashed character came from."""

    name: str
    text: str
    lines: tuple[int, ...]
    raw_lines: tuple[str, ...]

    @classmethod
    def read(cls, path: Path) -> "PlanText":
        raw = path.read_text(encoding="utf-8").splitlines()
        text, lines = [], []
        for number, line in enumerate(raw, start=1):
            part = squash(line)
            text.append(part)
            lines.extend([number] * len(part))
        return cls(path.name, "".join(text), tuple(lines), tuple(raw))

    def contains(self, fragment: str) -> bool:
        return squash(fragment) in self.text

    def nearest(self, fragment: str) -> tuple[int, str, float]:
        """(line, that passage as printed in the plan, similarity 0-100) of the closest match."""
        needle = squash(fragment)
        found = fuzz.partial_ratio_alignment(needle, self.text)
        if found is None or not self.text:
            return 0, "", 0.0
        first = self.lines[min(found.dest_start, len(self.lines) - 1)]
        last = self.lines[min(max(found.dest_end - 1, found.dest_start), len(self.lines) - 1)]
        passage = "".join(self.raw_lines[first - 1:last]).strip()
        return first, _SPACE.sub(" ", passage)[:80], found.score


def check_plans(paths: list[Path], plans_dir: Path, shown=str) -> list[Problem]:
    """Problems for every source in these rule/contact/community files whose file, section or quote is
    not in the plan. Files that do not parse are left to the ordinary check."""
    problems: list[Problem] = []
    for path in paths:
        root = compose_file(str(path), shown(path), [])
        if root is not None:
            reader = Reader(shown(path), problems)
            for source, beside in _sources(root):
                _check_source(reader, source, plans_dir, beside)
    return problems


def _sources(node: Node):
    """(source mapping, the quote beside it or None) for every `source:` in the file, however deep.
    community/*.yaml keep the quote beside the source, not inside it."""
    if isinstance(node, MappingNode):
        beside = next((v for k, v in node.value if isinstance(k, ScalarNode) and k.value == "quote"
                       and isinstance(v, ScalarNode)), None)
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == "source" and isinstance(value, MappingNode):
                yield value, beside
            else:
                yield from _sources(value)
    elif isinstance(node, SequenceNode):
        for item in node.value:
            yield from _sources(item)


def _check_source(r: Reader, node: MappingNode, plans_dir: Path, beside: ScalarNode | None = None) -> None:
    fields = {k.value: v for k, v in node.value if isinstance(k, ScalarNode) and isinstance(v, ScalarNode)}
    file_node = fields.get("file")
    if file_node is None or not file_node.value:
        return  # national lines cite a web page, not a plan
    plan = _plan(plans_dir / file_node.value)
    if plan is None:
        r.problems.append(Problem.coded("NAV-E415", r.origin(file_node), file=file_node.value, folder=plans_dir))
        return
    section = fields.get("section")
    for part in (section.value.split(SECTION_SEPARATOR) if section is not None else ()):
        if part.strip() and not plan.contains(part):
            _miss(r, section, plan, part, "NAV-E414")
    quote = fields.get("quote", beside)
    if quote is not None and quote.value and not plan.contains(quote.value):
        _miss(r, quote, plan, quote.value, "NAV-E413")


def _miss(r: Reader, node: ScalarNode, plan: PlanText, text: str, code: str) -> None:
    line, passage, score = plan.nearest(text)
    near = f"{plan.name}:{line}「{passage}」（一致度 {score:.0f}%）" if passage else "（見つかりません）"
    r.problems.append(Problem.coded(code, r.origin(node), text=text, plan=plan.name, near=near))


@lru_cache(maxsize=64)
def _plan(path: Path) -> PlanText | None:
    return PlanText.read(path) if path.is_file() else None


def default_plans_dir(rules_dir: Path) -> Path | None:
    """../shared/seeds beside the repository the rules folder is in (this project's layout)."""
    candidate = rules_dir.resolve().parent.parent / "shared" / "seeds"
    return candidate if candidate.is_dir() else None
