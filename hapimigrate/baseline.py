"""Baselines: today's findings, recorded so that CI fails only on new ones.

A finding is recorded by path, rule and fingerprint (the normalised code of the use
and the function or class it sits in; see :mod:`hapimigrate.fingerprint`): never a line
number, never a key. Identical uses in one function are counted, so a new copy of an
old use is still new.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from typing import Iterable

from hapimigrate import __version__
from hapimigrate.model import Site
from hapimigrate.rules import rule_for

VERSION = 1


class BaselineError(ValueError):
    """The baseline file cannot be used."""


def key(site: Site) -> tuple[str, str, str]:
    path = os.path.normpath(os.path.relpath(site.path)).replace(os.sep, "/")
    return path, rule_for(site).id, site.fingerprint


def dump(sites: Iterable[Site]) -> str:
    counts = Counter(key(site) for site in sites)
    findings = [
        {"path": path, "rule": rule, "fingerprint": fp, "count": count}
        for (path, rule, fp), count in sorted(counts.items())
    ]
    document = {
        "version": VERSION,
        "tool": f"hapimigrate {__version__}",
        "findings": findings,
    }
    return json.dumps(document, indent=2) + "\n"


def load(path: str) -> Counter:
    try:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
    except (OSError, ValueError) as error:
        raise BaselineError(f"{path}: {error}") from error
    if not isinstance(document, dict) or document.get("version") != VERSION:
        raise BaselineError(f"{path}: not a version {VERSION} hapimigrate baseline")
    try:
        return Counter(
            {
                (f["path"], f["rule"], f["fingerprint"]): int(f["count"])
                for f in document["findings"]
            }
        )
    except (KeyError, TypeError, ValueError) as error:
        raise BaselineError(f"{path}: malformed finding ({error})") from error


def new_findings(sites: Iterable[Site], baseline: Counter) -> list[Site]:
    """The sites the baseline does not account for."""
    left = Counter(baseline)
    new = []
    for site in sites:
        k = key(site)
        if left[k] > 0:
            left[k] -= 1
        else:
            new.append(site)
    return new
