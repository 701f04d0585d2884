"""A module a tree-wide pass left as it is stays so when a later pass runs it
again: the settings pass re-ran ``config.py`` (its key no longer imported by
``app.py``) and the hold for its base URL, which another module re-points at a
recorder, was lost: the token went there (review 17's T20)."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, tree

CONFIG = """\
import os

import requests

HUBSPOT_KEY = os.environ["HUBSPOT_API_KEY"]
BASE = "https://api.hubapi.com"


def ping():
    return requests.get(BASE + "/integrations/v1/me", params={"hapikey": HUBSPOT_KEY})
"""
OTHER = """\
import os

import config

if os.environ.get("HUBSPOT_RECORD"):
    config.BASE = "https://hubspot-recorder.internal.example.com"
"""
APP = """\
import requests

from config import HUBSPOT_KEY


def lists():
    return requests.get(
        "https://api.hubapi.com/contacts/v1/lists", params={"hapikey": HUBSPOT_KEY}
    )
"""


def test_a_module_held_for_a_re_pointed_base_stays_held(tmp_path):
    results = tree(tmp_path, {"config.py": CONFIG, "other.py": OTHER, "app.py": APP})
    config = results["config.py"]
    assert not config.changed
    sites = key_sites(config)
    assert sites and all(s.status == Status.MANUAL for s in sites)
    assert "other.py:6 changes BASE" in sites[0].reason
    assert results["app.py"].changed  # its own request migrates
