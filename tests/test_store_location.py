"""A store of tenants' records that reads where its own database is from the
environment (``sqlite3.connect(os.environ.get("HOOKD_DB", ":memory:"))``): that
read names a location, not a credential, so a key looked up there is still each
tenant's, sent as its Bearer token. A store reading anything else from the
environment (a key's variable, a name built at run time) stays configuration."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, tree

HOOK = """\
import requests

from hookd import db


def hook(event):
    row = db.portal(event["portalId"])
    return requests.get(
        "https://api.hubapi.com/contacts/v1/contact/vid/%d/profile" % event["objectId"],
        params={"hapikey": row["api_key"]},
    ).json()
"""
STORE = """\
import os
import sqlite3

_conn = None


def connect():
    global _conn
    if _conn is None:
        _conn = sqlite3.connect(os.environ.get("HOOKD_DB", ":memory:"))
        _conn.row_factory = sqlite3.Row
        _conn.execute("CREATE TABLE IF NOT EXISTS portals (id INTEGER, api_key TEXT)")
    return _conn


def add(portal_id, api_key):
    connect().execute("INSERT INTO portals VALUES (?, ?)", (portal_id, api_key))


def portal(portal_id):
    return connect().execute("SELECT * FROM portals WHERE id = ?", (portal_id,)).fetchone()
"""


def _files(store: str) -> dict[str, str]:
    return {"hookd/__init__.py": "", "hookd/db.py": store, "hookd/hooks.py": HOOK}


def test_a_store_reading_its_database_path_holds_tenants_keys(tmp_path):
    results = tree(tmp_path, _files(STORE))
    (site,) = key_sites(results["hookd/hooks.py"])
    assert site.status == Status.REWRITE, site.reason
    text = results["hookd/hooks.py"].new.decode()
    assert '"Bearer " + row["api_key"]' in text and "ACCESS_TOKEN" not in text


@pytest.mark.parametrize(
    "read",
    [
        'os.environ.get("HUBSPOT_API_KEY")',  # the configured key's variable
        'os.environ.get("HOOKD_DB_KEY")',  # a key, whatever else its name says
        'os.environ.get("HOOKD_%s_DB" % "EU")',  # a name made at run time
    ],
)
def test_a_store_reading_other_variables_stays_configuration(tmp_path, read):
    store = STORE.replace('os.environ.get("HOOKD_DB", ":memory:")', read)
    results = tree(tmp_path, _files(store))
    (site,) = key_sites(results["hookd/hooks.py"])
    assert site.status == Status.MANUAL
    assert not results["hookd/hooks.py"].changed


def test_a_store_using_os_for_more_than_paths_stays_configuration(tmp_path):
    store = STORE.replace(
        "def portal(", "def _host():\n    return os.uname()\n\n\ndef portal("
    )
    store = store.replace("    return connect()", "    _host()\n    return connect()")
    results = tree(tmp_path, _files(store))
    (site,) = key_sites(results["hookd/hooks.py"])
    assert site.status == Status.MANUAL


def test_it_behaves_as_before(tmp_path):
    project = {f"src/{n}": t for n, t in _files(STORE).items()} | {
        "scenario.py": (
            '"""A webhook for an installed portal, its key from the store."""\n'
            'ENV = {"HOOKD_DB": ":memory:"}\n'
            "RESPONSES = [\n"
            '    {"method": "GET", "url": r"/contacts/v1/contact/vid/7/profile",'
            ' "json": {"vid": 7}},\n'
            "]\n\n\n"
            "def case_hook(credential):\n"
            "    from hookd import db, hooks\n\n"
            '    db.add(42, credential("key-tenant"))\n'
            '    hooks.hook({"portalId": 42, "objectId": 7})\n'
        )
    }
    behaves(tmp_path / "store", project, manual=0)
