"""Keys read from a local configuration file by plain scripts and helper modules
(sample 7's ``secret_keys.json`` export scripts, ``hubspot-key.json`` helpers).

- A script that takes the key out of ``data = json.load(f)`` and later reuses
  ``data`` for each page's response still reads the key from the file: a
  top-level statement sees only what the statements before it bound.
- A sibling script that uses the same variable name for its own value, and does
  not import the module, cannot read or change the module's value.
- An SDK client (``HubSpot(api_key=...)``) sends to the SDK's own host, HubSpot's.

The near-misses stay manual: the name rebound before the key is read, the file's
value also logged or sent to another host, a file read per tenant, a sibling
module that imports the value.
"""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, tree

EXPORT = """\
import json
import requests

with open("secret_keys.json") as f:
    data = json.load(f)

API_KEY = data["hubspot_api_key"]
url = "https://api.hubapi.com/crm/v3/objects/contacts"

contacts = []
querystring = {"limit": "100", "hapikey": API_KEY}
response = requests.request("GET", url, headers={"accept": "application/json"}, params=querystring)
data = json.loads(response.text)
contacts.extend(data["results"])
after = data["paging"]["next"]["after"]
while after:
    querystring = {"limit": "100", "after": after, "hapikey": API_KEY}
    response = requests.request("GET", url, params=querystring)
    data = response.json()
    contacts.extend(data["results"])
    after = data.get("paging", {}).get("next", {}).get("after")
print(len(contacts))
"""

REPORT = """\
import json
import requests

with open("secret_keys.json") as f:
    data = json.load(f)

API_KEY = data["hubspot_api_key"]
deal_url = "https://api.hubapi.com/crm/v3/objects/deals"
deal_querystring = {"limit": "100", "hapikey": API_KEY}
deal_response = requests.request("GET", deal_url, params=deal_querystring)
d_data = json.loads(deal_response.text)
print(len(d_data["results"]))
"""


def statuses(result):
    return [s.status for s in key_sites(result)]


def reasons(result):
    return [s.reason for s in key_sites(result)]


def test_a_script_reusing_the_loaded_name_for_responses_sends_the_file_value(tmp_path):
    result = tree(tmp_path, {"contacts_export.py": EXPORT})["contacts_export.py"]
    assert statuses(result) == [Status.REWRITE, Status.REWRITE], reasons(result)
    assert all("secret_keys.json" in r for r in reasons(result))
    text = result.new.decode()
    assert "hapikey" not in text
    assert text.count('"Bearer " + API_KEY') == 2
    assert 'API_KEY = data["hubspot_api_key"]' in text  # still read from the file
    assert "os.environ" not in text


def test_two_scripts_sharing_a_variable_name_are_each_their_own(tmp_path):
    out = tree(tmp_path, {"contacts_export.py": EXPORT, "cross_report.py": REPORT})
    for name in ("contacts_export.py", "cross_report.py"):
        assert set(statuses(out[name])) == {Status.REWRITE}, reasons(out[name])
        assert "hapikey" not in out[name].new.decode()


def test_a_module_importing_the_script_keeps_it_manual(tmp_path):
    # another module reads the loaded value by import: its use is not followed
    reader = "from cross_report import data\n\nprint(data)\n"
    out = tree(tmp_path, {"cross_report.py": REPORT, "reader.py": reader})
    assert statuses(out["cross_report.py"]) == [Status.MANUAL]
    assert out["cross_report.py"].new is None


def test_the_name_rebound_before_the_key_is_read_stays_manual(tmp_path):
    source = EXPORT.replace(
        'API_KEY = data["hubspot_api_key"]',
        'data = requests.get("https://vault.example.com/keys").json()\n'
        'API_KEY = data["hubspot_api_key"]',
    )
    result = tree(tmp_path, {"export.py": source})["export.py"]
    assert set(statuses(result)) == {Status.MANUAL}
    assert result.new is None


def test_the_file_value_also_logged_stays_manual(tmp_path):
    source = EXPORT.replace(
        'url = "https://api.hubapi.com',
        'print("using", API_KEY)\nurl = "https://api.hubapi.com',
    )
    result = tree(tmp_path, {"export.py": source})["export.py"]
    assert set(statuses(result)) == {Status.MANUAL}
    assert any("also read at line 8" in r for r in reasons(result)), reasons(result)


def test_the_file_value_also_sent_to_another_host_stays_manual(tmp_path):
    source = (
        EXPORT
        + 'requests.get("https://hooks.example.com/x", params={"key": API_KEY})\n'
    )
    result = tree(tmp_path, {"export.py": source})["export.py"]
    assert set(statuses(result)) == {Status.MANUAL}
    assert result.new is None


