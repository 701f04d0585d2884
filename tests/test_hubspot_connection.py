"""2degrees' hubspot-connection (``PortalConnection(APIKey(key), source)``)
sends the key as ``?hapikey=``, and can send a token only as
``?access_token=`` (``OAuthKey``), which HubSpot no longer takes. Its keys are
sites for a person, in Python 3 and in Python 2 files alike, so that report,
check and guard see them; nothing is rewritten."""

from __future__ import annotations

from hapimigrate.model import Kind, Status
from tests.trees import key_sites, tree

PY3 = """\
import os

from hubspot.connection import APIKey, PortalConnection

KEY = os.environ["HUBSPOT_API_KEY"]


def contacts():
    with PortalConnection(APIKey(KEY), "sync") as connection:
        return connection.send_get_request("/contacts/v1/lists/all/contacts/all")
"""
PY2 = """\
from hubspot.connection import APIKey, PortalConnection

print "starting"
connection = PortalConnection(APIKey(key_value=KEY), "sync")
print connection.send_get_request("/contacts/v1/lists/all/contacts/all")
"""


def test_a_connection_key_is_a_site_for_a_person(tmp_path):
    result = tree(tmp_path, {"sync.py": PY3})["sync.py"]
    (site,) = key_sites(result)
    assert (site.kind, site.status, site.line) == (Kind.SDK, Status.MANUAL, 9)
    assert "?access_token=" in site.reason and "Authorization: Bearer" in site.reason
    assert result.new is None


def test_a_python_2_files_connection_key_is_found_too(tmp_path):
    result = tree(tmp_path, {"sync.py": PY2})["sync.py"]
    (site,) = key_sites(result)
    assert (site.status, site.line) == (Status.MANUAL, 4)
    assert "hubspot-connection" in site.reason


def test_an_oauth_key_or_another_librarys_apikey_is_no_site(tmp_path):
    oauth = PY3.replace("APIKey", "OAuthKey").replace("HUBSPOT_API_KEY", "TOKEN")
    other = PY3.replace("from hubspot.connection import", "from mylib import")
    results = tree(tmp_path, {"oauth.py": oauth, "other.py": other})
    assert key_sites(results["oauth.py"]) == []
    assert key_sites(results["other.py"]) == []
