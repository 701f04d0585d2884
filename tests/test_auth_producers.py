"""An auth helper handing out the key as request kwargs (``return {"params":
{"hapikey": KEY}}``) migrates only when every mention of it in the tree is a
call whose kwargs are spread into a ``requests`` call to HubSpot's API with no
headers or auth of its own: then the key's entry becomes the Authorization
header in that one return, and an OAuth branch beside it stays byte for byte.
Anything else (a caller's portal key, another host, a form, a header of the
request's own, the kwargs held in a local or handed to a helper, logged, the
function named in a string or in any other file of the project, two producers
of two keys, a key branch chosen by the key's presence) leaves it manual,
naming why (:mod:`hapimigrate.analysis.auth_producers`)."""

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


def companies():
    return requests.get(HUBAPI + "/companies/v2/companies/paged", **hubspot_auth()).json()
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
    assert batch.companies() == {"companies": []}
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
    assert "mirror.example.com" in reasons and "batch.py:18" in reasons


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
    batch = BATCH + (
        "\n\ndef owners():\n    kwargs = hubspot_auth()\n    print(kwargs)\n"
        '    return requests.get(HUBAPI + "/owners/v2/owners", **kwargs)\n'
    )
    statuses, text, reasons, _ = auth_site(tmp_path, batch=batch)
    assert statuses == [Status.MANUAL] and text == AUTH
    assert "its kwargs are held in kwargs" in reasons


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


def test_merged_kwargs_sent_by_a_request_helper_stay(tmp_path):
    # narrowed (review 19's R9): a merge helper or a request helper is no
    # longer followed; only a direct spread into requests/httpx counts
    statuses, text, reasons = bridge_site(tmp_path)
    assert statuses == [Status.MANUAL] and text == BRIDGE_AUTH
    assert "passed to merge()" in reasons


def test_a_request_helper_keeps_it(tmp_path):
    api = (
        API.replace(
            '    auth = hubspot_auth()\n    return fetch_json("POST", HUBSPOT + "/deals/v1/deal", json=body, **auth)',
            '    return fetch_json("POST", HUBSPOT + "/deals/v1/deal", json=body, **hubspot_auth())',
        )
        .replace(
            'merge(hubspot_auth(), headers={"Content-Type": "application/json"})', "{}"
        )
        .replace('merge(hubspot_auth(), params={"limit": 20})', "{}")
    )
    statuses, text, reasons = bridge_site(tmp_path, api=api)
    assert statuses == [Status.MANUAL] and text == BRIDGE_AUTH
    assert "spread into fetch_json(), which is not a requests/httpx request" in reasons


def test_a_caller_of_a_developer_key_api_keeps_it(tmp_path):
    batch = BATCH + (
        "\n\ndef event_types(app_id):\n"
        '    url = HUBAPI + "/integrations/v1/%s/timeline/event-types" % app_id\n'
        "    return requests.get(url, **hubspot_auth())\n"
    )
    statuses, text, reasons, _ = auth_site(tmp_path, batch=batch)
    assert statuses == [Status.MANUAL] and text == AUTH
    assert "developer-key API" in reasons and "batch.py:19" in reasons


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


# -- review 19 ----------------------------------------------------------------------


def test_r1_kwargs_held_in_a_local_keep_it(tmp_path):
    batch = BATCH + (
        "\n\ndef paged(offset=0):\n    kwargs = hubspot_auth()\n"
        '    kwargs["params"]["offset"] = offset\n'
        '    return requests.get(HUBAPI + "/companies/v2/companies/paged", **kwargs)\n'
    )
    statuses, text, reasons, _ = auth_site(tmp_path, batch=batch)
    assert statuses == [Status.MANUAL] and text == AUTH
    assert "its kwargs are held in kwargs" in reasons and "batch.py:18" in reasons


def test_r5_params_read_out_of_a_local_keep_it(tmp_path):
    batch = BATCH + (
        "\n\ndef pages():\n    auth = hubspot_auth()\n"
        '    page = requests.get(HUBAPI + "/contacts/v1/lists/all/contacts/all", **auth).json()\n'
        '    return requests.get(HUBAPI + "/contacts/v1/lists/all/contacts/all",'
        ' params={**auth.get("params", {}), "vidOffset": 1})\n'
    )
    statuses, text, reasons, _ = auth_site(tmp_path, batch=batch)
    assert statuses == [Status.MANUAL] and text == AUTH
    assert "its kwargs are held in auth" in reasons


GET_ALL = """\
import requests


def get_all(url, params=None, headers=None):
    resp = requests.get(url, params=params, headers=headers, timeout=20)
    data = resp.json()
    while data.get("next"):
        data = requests.get(data["next"], params=params, timeout=20).json()
    return data
"""


def test_r9_a_request_helper_resending_params_keeps_it(tmp_path):
    api = (
        "from crm.auth import hubspot_auth\nfrom crm.http import get_all\n\n\n"
        "def companies():\n"
        '    return get_all("https://api.hubapi.com/crm/v3/objects/companies", **hubspot_auth())\n'
    )
    more = {"crm/http.py": GET_ALL, "crm/api.py": api}
    statuses, text, reasons, _ = auth_site(tmp_path, **more)
    assert statuses == [Status.MANUAL] and text == AUTH
    assert "spread into get_all(), which is not a requests/httpx request" in reasons


