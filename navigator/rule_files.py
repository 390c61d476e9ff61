"""Which files in rules/ are municipalities: their ids are the file names, found by listing the
folder (no file is opened). Apart from loading.py because the TUI asks before its first screen,
when nothing that reads YAML has been imported yet."""

from __future__ import annotations

import os
from pathlib import Path

from .files.spec import ID_PATTERN

COMMON_FILE = "common.yaml"
DANGER_FILE = "danger.yaml"       # optional: danger cues (without it, danger is only asked)
DANGER_EXAMPLES_FILE = "danger_examples.yaml"  # optional: utterances of each danger kind
DANGER_SENTENCES_DIR = "danger_sentences"   # optional folder: labelled sentences the letters' weighing learns from
EXAMPLES_DIR = "examples"         # optional folder: more example utterances of each concern
SHARED_FILES = (COMMON_FILE, DANGER_FILE, DANGER_EXAMPLES_FILE)   # in rules/ but not municipalities


def municipality_ids(rules_dir: Path) -> list[str]:
    """Municipality ids are the rule file names, so one can be loaded without reading the rest
    (a directory listing only: no file is opened)."""
    try:
        names = sorted(os.path.splitext(n)[0] for n in os.listdir(rules_dir)
                       if os.path.normcase(n).endswith(".yaml"))  # as glob("*.yaml") matches
    except OSError:
        return []
    shared = {Path(name).stem for name in SHARED_FILES}
    return [n for n in names if n not in shared and ID_PATTERN.match(n)]
