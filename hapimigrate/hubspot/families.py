"""Endpoint families that take no portal access token, from ``data/auth_families.json``.

Developer API keys are not sunset: app-level endpoints (webhooks, timeline event
types, CRM extension settings, custom workflow actions, media bridge) still take
``hapikey``. Form submissions need no authentication at all.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from hapimigrate.hubspot import datafiles

from hapimigrate.hubspot.urls import endpoint_path, host

DEVELOPER_KEY = "developer-key"
NO_AUTH = "no-auth"


@dataclass(frozen=True)
class AuthFamily:
    name: str
    auth: str  # DEVELOPER_KEY or NO_AUTH
    path: re.Pattern[str]
    hosts: tuple[str, ...]  # where it lives, checked when a URL names its host
    example: str
    basis: str


@lru_cache(maxsize=1)
def families() -> tuple[AuthFamily, ...]:
    data = json.loads(datafiles.read_text("auth_families.json"))
    return tuple(
        AuthFamily(
            entry["name"],
            entry["auth"],
            re.compile(entry["path"]),
            tuple(entry.get("hosts", ())),
            entry["example"],
            entry["basis"],
        )
        for entry in data["families"]
    )


def family_of(url_or_path: str) -> AuthFamily | None:
    """The family a URL template (or bare path) belongs to, if any."""
    path = endpoint_path(url_or_path)
    if path is None:
        return None
    where = host(url_or_path)
    for family in families():
        if not family.path.search(path):
            continue
        if family.hosts and where is not None and where not in family.hosts:
            continue
        return family
    return None
