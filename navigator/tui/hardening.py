"""What the app switches off or loosens before it starts, so that what the resident says stays
in memory and one bad byte does not end the consultation."""

from __future__ import annotations

import codecs

from textual import constants


def leave_no_traces() -> None:
    """Textual writes what the resident types to disk when asked to by the environment: every
    event to the file named by TEXTUAL_LOG, every key press to ./keys.log with TEXTUAL_DEBUG
    (its input parser's debug log, 0644), a screenshot after TEXTUAL_SCREENSHOT seconds; and
    TEXTUAL_PRESS would type keys of its own (an export, say). Switch them all off, whatever
    the environment says, before the app starts its driver (devtools: see the app)."""
    constants.LOG_FILE = None
    constants.DEBUG = False
    constants.SCREENSHOT_DELAY = -1
    constants.SCREENSHOT_LOCATION = constants.SCREENSHOT_FILENAME = None
    constants.PRESS = ""


def tolerate_bad_bytes() -> None:
    """The terminal driver decodes input as strict UTF-8 in its input thread: one byte that is
    not UTF-8 (an 8-bit Meta key, a paste from a Shift_JIS source) ended the app. Decode with
    replacement instead, so the byte shows as U+FFFD and the consultation goes on."""
    try:
        from textual.drivers import linux_driver
    except ImportError:  # no termios (Windows): another driver, which reads keys, not bytes
        return

    def lenient(encoding: str):
        decoder = codecs.getincrementaldecoder(encoding)
        return lambda errors="replace": decoder(errors)

    linux_driver.getincrementaldecoder = lenient


def terminal_gone() -> bool:
    """Started under make or a shell script, the app is not told when its terminal window
    closes, and Textual then spins on the dead terminal at full CPU: true when it is gone."""
    import os
    import sys

    if not hasattr(os, "tcgetpgrp"):  # Windows: closing the console window ends the process
        return False
    try:
        os.tcgetpgrp(sys.__stdin__.fileno())
    except (OSError, ValueError, AttributeError):
        return True
    return False
