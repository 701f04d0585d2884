"""An auth helper handing out the key as request kwargs (``return {"params":
{"hapikey": KEY}}``) migrates only when every mention of it in the tree is a
call whose kwargs are spread into a ``requests`` call to HubSpot's API with no
headers or auth of its own: then the key's entry becomes the Authorization
header in that one return, and an OAuth branch beside it stays byte for byte.
Anything else (a caller's portal key, another host, a header of the request's
own, the kwargs handed to a helper, logged, or the function named in a string)
leaves it manual, naming why (:mod:`hapimigrate.analysis.auth_producers`)."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import behaves, migrate

AUTH = """\
import os


def hubspot_auth():
    token = os.environ.get("HUBSPOT_OAUTH_TOKEN")
    if token:
        return {"headers": {"Authorization": "Bearer %s" % token}}
    return {"params": {"hapikey": os.environ["HUBSPOT_API_KEY"]}}
"""

OAUTH_BRANCH = """\
    token = os.environ.get("HUBSPOT_OAUTH_TOKEN")
    if token:
        return {"headers": {"Authorization": "Bearer %s" % token}}
"""

BATCH = """\
import requests

from crm.auth import hubspot_auth

HUBAPI = "https://api.hubapi.com"


def upsert(body):
    r = requests.post(HUBAPI + "/contacts/v1/contact/batch/", json=body, **hubspot_auth())
    return r.status_code


def companies(offset=0):
    kwargs = hubspot_auth()
    kwargs["params"] = {**kwargs.get("params", {}), "limit": 2, "offset": offset}
    return requests.get(HUBAPI + "/companies/v2/companies/paged", **kwargs).json()
