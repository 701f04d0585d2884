"""A helper sending the paths its callers give over an ``http.client``
connection made to HubSpot's API host: the path cannot take the request to
another host (the connection's host is fixed), so the token goes where the key
went. A connection made to a host its callers choose stays manual."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, tree

CONN = """\
import http.client
import json
import os

HOST = "api.hubapi.com"


class Conn(object):
    def __init__(self, key=None):
        self.key = key or os.environ["HUBSPOT_API_KEY"]
        self.conn = http.client.HTTPSConnection(HOST, timeout=15)

    def get(self, path):
        sep = "&" if "?" in path else "?"
        self.conn.request("GET", path + sep + "hapikey=" + self.key)
        return json.loads(self.conn.getresponse().read())

    def owners(self):
        return self.get("/owners/v2/owners")

    def forms(self):
        return self.get("/forms/v2/forms?formTypes=ALL")
"""


def test_paths_on_a_hubspot_connection_get_the_token(tmp_path):
    results = tree(tmp_path, {"conn.py": CONN})
    (site,) = [s for s in key_sites(results["conn.py"]) if s.kind.value == "url"]
    assert site.status == Status.REWRITE, site.reason
    assert '"Authorization": "Bearer " + self.key' in results["conn.py"].new.decode()


def test_a_connection_to_the_callers_host_stays_manual(tmp_path):
    chosen = CONN.replace(
        "def __init__(self, key=None):", "def __init__(self, host, key=None):"
    )
    chosen = chosen.replace("HTTPSConnection(HOST,", "HTTPSConnection(host,")
    results = tree(tmp_path, {"conn.py": chosen})
    sites = [s for s in key_sites(results["conn.py"]) if s.kind.value == "url"]
    assert sites and {s.status for s in sites} == {Status.MANUAL}
    assert not results["conn.py"].changed


def test_it_behaves_as_before(tmp_path):
    project = {
        "src/conn.py": CONN,
        "scenario.py": (
            '"""Owners and forms over one kept-alive connection."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n'
            "RESPONSES = [\n"
            '    {"method": "GET", "url": r"/owners/v2/owners", "json": []},\n'
            '    {"method": "GET", "url": r"/forms/v2/forms", "json": []},\n'
            "]\n\n\n"
            "def case_lookups(credential):\n"
            "    from conn import Conn\n\n"
            "    c = Conn()\n"
            "    c.owners()\n"
            "    c.forms()\n\n\n"
            "def case_tenant(credential):\n"
            "    from conn import Conn\n\n"
            '    Conn(credential("key-tenant")).owners()\n'
        ),
    }
    behaves(tmp_path / "conn", project, manual=0)
