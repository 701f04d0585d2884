"""A key bound under a test, sent by a request made after it: "the key is added
only when X, and the request is also made without it" is false when every
binding of the name the request sends that can reach it holds the key, and a
path with none raises before the request (keyed_paths):

* a Dataiku plugin's ``parameter_dict`` bound in each branch of nested
  ``if``/``elif`` chains with no ``else``, sent by a paging loop;
* a CLI's ``params`` (``dict(hapikey=...)`` or a literal) per ``--kind``;
* a Flask view's URL (an f-string, a ``+`` chain) per route argument, sent
  from a retry loop;
* a script's module-level ``url`` rebound to another keyed URL before the
  second loop's request.

The near misses stay manual: a binding before the chain, a keyless branch, a
``global``, a ``del``, a popped or rewritten key entry, a loop-header,
``except ... as`` or ``+=`` binding, a ``try`` falling through with a keyless
URL, a second portal's key, a binding after the request in its loop, a read
in a lambda, and a key sent only on a 401 retry after a Bearer request.
"""

from __future__ import annotations

import pytest

from hapimigrate.model import Kind, Status
from tests.behaviour.compare import OK, WRONG
from tests.behaviour.harness import Settings, run_project
from tests.conftest import migrate

PLUGIN = '''"""Dataiku connector: HubSpot contacts and companies as a dataset."""
import json
import time

import requests

CONTACTS_LIMIT = 100
COMPANIES_LIMIT = 250


def get_values(apikey, properties_type, list_input, object_name):
    if object_name == "contacts":
        limit = CONTACTS_LIMIT
        url_feat = "https://api.hubapi.com/contacts/v1/lists/all/contacts/all?"
        if properties_type == "Standard":
            parameter_dict = {"hapikey": apikey, "count": limit}
        elif properties_type == "Custom":
            parameter_dict = {"hapikey": apikey, "count": limit, "property": list_input}
    elif object_name == "companies":
        limit = COMPANIES_LIMIT
        url_feat = "https://api.hubapi.com/companies/v2/companies/paged?"
        if properties_type == "Standard":
            parameter_dict = {"hapikey": apikey, "count": limit}
        elif properties_type == "Custom":
            parameter_dict = {"hapikey": apikey, "count": limit, "properties": list_input}
    has_more = True
    while has_more:
        r = requests.get(url_feat, params=parameter_dict)
        response = r.json()
        has_more = response.get("has-more", False)
        yield response.get(object_name, [])
        if object_name == "contacts":
            parameter_dict["vidOffset"] = response.get("vid-offset")
        else:
            parameter_dict["offset"] = response.get("offset")
'''

CLI = '''"""hs-export: dump one HubSpot object type as JSON."""
import argparse
import os

import requests

BASE = "https://api.hubapi.com"


def export(kind, key):
    if kind == "contacts":
        params = dict(hapikey=key, count=100)
        path = "/contacts/v1/lists/all/contacts/all"
    elif kind == "deals":
        params = {"hapikey": key, "limit": 250}
        path = "/deals/v1/deal/paged"
    elif kind == "owners":
        params = {"hapikey": key}
        path = "/owners/v2/owners"
    response = requests.get(BASE + path, params=params, timeout=30)
    response.raise_for_status()
    return response.json()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kind")
    args = parser.parse_args()
    print(export(args.kind, os.environ["HUBSPOT_API_KEY"]))


if __name__ == "__main__":
    main()
'''

VIEW = """import os

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
HUBSPOT_KEY = os.environ["HUBSPOT_API_KEY"]
BASE = "https://api.hubapi.com"


@app.route("/sync/<kind>")
def sync(kind):
    limit = request.args.get("limit", "10")
    if kind == "contacts":
        url = f"{BASE}/contacts/v1/lists/all/contacts/all?hapikey={HUBSPOT_KEY}&count={limit}"
    elif kind == "companies":
        url = BASE + "/companies/v2/companies/paged?hapikey=" + HUBSPOT_KEY + "&limit=" + limit
    for attempt in range(3):
        try:
            response = requests.get(url, timeout=10)
            break
        except requests.ConnectionError:
            if attempt == 2:
                raise
    return jsonify(response.json())
"""