"""

SCENARIO = '''\
"""An auth helper returning the key as request kwargs, spread into requests."""
ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "POST", "url": r"/contacts/v1/contact/batch/", "status": 202},
    {"method": "GET", "url": r"/companies/v2/companies/paged", "json": {"companies": []}},
]


def case_calls(credential):
    from crm import batch

    assert batch.upsert([{"email": "a@b.io"}]) == 202
    assert batch.companies(4) == {"companies": []}
'''


def files(auth: str = AUTH, batch: str = BATCH) -> dict[str, str]:
    return {"crm/__init__.py": "", "crm/auth.py": auth, "crm/batch.py": batch}


def project(auth: str = AUTH, batch: str = BATCH) -> dict[str, str]:
    out = {f"src/{name}": text for name, text in files(auth, batch).items()}
    out["scenario.py"] = SCENARIO
    return out


def auth_site(tmp_path, auth: str = AUTH, batch: str = BATCH, **more: str):
    out = migrate(tmp_path, {**files(auth, batch), **more})
    statuses, text, reasons = out["crm/auth.py"]
    return statuses, text, " ".join(reasons), out


# -- migrated ---------------------------------------------------------------------


def test_the_key_branch_returns_the_header_and_the_oauth_branch_stays(tmp_path):
    statuses, text, reasons, out = auth_site(tmp_path)
    assert statuses == [Status.REWRITE], reasons
    assert "hapikey" not in text and "HUBSPOT_API_KEY" not in text
    assert OAUTH_BRANCH in text  # byte for byte
    assert (
        '    return {"headers": {"Authorization": "Bearer " + '
        'os.environ["HUBSPOT_ACCESS_TOKEN"]}}\n'
    ) in text
    assert "batch.py:9" in reasons and "batch.py:14" in reasons
    assert out["crm/batch.py"][1] == BATCH  # its callers unchanged


def test_other_params_of_the_returned_kwargs_stay(tmp_path):
    auth = AUTH.replace('{"hapikey": os', '{"limit": 5, "hapikey": os')
    statuses, text, reasons, _ = auth_site(tmp_path, auth)
    assert statuses == [Status.REWRITE], reasons
    assert (
        'return {"params": {"limit": 5}, "headers": {"Authorization": "Bearer " + '
        'os.environ["HUBSPOT_ACCESS_TOKEN"]}}'
    ) in text


def test_it_behaves_the_same_with_the_token(tmp_path):
    behaves(tmp_path, project(), manual=0)


# -- left for a person ------------------------------------------------------------


def test_a_key_from_the_callers_parameter_stays(tmp_path):
    auth = AUTH.replace("def hubspot_auth():", "def hubspot_auth(api_key=None):")
    auth = auth.replace(
        'os.environ["HUBSPOT_API_KEY"]', 'api_key or os.environ["HUBSPOT_API_KEY"]'
    )
    statuses, text, reasons, _ = auth_site(tmp_path, auth)
    assert statuses == [Status.MANUAL]
    assert text == auth
    assert "its parameter api_key" in reasons and "another portal" in reasons


def test_a_caller_sending_to_another_host_keeps_it(tmp_path):
    batch = BATCH + (
        "\n\ndef mirror():\n"
        '    return requests.get("https://mirror.example.com/owners", **hubspot_auth())\n'
    )
    statuses, text, reasons, _ = auth_site(tmp_path, batch=batch)
    assert statuses == [Status.MANUAL] and text == AUTH
    assert "mirror.example.com" in reasons and "batch.py:20" in reasons


def test_a_request_giving_its_own_headers_keeps_it(tmp_path):
    batch = BATCH.replace("json=body, **", 'json=body, headers={"X-A": "1"}, **')
    statuses, text, reasons, _ = auth_site(tmp_path, batch=batch)
    assert statuses == [Status.MANUAL] and text == AUTH
    assert "headers= of its own" in reasons


def test_kwargs_handed_to_a_helper_keep_it(tmp_path):
    batch = BATCH + (
        "\n\ndef merged(auth, **more):\n    return dict(auth, **more)\n\n\n"
        "def owners():\n"
        '    return requests.get(HUBAPI + "/owners/v2/owners", **merged(hubspot_auth()))\n'
    )
    statuses, text, reasons, _ = auth_site(tmp_path, batch=batch)
    assert statuses == [Status.MANUAL] and text == AUTH
    assert "passed to merged()" in reasons


def test_kwargs_logged_keep_it(tmp_path):
    batch = BATCH.replace(
        '    kwargs["params"] =', '    print(kwargs)\n    kwargs["params"] ='
    )
    statuses, text, reasons, _ = auth_site(tmp_path, batch=batch)
    assert statuses == [Status.MANUAL] and text == AUTH
    assert "kwargs, which holds its kwargs, is used other than sent" in reasons


def test_a_producer_named_in_a_string_keeps_it(tmp_path):
    registry = (
        "import importlib\n\n"
        'AUTH = getattr(importlib.import_module("crm.auth"), "hubspot_auth")\n'
    )
    statuses, text, reasons, _ = auth_site(tmp_path, **{"crm/registry.py": registry})
    assert statuses == [Status.MANUAL] and text == AUTH
    assert "named in a string at registry.py:3" in reasons


def test_a_producer_passed_on_keeps_it(tmp_path):
    other = "from crm import auth\n\nHOOKS = [auth.hubspot_auth]\n"
    statuses, text, reasons, _ = auth_site(tmp_path, **{"crm/hooks.py": other})
    assert statuses == [Status.MANUAL] and text == AUTH
    assert "used other than called at hooks.py:3" in reasons


# -- through a merge helper and a request helper of the tree ------------------------

BRIDGE_AUTH = AUTH + '''

def merge(auth, params=None, headers=None):
    """Combine auth kwargs with a call's own params/headers."""
    out = {}
    out["params"] = dict(auth.get("params", {}), **(params or {}))
    out["headers"] = dict(auth.get("headers", {}), **(headers or {}))
    return out
