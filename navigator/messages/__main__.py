"""python -m navigator.messages GUIDE: rewrite the guide's table after changing the catalogue."""

import sys
from pathlib import Path

from . import with_guide_table

target = Path(sys.argv[1])
target.write_text(with_guide_table(target.read_text(encoding="utf-8")), encoding="utf-8")