PAGER = """import os

import requests

BASE = "https://api.hubapi.com"


class Exporter:
    def __init__(self, api_key):
        self.api_key = api_key

    def pages(self, kind, since=None):
        if kind == "contacts":
            base = {"hapikey": self.api_key, "count": 100}
            url = BASE + "/contacts/v1/lists/all/contacts/all"
        elif kind == "companies" and since:
            base = {"hapikey": self.api_key, "count": 250, "since": since}
            url = BASE + "/companies/v2/companies/recent/modified"
        elif kind == "companies":
            base = {"hapikey": self.api_key, "count": 250}
            url = BASE + "/companies/v2/companies/paged"
        offset = 0
        while True:
            page = requests.get(url, params={**base, "offset": offset}).json()
            yield page
            if not page.get("has-more"):
                break
            offset = page["offset"]
            base.update({"count": 50})
"""

FSTRING = """import requests

BASE = "https://api.hubapi.com"


def pages(key, kind):
    if kind == "deals":
        url = f"{BASE}/deals/v1/deal/paged?hapikey={key}"
    elif kind == "tickets":
        url = f"{BASE}/crm-objects/v1/objects/tickets/paged?hapikey={key}"
    offset = 0
    while offset is not None:
        page = requests.get(f"{url}&offset={offset}").json()
        offset = page.get("offset")
        yield page
"""

SCRIPT = """import os
import requests
BASE = "https://api.hubapi.com"
KEY = os.environ["HUBSPOT_API_KEY"]
offset = 0
more = True
while more:
    retries = 0
    while True:
        retries += 1
        try:
            url = BASE + "/companies/v2/companies/paged?hapikey=" + KEY + "&offset=" + str(offset)
            page = requests.get(url).json()
            offset = page["offset"]
            more = page["has-more"]
            break
        except Exception:
            if retries > 3:
                raise
url = BASE + "/crm/v3/objects/deals/search?hapikey=" + KEY
after = 0
while after is not None:
    try:
        r = requests.post(url, json={"after": after})
        after = r.json().get("after")
    except Exception:
        after = None
"""


def key_sites(result):
    return [s for s in result.sites if s.kind not in (Kind.CALL, Kind.VERSION)]


def statuses(result):
    return [(s.line, s.status, s.reason) for s in key_sites(result)]


@pytest.mark.parametrize(
    "source, count",
    [(PLUGIN, 4), (CLI, 3), (VIEW, 2), (SCRIPT, 2), (PAGER, 3), (FSTRING, 2)],
    ids=["dataiku plugin", "cli", "flask view", "script", "pager", "f-string"],
)
def test_every_branch_binding_the_sent_name_with_the_key_migrates(source, count):
    result = migrate(source)
    sites = key_sites(result)
    assert len(sites) == count
    assert all(s.status == Status.REWRITE for s in sites), statuses(result)
    text = result.new.decode()
    assert "hapikey" not in text
    assert "only when" not in "".join(s.reason or "" for s in sites)


def test_the_plugins_paging_request_gets_the_callers_token():
    text = migrate(PLUGIN).new.decode()
    assert (
        'requests.get(url_feat, params=parameter_dict, headers={"Authorization": '
        '"Bearer " + apikey})'
    ) in text
    assert 'parameter_dict = {"count": limit}' in text


def test_the_cli_caller_passes_the_token_and_each_params_loses_only_the_key():
    text = migrate(CLI).new.decode()
    assert "params = dict(count=100)" in text
    assert 'params = {"limit": 250}' in text
    assert "params = {}" in text
    assert 'export(args.kind, os.environ["HUBSPOT_ACCESS_TOKEN"])' in text


def test_the_views_retried_request_gets_the_header():
    text = migrate(VIEW).new.decode()
    assert 'url = f"{BASE}/contacts/v1/lists/all/contacts/all?count={limit}"' in text
    assert "requests.get(url, timeout=10, headers=" in text


def test_the_scripts_rebound_url_request_gets_the_header_once():
    text = migrate(SCRIPT).new.decode()
    assert text.count("Bearer ") == 2
    assert 'url = BASE + "/crm/v3/objects/deals/search"\n' in text