'''

HTTP = """\
import logging

import requests

log = logging.getLogger(__name__)


def fetch_json(method, url, params=None, headers=None, json=None, auth=None):
    resp = requests.request(method, url, params=params, headers=headers, json=json, auth=auth, timeout=20)
    log.info("%s %s -> %s", method, url, resp.status_code)
    return resp.json()
"""

API = """\
from crm.auth import hubspot_auth, merge
from crm.http import fetch_json

HUBSPOT = "https://api.hubapi.com"


def upsert(email, props):
    kw = merge(hubspot_auth(), headers={"Content-Type": "application/json"})
    return fetch_json("POST", HUBSPOT + "/contacts/v1/contact/createOrUpdate/email/" + email, json=props, **kw)


def deals(vid):
    kw = merge(hubspot_auth(), params={"limit": 20})
    return fetch_json("GET", HUBSPOT + "/deals/v1/deal/associated/contact/%s/paged" % vid, **kw)


def create_deal(body):
    auth = hubspot_auth()
    return fetch_json("POST", HUBSPOT + "/deals/v1/deal", json=body, **auth)
"""

STRIPE = """\
from crm.http import fetch_json


def customers(key):
    return fetch_json("GET", "https://api.stripe.com/v1/customers", auth=(key, ""))
"""

BRIDGE_SCENARIO = '''\
"""Auth kwargs merged with a call's own, sent by a request helper shared with Stripe."""
ENV = {"HUBSPOT_API_KEY": "key-main"}
CASE_ENV = {"case_oauth": {"HUBSPOT_OAUTH_TOKEN": "oauth-install1"}}

RESPONSES = [
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate/email/", "json": {"vid": 7}},
    {"method": "GET", "url": r"/deals/v1/deal/associated/contact/7/paged", "json": {"deals": []}},
    {"method": "POST", "url": r"/deals/v1/deal", "json": {"dealId": 9}},
    {"method": "GET", "url": r"api\\.stripe\\.com", "json": {"data": []}},
]


def _run():
    from crm import api, stripe

    assert api.upsert("a@b.io", {"properties": []}) == {"vid": 7}
    assert api.deals(7) == {"deals": []}
    assert api.create_deal({"properties": []}) == {"dealId": 9}
    assert stripe.customers("sk_test_1") == {"data": []}


def case_key(credential):
    _run()


def case_oauth(credential):
    _run()