def test_a_file_read_per_tenant_stays_manual(tmp_path):
    source = """\
import json
import requests

for tenant in ["acme", "globex"]:
    with open(tenant + ".json") as f:
        data = json.load(f)
    API_KEY = data["hubspot_api_key"]
    requests.get("https://api.hubapi.com/crm/v3/objects/deals", params={"hapikey": API_KEY})
    data = None
"""
    result = tree(tmp_path, {"tenants.py": source})["tenants.py"]
    assert statuses(result) == [Status.MANUAL]
    assert result.new is None


def test_two_fields_of_the_file_two_portals_each_keep_their_own_value(tmp_path):
    source = """\
import json
import requests

with open("keys.json") as f:
    data = json.load(f)
US_KEY = data["portal_us"]
EU_KEY = data["portal_eu"]
requests.get("https://api.hubapi.com/crm/v3/objects/deals", params={"hapikey": US_KEY})
requests.get("https://api.hubapi.com/crm/v3/objects/deals", params={"hapikey": EU_KEY})
data = None
"""
    result = tree(tmp_path, {"two.py": source})["two.py"]
    text = result.new.decode() if result.new else source
    if result.new is not None:  # each field becomes that portal's token, none mixed
        assert '"Bearer " + US_KEY' in text and '"Bearer " + EU_KEY' in text
        assert "os.environ" not in text
    assert "hapikey" not in text or set(statuses(result)) == {Status.MANUAL}


# -- the SDK client built with the file's value -----------------------------------

HELPERS = """\
import json
import requests
from hubspot import HubSpot

json_file = open(r"hubspot-key.json", encoding="utf-8")
api_key = json.load(json_file)["hubspot-api"]
api_client = HubSpot(api_key=api_key)


def engaged_contacts():
    url = "https://api.hubapi.com/crm/v3/objects/contacts/search"
    return requests.post(url, params={"hapikey": api_key}, json={}).json()


def deal_contacts(deal_id):
    return api_client.crm.deals.associations_api.get_all(deal_id, "contacts")
"""


def test_an_sdk_client_given_the_file_value_gets_it_as_its_token(tmp_path):
    result = tree(tmp_path, {"hubspot_helpers.py": HELPERS})["hubspot_helpers.py"]
    assert statuses(result) == [Status.REWRITE, Status.REWRITE], reasons(result)
    text = result.new.decode()
    assert "HubSpot(access_token=api_key)" in text
    assert "hapikey" not in text and "os.environ" not in text


def test_an_sdk_client_whose_file_value_is_also_printed_stays_manual(tmp_path):
    source = HELPERS + "\nprint(api_key)\n"
    result = tree(tmp_path, {"hubspot_helpers.py": source})["hubspot_helpers.py"]
    assert set(statuses(result)) == {Status.MANUAL}
    assert result.new is None


def test_hubspot3_sending_to_another_api_base_stays_manual(tmp_path):
    source = """\
import json
from hubspot3 import Hubspot3

with open("keys.json") as f:
    keys = json.load(f)
client = Hubspot3(api_key=keys["hubspot"], api_base="proxy.example.com")
print(client.contacts.get_all())
"""
    result = tree(tmp_path, {"client.py": source})["client.py"]
    assert statuses(result) == [Status.MANUAL]
    assert result.new is None


# -- a query parameter whose name is a setting --------------------------------------

DJANGO = """\
import json
import requests
import hubspot
from advisorschoice import settings

HS_API_VALUE = settings.HS_API_VALUE
HS_API_KEY = settings.HS_API_KEY
PARAMS = {settings.HS_API_KEY: settings.HS_API_VALUE}
HS_BASE_URL = settings.HS_BASE_URL
HEADERS = {"Content-Type": "application/json"}


def get_object_properties(object_name):
    response = requests.get(
        HS_BASE_URL + f"/crm/v3/properties/{object_name}",
        params={
            HS_API_KEY: HS_API_VALUE,
        },
    )
    return response.json()["results"]


def contact_exists(email):
    search_url = HS_BASE_URL + "/crm/v3/objects/contacts/search"
    data = json.dumps({"filterGroups": [{"filters": [{"propertyName": "email", "value": email}]}]})
    return requests.post(data=data, url=search_url, headers=HEADERS, params=PARAMS).json()


def update_object(object_name, object_id, properties):
    url = f"{HS_BASE_URL}/crm/v3/objects/{object_name}/{object_id}"
    return requests.patch(url, headers=HEADERS, params=PARAMS, data=json.dumps(properties))
"""


def test_a_parameter_named_by_a_setting_is_reported_with_its_requests(tmp_path):
    result = tree(tmp_path, {"api/hubspot.py": DJANGO})["api/hubspot.py"]
    sites = key_sites(result)
    assert [(s.line, s.status) for s in sites] == [
        (8, Status.MANUAL),
        (17, Status.MANUAL),
    ], reasons(result)
    first, second = (s.reason for s in sites)
    assert "name comes from settings.HS_API_KEY" in first
    assert "the requests at lines 26, 31 send the key" in first
    assert "name comes from HS_API_KEY" in second
    assert "the request at line 14 sends the key" in second
    assert result.new is None  # nothing rewritten