NEAR_MISSES = {
    "bound before the chain": PLUGIN.replace(
        '    if object_name == "contacts":\n',
        '    parameter_dict = {}\n    url_feat = "https://api.hubapi.com/x?"\n'
        '    if object_name == "contacts":\n',
        1,
    ),
    "a branch without the key": CLI.replace(
        "    response = requests.get(",
        '    else:\n        params = {"limit": 10}\n        path = "/status"\n'
        "    response = requests.get(",
    ),
    "a global": CLI.replace(
        "def export(kind, key):\n",
        "params = {}\n\n\ndef export(kind, key):\n    global params\n",
    ),
    "a del": CLI.replace(
        "    response.raise_for_status()\n",
        "    del params\n    response.raise_for_status()\n",
    ),
    "the key entry popped": CLI.replace(
        '        path = "/owners/v2/owners"\n',
        '        path = "/owners/v2/owners"\n        params.pop("hapikey")\n',
    ),
    "the key entry set again": CLI.replace(
        '        path = "/owners/v2/owners"\n',
        '        path = "/owners/v2/owners"\n        params["hapikey"] = None\n',
    ),
    "a loop header": VIEW.replace(
        "    for attempt in range(3):\n",
        '    else:\n        for url in ["https://status.example.com/ping"]:\n'
        "            pass\n    for attempt in range(3):\n",
    ),
    "an except as": CLI.replace(
        '    if kind == "contacts":\n',
        "    try:\n        import missing_module\n"
        '    except ImportError as params:\n        path = "/x"\n'
        '    if kind == "contacts":\n',
    ),
    "an augmented assignment": VIEW.replace(
        "    for attempt in range(3):\n",
        '    else:\n        url += "/status"\n    for attempt in range(3):\n',
    ),
    "a try falling through with a keyless URL": VIEW.replace(
        '    if kind == "contacts":\n        url',
        '    url = "https://status.example.com/ping"\n    try:\n        url',
    ).replace(
        '    elif kind == "companies":\n        url = BASE + "/companies/v2/companies/'
        'paged?hapikey=" + HUBSPOT_KEY + "&limit=" + limit\n',
        "    except KeyError:\n        pass\n",
    ),
    "a second portal's key": CLI.replace(
        'params = {"hapikey": key, "limit": 250}',
        'params = {"hapikey": os.environ["EU_PORTAL_KEY"], "limit": 250}',
    ),
    "bound keyless after the request in its loop": PLUGIN.replace(
        '        has_more = response.get("has-more", False)\n',
        '        has_more = response.get("has-more", False)\n'
        '        parameter_dict = {"count": 10}\n',
    ),
    "two portals' keys under one name": CLI.replace(
        'params = {"hapikey": key, "limit": 250}',
        'key = os.environ["HUBSPOT_EU_KEY"]\n        params = {"hapikey": key}',
    ),
    "the spread dict sets the key again": PAGER.replace(
        '{**base, "offset": offset}', '{**base, "hapikey": None, "offset": offset}'
    ),
    "updated from another dict": PAGER.replace(
        'base.update({"count": 50})', 'base.update(page.get("next", {}))'
    ),
    "a part of the URL sent": FSTRING.replace(
        'requests.get(f"{url}&offset={offset}")', 'requests.get(url.split("?")[0])'
    ),
    "read in a lambda": CLI.replace(
        "    response = requests.get(BASE + path, params=params, timeout=30)\n",
        "    fetch = lambda: requests.get(BASE + path, params=params, timeout=30)\n"
        "    response = fetch()\n",
    ),
}


@pytest.mark.parametrize("source", NEAR_MISSES.values(), ids=NEAR_MISSES.keys())
def test_a_path_reaching_the_request_without_the_key_stays_manual(source):
    result = migrate(source)
    sites = key_sites(result)
    assert sites and all(s.status == Status.MANUAL for s in sites), statuses(result)


BEARER_FIRST = """import requests


class HubSpotClient:
    def __init__(self, access_token, api_key):
        self.api_key = api_key
        self.base_url = "https://api.hubapi.com"
        self.headers = {"Authorization": f"Bearer {access_token}"}

    def request(self, method, endpoint, params=None):
        url = f"{self.base_url}/{endpoint.lstrip('/')}"
        response = requests.request(method, url, headers=self.headers, params=params)
        if response.status_code == 401:
            if params is None:
                params = {}
            params["hapikey"] = self.api_key
            headers_no_bearer = {"Content-Type": "application/json"}
            response = requests.request(
                method, url, headers=headers_no_bearer, params=params
            )
        response.raise_for_status()
        return response.json()
"""


