"""A keyless helper that takes ``headers`` per call, handed keyed URLs by some
callers and keyless ones by others (issue #12; ``fixers/helper_headers.py``).

The keyed calls hand the helper ``headers={"Authorization": "Bearer " +
token}`` and their URLs drop the key; the helper and the keyless calls stay as
they were. Each condition that keeps the tree as it was has its own test: every
file unchanged, the keyed sites manual, the reason naming what blocks them."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.trees import behaves, migrate

FETCH = (
    "import json\nimport urllib.request\n\n\n"
    "def get_json(url, headers=None):\n"
    "    request = urllib.request.Request(url, headers=dict(headers or {}, "
    'Accept="application/json"))\n'
    "    with urllib.request.urlopen(request, timeout=20) as response:\n"
    '        return json.loads(response.read().decode("utf-8"))\n'
)
REPORT = (
    "import os\nfrom urllib.parse import urlencode\n\nfrom app import fetch\n\n"
    'BASE = "https://api.hubapi.com"\nKEY = os.environ["HUBSPOT_API_KEY"]\n\n\n'
    "def deals_url(offset=0):\n"
    '    return BASE + "/deals/v1/deal/paged?" + urlencode({"hapikey": KEY, '
    '"offset": offset})\n\n\n'
    "def deals():\n    return fetch.get_json(deals_url(0))\n\n\n"
    "def rates():\n"
    '    return fetch.get_json("https://api.exchangerate.example/latest")\n'
)
TREE = {"app/__init__.py": "", "app/fetch.py": FETCH, "app/report.py": REPORT}
HEADER = '{"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]}'


def test_the_keyed_call_hands_the_helper_the_header(tmp_path):
    out = migrate(tmp_path, TREE)
    statuses, text, reasons = out["app/report.py"]
    assert statuses == [Status.REWRITE], reasons
    assert 'urlencode({"offset": offset})' in text
    assert f"return fetch.get_json(deals_url(0), headers={HEADER})" in text
    # the keyless call and the helper stay as they were
    assert 'fetch.get_json("https://api.exchangerate.example/latest")\n' in text
    assert out["app/fetch.py"][1] == FETCH
    assert "hapikey" not in text


def test_it_merges_into_a_dict_display_the_call_gives(tmp_path):
    report = REPORT.replace(
        "fetch.get_json(deals_url(0))",
        'fetch.get_json(deals_url(0), headers={"X-Trace": "1"})',
    )
    out = migrate(tmp_path, {**TREE, "app/report.py": report})
    statuses, text, reasons = out["app/report.py"]
    assert statuses == [Status.REWRITE], reasons
    assert (
        'headers={"X-Trace": "1", "Authorization": "Bearer " + '
        'os.environ["HUBSPOT_ACCESS_TOKEN"]}' in text
    )


URLS = (
    "import os\nfrom urllib.parse import urlencode\n\n"
    'BASE = "https://api.hubapi.com"\n\n\n'
    "def deals_url(offset=0):\n"
    '    return BASE + "/deals/v1/deal/paged?" + urlencode({"hapikey": '
    'os.environ["HUBSPOT_API_KEY"], "offset": offset})\n'
)
PIPELINE = (
    "from app import fetch, urls\n\n\n"
    "def deals(offset=0):\n    return fetch.get_json(urls.deals_url(offset))\n"
)
WAREHOUSE = (
    "import os\n\nfrom app import fetch\n\n\n"
    "def owners():\n"
    '    return fetch.get_json("https://%s/v1/owners" % os.environ["WAREHOUSE_HOST"])\n'
)
SPREAD = {
    "app/__init__.py": "",
    "app/fetch.py": FETCH,
    "app/urls.py": URLS,
    "app/pipeline.py": PIPELINE,
    "app/warehouse.py": WAREHOUSE,
}


def test_a_builder_of_another_module_drops_the_key_where_the_call_gives_the_header(
    tmp_path,
):
    """The URL built in ``urls.py``, handed to the helper in ``pipeline.py``;
    a third module gives it a URL known at run time, without the key."""
    out = migrate(tmp_path, SPREAD)
    assert out["app/urls.py"][0] == out["app/pipeline.py"][0] == [Status.REWRITE]
    assert 'urlencode({"offset": offset})' in out["app/urls.py"][1]
    assert (
        f"fetch.get_json(urls.deals_url(offset), headers={HEADER})"
        in out["app/pipeline.py"][1]
    )
    for name in ("app/fetch.py", "app/warehouse.py"):
        assert out[name][1] == SPREAD[name], name


SCENARIO = (
    '"""A keyless urllib helper: HubSpot with the key, another host without."""\n'
    'ENV = {"HUBSPOT_API_KEY": "key-main", "WAREHOUSE_HOST": "wh.example.com"}\n'
    "RESPONSES = [\n"
    '    {"method": "GET", "url": r"/deals/v1/deal/paged", "json": {"deals": [1]}},\n'
    '    {"method": "GET", "url": r"wh\\.example\\.com", "json": {"owners": [2]}},\n'
    '    {"method": "GET", "url": r"exchangerate", "json": {"EUR": 1}},\n'
    "]\n\n\n"
    "def case_report(credential):\n"
    "    from app import report\n\n"
    '    assert report.deals() == {"deals": [1]}\n'
    '    assert report.rates() == {"EUR": 1}\n\n\n'
    "def case_spread(credential):\n"
    "    from app import pipeline, warehouse\n\n"
    '    assert pipeline.deals(5) == {"deals": [1]}\n'
    '    assert warehouse.owners() == {"owners": [2]}\n'
)


def test_both_trees_behave_as_before_with_the_token(tmp_path):
    """The harness: the keyed requests carry the token and no key, the others
    go out exactly as before (no token to another host)."""
    files = {f"src/{n}": t for n, t in {**TREE, **SPREAD}.items()}
    behaves(tmp_path / "p", {**files, "scenario.py": SCENARIO}, manual=0)


# -- what keeps the tree as it was ---------------------------------------------

STAYS = {
    "the helper replaces the headers it is given": {
        "app/fetch.py": FETCH.replace(
            'dict(headers or {}, Accept="application/json")',
            '{"Accept": "application/json"}',
        )
    },
    "the helper writes its own Authorization over them": {
        "app/fetch.py": FETCH.replace(
            'Accept="application/json"', 'Authorization="Basic Zm9v"'
        )
    },
    "the helper reads the headers elsewhere": {
        "app/fetch.py": FETCH.replace(
            "    request =", "    headers = headers or {}\n    request ="
        )
    },
    "the helper adds a header to the request itself": {
        "app/fetch.py": FETCH.replace(
            "    with urllib",
            '    request.add_header("Authorization", "Basic Zm9v")\n    with urllib',
        )
    },
    "a keyless call gives it a HubSpot URL": {
        "app/report.py": REPORT
        + "\n\ndef forms():\n"
        + '    return fetch.get_json("https://api.hubapi.com/forms/v2/forms")\n'
    },
    "the builder's URL is also used elsewhere": {
        "app/audit.py": "SEEN = []\n\n\ndef note(url):\n    SEEN.append(url)\n",
        "app/report.py": REPORT.replace(
            "from app import fetch", "from app import audit, fetch"
        )
        + "\n\ndef noted():\n    audit.note(deals_url(1))\n",
    },
    "the keyed URL goes to another host": {
        "app/report.py": REPORT.replace("api.hubapi.com", "proxy.example.com")
    },
    "the keyed call gives headers held in a variable": {
        "app/report.py": REPORT.replace(
            "fetch.get_json(deals_url(0))", "fetch.get_json(deals_url(0), headers=H)"
        ).replace("KEY = ", 'H = {"X-Trace": "1"}\nKEY = ')
    },
    "the keyed call gives headers by position": {
        "app/report.py": REPORT.replace(
            "fetch.get_json(deals_url(0))",
            'fetch.get_json(deals_url(0), {"X-Trace": "1"})',
        )
    },
}


@pytest.mark.parametrize("changes", list(STAYS.values()), ids=list(STAYS))
def test_the_tree_stays_when(tmp_path, changes):
    files = {**TREE, **changes}
    out = migrate(tmp_path, files)
    for name, text in files.items():
        assert out[name][1] == text, name
    statuses, _, reasons = out["app/report.py"]
    assert statuses and set(statuses) == {Status.MANUAL}, reasons


# -- the key in the mapping the helper sends as its params (a requests session) --

CALL = (
    "import requests\n\nSESSION = requests.Session()\n\n\n"
    "def call(method, url, params=None, json=None, auth=None, headers=None, "
    "attempts=3):\n"
    "    for attempt in range(1, attempts + 1):\n"
    "        resp = SESSION.request(method, url, params=params, json=json, "
    "auth=auth, headers=headers, timeout=20)\n"
    "        if resp.status_code == 503 and attempt < attempts:\n"
    "            continue\n"
    "        return resp.json() if resp.content else {}\n"
)
HUBSPOT = (
    "import os\n\nfrom bridge.http import call\n\n"
    'HS = "https://api.hubapi.com"\n'
    'DEFAULTS = {"hapikey": os.environ["HUBSPOT_API_KEY"]}\n\n\n'
    "def unsubscribed(email):\n"
    '    return call("GET", HS + "/email/public/v1/subscriptions/" + email, '
    "params={**DEFAULTS})\n\n\n"
    "def upsert(email, body):\n"
    '    return call("POST", HS + "/contacts/v1/contact/createOrUpdate/email/" '
    '+ email, params=dict(DEFAULTS, mode="x"), json=body)\n'
)
MAILCHIMP = (
    "import os\n\nfrom bridge.http import call\n\n\n"
    "def members(list_id):\n"
    '    return call("GET", "https://us7.api.mailchimp.com/3.0/lists/" + list_id, '
    'params={"count": 5}, auth=("bridge", os.environ["MAILCHIMP_API_KEY"]))\n'
)
BRIDGE = {
    "bridge/__init__.py": "",
    "bridge/http.py": CALL,
    "bridge/hubspot.py": HUBSPOT,
    "bridge/mailchimp.py": MAILCHIMP,
}


def test_a_keyed_params_mapping_handed_to_the_helper_migrates_per_call(tmp_path):
    """``call(method, url, params=None, ..., auth=None, headers=None)`` also
    serves Mailchimp with basic auth: only the calls handing it the key get
    the header, the Mailchimp call stays as it was."""
    out = migrate(tmp_path, BRIDGE)
    statuses, text, reasons = out["bridge/hubspot.py"]
    assert statuses == [Status.REWRITE], reasons
    assert "DEFAULTS = {}\n" in text
    assert text.count(f"headers={HEADER})") == 2
    assert 'params=dict(DEFAULTS, mode="x"), json=body, headers=' in text
    for name in ("bridge/http.py", "bridge/mailchimp.py"):
        assert out[name][1] == BRIDGE[name], name


WRAPPER = (
    "\n\ndef get(path, **query):\n"
    '    return call("GET", HS + path, params={**DEFAULTS, **query})\n\n\n'
    "def lists():\n"
    '    return get("/contacts/v1/lists/%s/contacts/all" % 12, count=2)\n'
)


BRIDGE_SCENARIO = (
    '"""One requests helper for HubSpot (a keyed params mapping) and Mailchimp."""\n'
    'ENV = {"HUBSPOT_API_KEY": "key-main", "MAILCHIMP_API_KEY": "mc-0123-us7"}\n'
    "RESPONSES = [\n"
    '    {"method": "GET", "url": r"/email/public/v1/subscriptions/", '
    '"json": {"unsubscribeFromAll": False}},\n'
    '    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate", '
    '"json": {"vid": 1}},\n'
    '    {"method": "GET", "url": r"mailchimp\\.com", "json": {"members": []}},\n'
    '    {"method": "GET", "url": r"/contacts/v1/lists/12", "json": {"contacts": []}},\n'
    "]\n\n\n"
    "def case_sync(credential):\n"
    "    from bridge import hubspot, mailchimp\n\n"
    '    assert mailchimp.members("l1") == {"members": []}\n'
    '    assert hubspot.unsubscribed("a@x.io") == {"unsubscribeFromAll": False}\n'
    '    assert hubspot.upsert("a@x.io", {"properties": []}) == {"vid": 1}\n'
    '    assert hubspot.lists() == {"contacts": []}\n'
)


def test_the_bridge_behaves_as_before_with_the_token(tmp_path):
    bridge = {**BRIDGE, "bridge/hubspot.py": HUBSPOT + WRAPPER}
    files = {f"src/{n}": t for n, t in bridge.items()}
    behaves(tmp_path / "b", {**files, "scenario.py": BRIDGE_SCENARIO}, manual=0)


def test_a_wrapper_whose_calls_give_paths_sends_to_hubspot(tmp_path):
    """``HS + path`` in ``def get(path, **query)``: HubSpot's host, every
    call of it here giving a path that starts with ``/``."""
    files = {**BRIDGE, "bridge/hubspot.py": HUBSPOT + WRAPPER}
    out = migrate(tmp_path, files)
    statuses, text, reasons = out["bridge/hubspot.py"]
    assert statuses == [Status.REWRITE], reasons
    assert text.count(f"headers={HEADER})") == 3
    assert "params={**DEFAULTS, **query}, headers=" in text


BRIDGE_STAYS = {
    "the keyed call gives the helper's auth": {
        "bridge/hubspot.py": HUBSPOT.replace(
            "params={**DEFAULTS})", 'params={**DEFAULTS}, auth=("u", "p"))'
        )
    },
    "the session sets its own auth": {
        "bridge/http.py": CALL.replace(
            "SESSION = requests.Session()\n",
            'SESSION = requests.Session()\nSESSION.auth = ("u", "p")\n',
        )
    },
    # review 18's T10: another module gives the helper's session credentials
    "another module sets the session's auth": {
        "bridge/mailchimp.py": MAILCHIMP.replace(
            "from bridge.http import call\n",
            'from bridge import http\nfrom bridge.http import call\n\nhttp.SESSION.auth = ("u", "p")\n',
        )
    },
    # T27: a private session handed out by a function, given .auth elsewhere
    "a private session handed out": {
        "bridge/http.py": CALL.replace("SESSION", "_SESSION")
        + "\n\ndef session():\n    return _SESSION\n",
        "bridge/mailchimp.py": MAILCHIMP.replace(
            "from bridge.http import call\n",
            'from bridge import http\nfrom bridge.http import call\n\nhttp.session().auth = ("u", "p")\n',
        ),
    },
    # ... or the helper sends a default credential to callers giving none
    "the helper's request gives a default auth": {
        "bridge/http.py": CALL.replace("auth=auth,", 'auth=auth or ("u", "p"),')
    },
    "a wrapper's call gives a path that does not start with /": {
        "bridge/hubspot.py": HUBSPOT + WRAPPER + "\n\ndef other(where):\n"
        "    return get(where)\n"
    },
    "another module calls the wrapper": {
        "bridge/hubspot.py": HUBSPOT + WRAPPER,
        "bridge/sync.py": "from bridge import hubspot\n\n\ndef run():\n"
        '    return hubspot.get("/contacts/v1/lists/all/contacts/all")\n',
    },
}


@pytest.mark.parametrize("changes", list(BRIDGE_STAYS.values()), ids=list(BRIDGE_STAYS))
def test_the_bridge_stays_when(tmp_path, changes):
    files = {**BRIDGE, **changes}
    out = migrate(tmp_path, files)
    for name, text in files.items():
        assert out[name][1] == text, name
    statuses, _, reasons = out["bridge/hubspot.py"]
    assert statuses and set(statuses) == {Status.MANUAL}, reasons
