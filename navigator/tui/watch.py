"""Notice edits to the rule and contact files (live reload) without reading them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Snapshot:
    files: tuple[tuple[str, int, int], ...]   # (path, mtime in ns, size)

    @classmethod
    def of(cls, *folders: Path) -> "Snapshot":
        found = []
        for folder in folders:
            try:
                paths = sorted(Path(folder).glob("*.yaml")) + sorted(Path(folder).glob("*/*.yaml"))   # danger_sentences/
            except OSError:
                continue
            for path in paths:
                try:
                    st = path.stat()
                except OSError:
                    continue
                found.append((str(path), st.st_mtime_ns, st.st_size))
        return cls(tuple(found))
