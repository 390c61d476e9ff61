"""Where the shipped data is: inside the installed package, or at the top of a checkout.

A wheel carries rules/, contacts/, schema/ and the scenarios as navigator/data/<name> (setup.py
copies them there), found beside this module. A checkout or an editable install has no
navigator/data/ and reads the folders at the top of the repository, where staff edit them.
"""

from __future__ import annotations

from pathlib import Path

IN_CHECKOUT = {"rules": "rules", "contacts": "contacts", "schema": "schema", "scenarios": "tests/scenarios",
               "community": "community"}


def shipped(name: str) -> Path:
    """The folder of shipped data called `name` (one of IN_CHECKOUT's keys)."""
    # Wheels install as plain files (not importlib.resources: it costs every command 4 ms of imports)
    packaged = Path(__file__).resolve().parent / "data" / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / IN_CHECKOUT[name]


def version() -> str:
    """The installed distribution's version; the source's in a bare checkout."""
    from importlib.metadata import PackageNotFoundError, version as installed

    try:
        return installed("navigator")
    except PackageNotFoundError:
        from . import __version__

        return __version__
