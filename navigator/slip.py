"""The referral slip (つなぎシート): a result as Markdown or plain text, written only on request."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from pathlib import Path

from .engine import Result
from .model import RuleSet
from .report import UNKNOWN, fallback_note, phone_text
from .text import printable

def rules_version(*folders: Path) -> str:
    """A short hash of every rule and contact file, so a slip says which rules produced it."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(Path(folder).glob("*.yaml")):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def render(ruleset: RuleSet, result: Result, *, markdown: bool, consent: bool, version: str,
           free_text: str | None = None, today: dt.date | None = None) -> str:
    """The slip's text. The resident's own words appear only when `free_text` is given."""
    h1, h2, item = ("# ", "## ", "- ") if markdown else ("", "■ ", "・")
    concerns = "、".join(ruleset.common.concern(c).label for c in result.concerns)
    lines = [f"{h1}つなぎシート（相談窓口のご案内）", "",
             f"{item}作成日: {(today or dt.date.today()).isoformat()}",
             f"{item}市町村: {result.municipality.name}",
             f"{item}相談の種類: {concerns}",
             f"{item}本人同意: {'あり' if consent else 'なし'}",
             f"{item}ルールの版: {version}", ""]
    if free_text:
        lines += [f"{h2}相談内容（本人の言葉）", "", free_text, ""]
    if result.emergency:
        lines += [f"{h2}緊急のときの連絡先（全国共通）", ""]
        lines += [f"{item}{e.phone} {e.name}" + (f"（{e.hours}）" if e.hours else "") + (f": {e.note}" if e.note else "")
                  for e in result.emergency]
        lines.append("")
    lines += [f"{h2}相談先（上から順に）", ""]
    for r in result.referrals:
        c = r.contact
        lines += [f"{r.rank}. {c.window}",
                  f"   担当課: {c.department or UNKNOWN} / 組織: {c.organization} / 電話: {phone_text(r)}",
                  f"   理由: {r.main.program}: {r.main.reason}",
                  f"   出典: {_where(result, r)}"]
        if r.other_programs:
            lines.append(f"   ほかに: {'、'.join(r.other_programs)}")
        if fallback_note(ruleset, r):
            lines.append(f"   {fallback_note(ruleset, r)}")
    return printable_lines(lines)


def _where(result: Result, r) -> str:
    """The plan by its title, for the person holding the slip, and the file, for staff to check."""
    source = r.main.source
    if source.national:
        return source.describe()
    return f"{result.municipality.plan} {source.section}（{source.file}）"


def printable_lines(lines: list[str]) -> str:
    return "\n".join(printable(line) for line in lines) + "\n"


def write_private(path: Path, text: str) -> None:
    """Write atomically (a temporary file in the same folder, renamed into place), readable by
    the owner only: a crash or a full disk never leaves half a slip, and no one else reads it."""
    path = path.expanduser()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".navigator-", suffix=".tmp")  # created 0o600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            os.fchmod(handle.fileno(), 0o600)
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
