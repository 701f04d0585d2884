"""The catalogs of ``data/``, read as text.

From the package's folder where it is one: ``importlib.resources`` (and what it
imports: tempfile, shutil, random) would cost every process 5 to 9 ms of start-up,
the CLI's and each worker's. A package that is not a folder (zipped) is read
through ``importlib.resources``."""

from __future__ import annotations

import os

_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def read_text(name: str) -> str:
    """The text of ``data/<name>`` (UTF-8)."""
    try:
        with open(os.path.join(_DATA, name), encoding="utf-8") as handle:
            return handle.read()
    except OSError:
        from importlib import resources

        return resources.files(__package__).joinpath("data", name).read_text("utf-8")