def test_check_fails_on_a_parameter_named_by_a_setting(tmp_path):
    import subprocess
    import sys

    (tmp_path / "api").mkdir()
    (tmp_path / "api" / "hubspot.py").write_text(DJANGO)
    done = subprocess.run(
        [sys.executable, "-m", "hapimigrate", "check", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1, done.stderr
    assert "HS_API_KEY" in done.stdout


def test_a_setting_named_parameter_sent_to_another_service_is_not_reported(tmp_path):
    source = """\
import requests
import hubspot
from django.conf import settings

WISTIA = {settings.WISTIA_KEY_PARAM: settings.WISTIA_API_KEY}


def medias():
    return requests.get("https://api.wistia.com/v1/medias.json", params=WISTIA).json()
"""
    result = tree(tmp_path, {"media.py": source})["media.py"]
    assert key_sites(result) == []


def test_a_setting_named_parameter_that_is_no_key_is_not_reported(tmp_path):
    source = """\
import requests
import hubspot
from django.conf import settings

PAGING = {settings.HS_LIMIT_PARAM: settings.HS_PAGE_SIZE}


def deals():
    return requests.get("https://api.hubapi.com/crm/v3/objects/deals", params=PAGING).json()
"""
    result = tree(tmp_path, {"deals.py": source})["deals.py"]
    assert key_sites(result) == []


def test_a_name_held_as_the_hapikey_literal_is_reported_once(tmp_path):
    source = """\
import requests
from django.conf import settings

KEY_PARAM = "hapikey"


def deals():
    params = {KEY_PARAM: settings.HUBSPOT_API_KEY}
    return requests.get("https://api.hubapi.com/crm/v3/objects/deals", params=params).json()
"""
    result = tree(tmp_path, {"deals.py": source})["deals.py"]
    assert [s.status for s in key_sites(result)] == [Status.MANUAL]
    assert "held in" in key_sites(result)[0].reason


# -- one setting under two spellings, beside a key written in the code --------------

SPELLINGS = """\
import requests
from django.conf import settings

HS_API_VALUE = settings.HS_API_VALUE


def create_deal(properties):
    url = f"https://api.hubapi.com/crm/v3/objects/deals?hapikey={HS_API_VALUE}"
    return requests.post(url, json={"properties": properties})


def stages():
    url = f"https://api.hubapi.com/crm/v3/pipelines/deals/default/stages?hapikey={settings.HS_API_VALUE}"
    return requests.get(url).json()


def create_property(prop):
    url = "https://api.hubapi.com/crm/v3/properties/contacts?hapikey=4f1c2b7e-9a3d-4e2f-8b6a-1c0d9e8f7a6b"
    return requests.post(url, json=prop)
"""


def test_one_setting_spelled_twice_is_one_key_and_the_literal_is_named_by_its_line(
    tmp_path,
):
    result = tree(tmp_path, {"hubspot.py": SPELLINGS})["hubspot.py"]
    assert set(statuses(result)) == {Status.MANUAL}  # two keys: left for a person
    for reason in reasons(result):
        assert "several keys are sent (a key written in the code (line 18), " in reason
        assert "settings.HS_API_VALUE:" in reason
        assert "HS_API_VALUE, " not in reason  # not the alias as a third key
        assert "4f1c2b7e" not in reason
    assert result.new is None


# -- a key read only where the same lookup was found empty ---------------------------

ADAPTER = """\
from typing import Any, Dict, Optional

from hubspot import HubSpot


class HubSpotAdapter:
    def __init__(self, credentials: Dict[str, Any]):
        self.credentials = credentials
        self.client: Optional[HubSpot] = None
        self._connect()

    def _connect(self) -> None:
        access_token = self.credentials.get('access_token') or self.credentials.get('api_key')

        if access_token:
            self.client = HubSpot(access_token=access_token)
        else:
            self.client = HubSpot(api_key=self.credentials.get('api_key'))

    def contacts(self):
        return self.client.crm.contacts.basic_api.get_page(limit=10)
"""


def test_an_sdk_key_read_where_the_same_lookup_was_empty_sends_nothing(tmp_path):
    result = tree(tmp_path, {"hubspot_adapter.py": ADAPTER})["hubspot_adapter.py"]
    [site] = key_sites(result)
    assert site.status == Status.KEPT
    assert "runs only when self.credentials.get('api_key') is empty" in site.reason
    assert result.new is None  # the line stays: it never sends a key


def test_the_negated_test_with_the_key_in_its_body_sends_nothing(tmp_path):
    source = ADAPTER.replace(
        "        if access_token:\n"
        "            self.client = HubSpot(access_token=access_token)\n"
        "        else:\n"
        "            self.client = HubSpot(api_key=self.credentials.get('api_key'))\n",
        "        if not access_token:\n"
        "            self.client = HubSpot(api_key=self.credentials.get('api_key'))\n"
        "        else:\n"
        "            self.client = HubSpot(access_token=access_token)\n",
    )
    result = tree(tmp_path, {"hubspot_adapter.py": source})["hubspot_adapter.py"]
    assert [s.status for s in key_sites(result)] == [Status.KEPT]


def test_a_key_lookup_the_test_did_not_look_at_stays_manual(tmp_path):
    source = ADAPTER.replace(
        "access_token = self.credentials.get('access_token') or self.credentials.get('api_key')",
        "access_token = self.credentials.get('access_token')",
    )
    result = tree(tmp_path, {"hubspot_adapter.py": source})["hubspot_adapter.py"]
    assert [s.status for s in key_sites(result)] != [Status.KEPT]


def test_an_and_test_stays_manual(tmp_path):
    source = ADAPTER.replace(
        "self.credentials.get('access_token') or self.credentials.get('api_key')",
        "self.credentials.get('access_token') and self.credentials.get('api_key')",
    )
    result = tree(tmp_path, {"hubspot_adapter.py": source})["hubspot_adapter.py"]
    assert [s.status for s in key_sites(result)] != [Status.KEPT]


def test_the_mapping_changed_between_test_and_key_stays_manual(tmp_path):
    source = ADAPTER.replace(
        "        else:\n            self.client = HubSpot(api_key=",
        "        else:\n            self.credentials = load_portal_credentials()\n"
        "            self.client = HubSpot(api_key=",
    )
    result = tree(tmp_path, {"hubspot_adapter.py": source})["hubspot_adapter.py"]
    assert [s.status for s in key_sites(result)] != [Status.KEPT]


def test_a_statement_between_binding_and_test_stays_manual(tmp_path):
    source = ADAPTER.replace(
        "\n        if access_token:\n",
        "\n        self.credentials = refreshed(self.credentials)\n        if access_token:\n",
    )
    result = tree(tmp_path, {"hubspot_adapter.py": source})["hubspot_adapter.py"]
    assert [s.status for s in key_sites(result)] != [Status.KEPT]


def test_a_key_rebound_later_to_another_portals_key_keeps_both_manual(tmp_path):
    # the first request reads the environment's key only, but the module sends
    # a second key after it: no request may get the one token
    source = """\
import os
import requests

API_KEY = os.environ["HUBSPOT_API_KEY"]
requests.get("https://api.hubapi.com/crm/v3/objects/deals", params={"hapikey": API_KEY})
API_KEY = "4f1c2b7e-9a3d-4e2f-8b6a-1c0d9e8f7a6b"


def owners():
    return requests.get("https://api.hubapi.com/crm/v3/owners", params={"hapikey": API_KEY})
"""
    result = tree(tmp_path, {"two_portals.py": source})["two_portals.py"]
    assert set(statuses(result)) == {Status.MANUAL}, reasons(result)
    assert result.new is None


def test_a_notebook_running_the_script_keeps_it_manual(tmp_path):
    notebook = (
        '{"cells": [{"cell_type": "code", "source": ["%run cross_report.py\\n", '
        '"print(data)"], "metadata": {}, "outputs": [], "execution_count": null}], '
        '"metadata": {}, "nbformat": 4, "nbformat_minor": 5}'
    )
    (tmp_path / "explore.ipynb").write_text(notebook)
    out = tree(tmp_path, {"cross_report.py": REPORT})
    assert statuses(out["cross_report.py"]) == [Status.MANUAL]


def test_a_star_re_export_reaches_the_key_for_its_readers(tmp_path):
    # review 25, R5: common.py re-exports sync's names; healthcheck.py names
    # the key through it, not through sync: its format check still counts
    sync = (
        "import json\nimport requests\n\n"
        'with open("secrets.json") as f:\n    secrets = json.load(f)\n'
        'API_KEY = secrets["hubspot_api_key"]\n\n\n'
        "def owners():\n"
        '    return requests.get("https://api.hubapi.com/crm/v3/owners",'
        ' params={"hapikey": API_KEY}).json()\n'
    )
    health = (
        "import re, sys\nfrom common import API_KEY\n\n"
        'if not re.fullmatch(r"[0-9a-f-]{36}", API_KEY):\n'
        '    sys.exit("not a HubSpot API key")\n'
    )
    results = tree(
        tmp_path,
        {
            "sync.py": sync,
            "common.py": "from sync import *  # noqa: F401,F403\n",
            "healthcheck.py": health,
        },
    )
    assert [s.status for s in key_sites(results["sync.py"])] == [Status.MANUAL]
    assert results["sync.py"].new is None