def test_a_key_sent_only_on_a_401_retry_after_a_bearer_request_stays_manual():
    result = migrate(BEARER_FIRST)
    sites = key_sites(result)
    assert sites and all(s.status == Status.MANUAL for s in sites), statuses(result)
    assert result.new is None or b"hapikey" in result.new


SCENARIO = '''"""The plugin's reads: each object and property set, and an unknown one."""
ENV = {"HUBSPOT_API_KEY": "key-main"}


def case_contacts_and_companies(credential):
    import plugin

    for kind in ("contacts", "companies"):
        for properties in ("Standard", "Custom"):
            list(plugin.get_values(credential("main"), properties, ["email"], kind))


def case_unknown_object(credential):
    import plugin

    try:
        list(plugin.get_values(credential("main"), "Standard", [], "deals"))
    except UnboundLocalError:
        pass


def case_unknown_properties(credential):
    import plugin

    try:
        list(plugin.get_values(credential("main"), "All", [], "contacts"))
    except UnboundLocalError:
        pass
'''


def test_every_request_the_plugin_makes_carries_the_token_and_no_key(tmp_path):
    path = tmp_path / "src" / "plugin.py"
    path.parent.mkdir(parents=True)
    path.write_text(PLUGIN)
    (tmp_path / "scenario.py").write_text(SCENARIO)
    result = run_project(tmp_path, Settings())
    assert not result.errors, result.errors
    assert [v.label for v in result.verdicts if v.kind == WRONG] == []
    assert sum(v.kind == OK for v in result.verdicts) >= 4
    assert result.counts.manual == 0 and result.counts.rewrite == 4


def _proofs(source: str) -> list[bool]:
    """keyed_paths' answer for each keyed assignment and each request
    reading the name it binds."""
    import libcst as cst
    import libcst.matchers as m

    from hapimigrate import providers
    from hapimigrate.analysis import keyed_paths
    from hapimigrate.python.context import ModuleContext

    ctx = ModuleContext("example.py", cst.parse_module(source), providers.resolve(None))
    assigns = [
        n
        for n in m.findall(ctx.module, m.Assign())
        if "hapikey" in ctx.code(n.value).lower()
        and isinstance(n.targets[0].target, cst.Name)
    ]
    calls = m.findall(ctx.module, m.Call(func=m.Attribute(value=m.Name("requests"))))
    return [
        keyed_paths.keyed_on_every_path(ctx, assign.value, call)
        for assign in assigns
        for call in calls
        if m.findall(call, m.Name(assign.targets[0].target.value))
    ]


@pytest.mark.parametrize(
    "source",
    [PLUGIN, CLI, VIEW, PAGER, FSTRING],
    ids=["plugin", "cli", "view", "pager", "f-string"],
)
def test_the_proof_holds_for_each_branch_of_the_positive_shapes(source):
    proofs = _proofs(source)
    assert proofs and all(proofs)


@pytest.mark.parametrize("source", NEAR_MISSES.values(), ids=NEAR_MISSES.keys())
def test_the_proof_fails_for_each_near_miss_whatever_rule_reports_it(source):
    proofs = _proofs(source)
    assert proofs and not any(proofs)


CLI_SCENARIO = '''"""hs-export for each object type, and one it does not know."""
ENV = {"HUBSPOT_API_KEY": "key-main"}


def case_each_kind(credential):
    import hs_export

    for kind in ("contacts", "deals", "owners"):
        hs_export.export(kind, credential("main"))


def case_unknown_kind(credential):
    import hs_export

    try:
        hs_export.export("tickets", credential("main"))
    except UnboundLocalError:
        pass
'''


def test_every_request_the_cli_makes_carries_the_token_and_no_key(tmp_path):
    path = tmp_path / "src" / "hs_export.py"
    path.parent.mkdir(parents=True)
    path.write_text(CLI)
    (tmp_path / "scenario.py").write_text(CLI_SCENARIO)
    result = run_project(tmp_path, Settings())
    assert not result.errors, result.errors
    assert [v.label for v in result.verdicts if v.kind == WRONG] == []
    assert sum(v.kind == OK for v in result.verdicts) >= 3
    assert result.counts.manual == 0 and result.counts.rewrite == 3
