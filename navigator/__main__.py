"""`python -m navigator`: the same as the `navigator` command."""

import sys

from .cli import main

sys.exit(main())
