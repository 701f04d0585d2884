"""Saved outputs of a notebook's code cells that show a key: ``r.url`` printed
as ``'https://api.hubapi.com/crm/v3/owners?hapikey=4f2c...'``. Migrating the
cells does not touch their outputs, so the key stays published in the file;
each such output is a manual site (the key is never shown: only where it is),
marked as a hard-coded key to revoke when the value looks like one.
"""

from __future__ import annotations

import re

from hapimigrate import keys
from hapimigrate.fingerprint import fingerprint
from hapimigrate.model import Kind, Site, Status

_KEY = re.compile(r"hapikey=([^&\s'\"<>\\]+)", re.IGNORECASE)
SHOWN = (
    "the saved output of this cell shows the key (hapikey=...): clear the cell's "
    "outputs, and revoke the key if the notebook was shared"
)


def output_sites(path: str, cells: list, starts: list[int]) -> list[Site]:
    """A site per code cell whose saved outputs hold ``hapikey=<value>``, at
    the line of its source (``starts``: the line of each cell's source)."""
    found = []
    for number, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        values = [m.group(1) for m in _KEY.finditer(_text(cell.get("outputs")))]
        if not values:
            continue
        line = starts[number - 1]
        found.append(
            Site(
                path,
                line,
                1,
                line,
                1,
                Kind.TEXT,
                Status.MANUAL,
                SHOWN,
                hardcoded_key=any(keys.is_plausible_key(v) for v in values),
                fingerprint=fingerprint(
                    Kind.TEXT.value, "", f"outputs of cell {number}"
                ),
                cell=number,
                cell_line=0,
            )
        )
    return found


def _text(value: object) -> str:
    """Every string inside an output record (stream text, text/plain,
    text/html, an error's traceback), joined."""
    if isinstance(value, str):
        return value + "\n"
    if isinstance(value, list):
        return "".join(_text(v) for v in value)
    if isinstance(value, dict):
        return "".join(_text(v) for v in value.values())
    return ""