def test_r3_a_form_submission_keeps_it(tmp_path):
    batch = BATCH + (
        "\n\ndef submit(email):\n    return requests.post(\n"
        '        "https://forms.hubspot.com/uploads/form/v2/62515/a3d8e1f0",\n'
        '        data={"email": email},\n        **hubspot_auth()\n    )\n'
    )
    statuses, text, reasons, _ = auth_site(tmp_path, batch=batch)
    assert statuses == [Status.MANUAL] and text == AUTH
    assert "form submission" in reasons and "batch.py:21" in reasons


SANDBOX = """\
import os


def sandbox_auth():
    return {"params": {"hapikey": os.environ["HUBSPOT_SANDBOX_KEY"]}}
"""


def test_r6_two_producers_of_two_keys_keep_both(tmp_path):
    batch = BATCH.replace(
        "from crm.auth import hubspot_auth\n",
        "from crm.auth import hubspot_auth\nfrom crm.sandbox import sandbox_auth\n",
    ) + (
        "\n\ndef qa(body):\n"
        '    return requests.post(HUBAPI + "/contacts/v1/contact/batch/", json=body, **sandbox_auth())\n'
    )
    out = migrate(tmp_path, {**files(batch=batch), "crm/sandbox.py": SANDBOX})
    for name, text in (("crm/auth.py", AUTH), ("crm/sandbox.py", SANDBOX)):
        statuses, after, reasons = out[name]
        assert statuses == [Status.MANUAL] and after == text, reasons
        assert "one token cannot stand for both" in " ".join(reasons)


def _notebook(*cells: str) -> str:
    import json

    return json.dumps(
        {
            "cells": [
                {
                    "cell_type": "code",
                    "execution_count": None,
                    "metadata": {},
                    "outputs": [],
                    "source": cell,
                }
                for cell in cells
            ],
            "metadata": {},
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    )


def test_r7_a_notebook_calling_the_producer_keeps_it(tmp_path):
    notebook = _notebook(
        "import requests\nfrom crm.auth import hubspot_auth\n",
        'r = requests.get("https://bi.example.com/owners", **hubspot_auth())\n',
    )
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "owners.ipynb").write_text(notebook)
    statuses, text, reasons, _ = auth_site(tmp_path)
    assert statuses == [Status.MANUAL] and text == AUTH
    assert "owners.ipynb" in reasons


def test_r16_a_key_constant_a_notebook_imports_stays(tmp_path):
    notebook = _notebook("from crm.auth import API_KEY\nassert API_KEY\n")
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "backfill.ipynb").write_text(notebook)
    statuses, text, reasons, _ = auth_site(tmp_path, CONSTANT)
    assert Status.REWRITE in statuses, reasons
    assert 'API_KEY = os.environ["HUBSPOT_API_KEY"]' in text


def test_r17_a_producer_named_in_a_yaml_file_keeps_it(tmp_path):
    (tmp_path / "sinks.yaml").write_text(
        "sinks:\n  - url: https://warehouse.example.com/ingest\n"
        "    auth: crm.auth:hubspot_auth\n"
    )
    statuses, text, reasons, _ = auth_site(tmp_path)
    assert statuses == [Status.MANUAL] and text == AUTH
    assert "sinks.yaml:3" in reasons


MODE = """\
import os


def hubspot_auth():
    key = os.environ.get("HUBSPOT_API_KEY")
    if key:
        return {"params": {"hapikey": key}}
    return {"headers": {"Authorization": "Bearer " + os.environ["HUBSPOT_OAUTH_TOKEN"]}}
"""


def test_r13_a_key_branch_chosen_by_the_keys_presence_stays(tmp_path):
    statuses, text, reasons, _ = auth_site(tmp_path, MODE)
    assert Status.REWRITE not in statuses and text == MODE, reasons
    assert "chooses its auth mode by the key's presence" in reasons


def test_r15_an_internal_error_gives_its_reason(tmp_path, monkeypatch):
    from hapimigrate.analysis import auth_producers

    def broken(*args, **kwargs):
        raise ValueError("'url' is not in list")

    monkeypatch.setattr(auth_producers._Tree, "spread", broken)
    statuses, text, reasons, _ = auth_site(tmp_path)
    assert statuses == [Status.MANUAL] and text == AUTH
    assert "internal error in auth_producers: ValueError" in reasons


def test_r15_a_keyword_only_url_helper_gives_a_precise_reason(tmp_path):
    http = (
        "import requests\n\n\ndef fetch(method, params=None, headers=None, *, url):\n"
        "    return requests.request(method, url, params=params, headers=headers)\n"
    )
    api = (
        "from crm.auth import hubspot_auth\nfrom crm.http import fetch\n\n\n"
        "def owners():\n"
        '    return fetch("GET", url="https://api.hubapi.com/owners/v2/owners", **hubspot_auth())\n'
    )
    statuses, text, reasons, _ = auth_site(
        tmp_path, **{"crm/http.py": http, "crm/api.py": api}
    )
    assert statuses == [Status.MANUAL] and text == AUTH
    assert "spread into fetch(), which is not a requests/httpx request" in reasons


def test_r28_a_key_constant_another_module_sets_keeps_it(tmp_path):
    cli = (
        "from crm import auth, batch\n\n\ndef main(key=None):\n    if key:\n"
        "        auth.API_KEY = key\n    return batch.upsert([])\n"
    )
    statuses, text, reasons, _ = auth_site(tmp_path, CONSTANT, **{"crm/cli.py": cli})
    assert statuses == [Status.MANUAL] and text == CONSTANT
    assert "returns API_KEY, which cli.py:6 sets" in reasons
