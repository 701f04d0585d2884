"""Baselines: today's findings, recorded so that CI fails only on new ones.

A finding is recorded by path, rule and fingerprint (the normalised code of the use
and the function or class it sits in; see :mod:`hapimigrate.fingerprint`): never a line
number, never a key. Identical uses in one function are counted, so a new copy of an
old use is still new.

Paths are stored relative to the project root, and the file says where that root
is relative to itself (``"root": "."`` for a baseline at the root), so that
``check --baseline`` gives the same answer from any folder. Files without ``root``
(made before it; paths relative to the folder they were made in) are still read,
relative to the current folder; a ``root`` changes nothing for the older versions
of the tool that ignore it, run from the root. Recording a subfolder keeps the
entries of the rest of the tree.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from hapimigrate import __version__
from hapimigrate.model import Site
from hapimigrate.rules import rule_for

VERSION = 1

Key = tuple[str, str, str]  # absolute path, rule id, fingerprint


class BaselineError(ValueError):
    """The baseline file cannot be used."""


@dataclass(frozen=True)
class Baseline:
    """Recorded findings by absolute path; ``anchored``: the file said where
    its root is (else its paths were read from the current folder)."""

    counts: Counter
    anchored: bool = True


def _absolute(path: str, base: str | None = None) -> str:
    joined = os.path.join(base, path) if base else path
    return os.path.realpath(joined)


def key(site: Site) -> Key:
    return _absolute(site.path), rule_for(site).id, site.fingerprint


def record(sites: Iterable[Site]) -> Counter:
    return Counter(key(site) for site in sites)


def dump(counts: Counter, root: str, location: str) -> str:
    """The baseline document for ``counts``, to be written at ``location``, its
    paths relative to ``root``."""
    root = os.path.realpath(root)
    here = os.path.dirname(os.path.realpath(location))
    findings = sorted(
        (_relative(path, root), rule, fp, count)
        for (path, rule, fp), count in counts.items()
        if count > 0
    )
    document = {
        "version": VERSION,
        "tool": f"hapimigrate {__version__}",
        "root": _relative(root, here),
        "findings": [
            {"path": path, "rule": rule, "fingerprint": fp, "count": count}
            for path, rule, fp, count in findings
        ],
    }
    return json.dumps(document, indent=2) + "\n"


def _relative(path: str, start: str) -> str:
    try:
        relative = os.path.relpath(path, start)
    except ValueError:  # another drive
        relative = path
    return relative.replace(os.sep, "/")


def load(path: str) -> Baseline:
    try:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
    except FileNotFoundError:
        raise BaselineError(
            f"{path}: no such baseline (record one with `hapimigrate baseline`)"
        ) from None
    except (OSError, ValueError) as error:
        raise BaselineError(f"{path}: {error}") from error
    if not isinstance(document, dict) or document.get("version") != VERSION:
        raise BaselineError(f"{path}: not a version {VERSION} hapimigrate baseline")
    root = document.get("root")
    if root is None:
        base = os.getcwd()  # made before roots were recorded: as it was made
    elif isinstance(root, str):
        base = os.path.join(os.path.dirname(os.path.abspath(path)), root)
    else:
        raise BaselineError(f"{path}: malformed baseline (root is not a path)")
    try:
        counts: Counter = Counter()
        for f in document["findings"]:
            counts[(_absolute(f["path"], base), f["rule"], f["fingerprint"])] += int(
                f["count"]
            )
    except (KeyError, TypeError, ValueError) as error:
        raise BaselineError(f"{path}: malformed finding ({error})") from error
    return Baseline(counts, root is not None)


def merge(previous: Counter, fresh: Counter, scanned: Iterable[str]) -> Counter:
    """``fresh`` (the findings below the ``scanned`` paths) with the entries of
    ``previous`` for every other path: recording a subfolder never drops the
    rest of the tree."""
    folders = [_absolute(p) for p in scanned]

    def below(path: str) -> bool:
        return any(
            path == f or path.startswith(f.rstrip(os.sep) + os.sep) for f in folders
        )

    kept = Counter({k: n for k, n in previous.items() if not below(k[0])})
    return kept + fresh


def recorded(
    sites: Iterable[Site], location: str, scanned: Iterable[str]
) -> tuple[Counter, int]:
    """The counts to record at ``location``: the sites', and the entries of the
    baseline already there for paths not ``scanned`` (with how many were kept).
    Raises :class:`BaselineError` for a file there that is not a baseline."""
    fresh = record(sites)
    if not os.path.exists(location):
        return fresh, 0
    merged = merge(load(location).counts, fresh, scanned)
    return merged, sum(merged.values()) - sum(fresh.values())


def new_findings(sites: Iterable[Site], baseline: Baseline | Counter) -> list[Site]:
    """The sites the baseline does not account for."""
    counts = baseline.counts if isinstance(baseline, Baseline) else baseline
    left = Counter(counts)
    new = []
    for site in sites:
        k = key(site)
        if left[k] > 0:
            left[k] -= 1
        else:
            new.append(site)
    return new
