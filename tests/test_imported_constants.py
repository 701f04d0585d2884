"""A URL template that starts with another module's constant (``DEALS_URL =
config.BASE + "/deals/v1/deal/paged?hapikey=%s&limit=%d"``): the key's ``%``
argument is found by counting the fields before it, which needs the constant's
text. Assigned once, literally, in a module of the tree, it is known to hold no
field, and the key's argument goes (blind3 hsync_grown_package was manual: "may
hold fields of its own"); a constant assigned otherwise still stops it."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.trees import key_sites, tree

CONFIG = 'import os\nAPI_KEY = os.environ["HUBSPOT_API_KEY"]\nBASE = "https://api.hubapi.com"\n'
DEALS = """\
import requests

from hsync import config

DEALS_URL = config.BASE + "/deals/v1/deal/paged?hapikey=%s&limit=%d&offset=%d"


def page(limit, offset):
    return requests.get(DEALS_URL % (config.API_KEY, limit, offset)).json()
"""


def test_the_key_argument_after_a_known_imported_base_goes(tmp_path):
    results = tree(
        tmp_path,
        {"hsync/__init__.py": "", "hsync/config.py": CONFIG, "hsync/deals.py": DEALS},
    )
    result = results["hsync/deals.py"]
    assert [s.status for s in key_sites(result)] == [Status.REWRITE]
    text = result.new.decode()
    assert '"/deals/v1/deal/paged?limit=%d&offset=%d"' in text
    assert "DEALS_URL % (limit, offset)" in text and "Bearer" in text


@pytest.mark.parametrize(
    "config",
    [
        CONFIG
        + 'if os.environ.get("MOCK"):\n    BASE = "http://localhost:%s" % 8080\n',
        CONFIG.replace('"https://api.hubapi.com"', 'os.environ["HUBSPOT_BASE"]'),
    ],
    ids=["assigned_again", "not_a_literal"],
)
def test_a_base_assigned_otherwise_keeps_it_manual(tmp_path, config):
    results = tree(
        tmp_path,
        {"hsync/__init__.py": "", "hsync/config.py": config, "hsync/deals.py": DEALS},
    )
    result = results["hsync/deals.py"]
    assert not result.changed
    assert {s.status for s in key_sites(result)} == {Status.MANUAL}