'''


def bridge(api: str = API, auth: str = BRIDGE_AUTH, http: str = HTTP) -> dict[str, str]:
    return {
        "crm/__init__.py": "",
        "crm/auth.py": auth,
        "crm/http.py": http,
        "crm/api.py": api,
        "crm/stripe.py": STRIPE,
    }


def bridge_site(tmp_path, **changes: str):
    out = migrate(tmp_path, bridge(**changes))
    statuses, text, reasons = out["crm/auth.py"]
    return statuses, text, " ".join(reasons)


def test_merged_kwargs_sent_by_a_request_helper_migrate(tmp_path):
    statuses, text, reasons = bridge_site(tmp_path)
    assert statuses == [Status.REWRITE], reasons
    assert OAUTH_BRANCH in text and "hapikey" not in text
    assert 'return {"headers": {"Authorization": "Bearer " + os.environ' in text
    assert "api.py:8, api.py:13, api.py:18" in reasons


def test_merged_kwargs_behave_the_same_with_the_token_and_in_oauth_mode(tmp_path):
    files = {f"src/{name}": text for name, text in bridge().items()}
    behaves(tmp_path, {**files, "scenario.py": BRIDGE_SCENARIO}, manual=0)


def test_a_merge_given_an_authorization_header_keeps_it(tmp_path):
    api = API.replace('{"Content-Type": "application/json"}', '{"Authorization": "x"}')
    statuses, text, reasons = bridge_site(tmp_path, api=api)
    assert statuses == [Status.MANUAL] and text == BRIDGE_AUTH
    assert "merge() is given headers that may hold an Authorization" in reasons


def test_a_merge_dropping_the_headers_keeps_it(tmp_path):
    auth = BRIDGE_AUTH.replace(
        '    out["headers"] = dict(auth.get("headers", {}), **(headers or {}))\n',
        '    out["headers"] = dict(headers or {})\n',
    )
    statuses, text, reasons = bridge_site(tmp_path, auth=auth)
    assert statuses == [Status.MANUAL] and text == auth
    assert "not a plain merge of params and headers" in reasons


def test_a_request_helper_adding_its_own_headers_keeps_it(tmp_path):
    http = HTTP.replace(
        "headers=headers,", 'headers={"Authorization": "x", **headers},'
    )
    statuses, text, reasons = bridge_site(tmp_path, http=http)
    assert statuses == [Status.MANUAL] and text == BRIDGE_AUTH
    assert "does not hand its headers to a request unchanged" in reasons


def test_a_request_helper_given_another_host_keeps_it(tmp_path):
    api = API.replace(
        'HUBSPOT + "/deals/v1/deal", json', '"https://crm.example.com/deal", json'
    )
    statuses, text, reasons = bridge_site(tmp_path, api=api)
    assert statuses == [Status.MANUAL] and text == BRIDGE_AUTH
    assert "by fetch_json() goes to crm.example.com at api.py:18" in reasons


def test_a_caller_of_a_developer_key_api_keeps_it(tmp_path):
    batch = BATCH + (
        "\n\ndef event_types(app_id):\n"
        '    url = HUBAPI + "/integrations/v1/%s/timeline/event-types" % app_id\n'
        "    return requests.get(url, **hubspot_auth())\n"
    )
    statuses, text, reasons, _ = auth_site(tmp_path, batch=batch)
    assert statuses == [Status.MANUAL] and text == AUTH
    assert "developer-key API" in reasons and "batch.py:21" in reasons


def test_a_docstring_or_all_naming_the_producer_calls_nothing(tmp_path):
    auth = (
        '"""hubspot_auth() gives the kwargs."""\n'
        + AUTH
        + '\n__all__ = ["hubspot_auth"]\n'
    )
    statuses, text, reasons, _ = auth_site(tmp_path, auth)
    assert statuses == [Status.REWRITE], reasons


def test_a_caller_through_a_package_re_export_keeps_it(tmp_path):
    package = "from crm.auth import hubspot_auth\n"
    report = (
        "import logging\n\nfrom crm import hubspot_auth\n\n\n"
        "def show():\n    logging.info(hubspot_auth())\n"
    )
    out = migrate(
        tmp_path, {**files(), "crm/__init__.py": package, "crm/report.py": report}
    )
    statuses, text, reasons = out["crm/auth.py"]
    assert statuses == [Status.MANUAL] and text == AUTH
    assert "imported from another module (a re-export?) at report.py:3" in " ".join(
        reasons
    )


CONSTANT = AUTH.replace(
    "import os\n", 'import os\n\nAPI_KEY = os.environ["HUBSPOT_API_KEY"]\n'
).replace('os.environ["HUBSPOT_API_KEY"]}}', "API_KEY}}")


def test_the_key_constant_only_the_producer_read_goes(tmp_path):
    statuses, text, reasons, _ = auth_site(tmp_path, CONSTANT)
    assert statuses == [Status.REWRITE], reasons
    assert "API_KEY" not in text and "HUBSPOT_API_KEY" not in text
    assert OAUTH_BRANCH in text


def test_the_key_constant_another_module_reads_stays(tmp_path):
    health = "from crm.auth import API_KEY\n\n\ndef ok():\n    return bool(API_KEY)\n"
    out = migrate(tmp_path, {**files(CONSTANT), "crm/health.py": health})
    statuses, text, reasons = out["crm/auth.py"]
    assert Status.REWRITE in statuses, reasons
    assert 'API_KEY = os.environ["HUBSPOT_API_KEY"]' in text
    assert '"Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]' in text


def test_a_key_constant_behaves_the_same_with_the_token(tmp_path):
    behaves(tmp_path, project(CONSTANT), manual=0)
