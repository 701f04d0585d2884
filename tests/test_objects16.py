"""Keys held by objects stay for a person (the held-key, subclass-dict and
multi-return ``**kwargs`` rules of round 16 were taken back after review 24
found wrong rewrites in each: a subclass whose ``__init__`` never ran the
base's, a tenant's key handed in by a task, ``type(self).URL_PARAMS``, a
``with suppress(...)`` around a return, a form submission through the
wrapper). These near misses must stay manual, and a subclass's method
sending the held dict keeps even a configured key manual (its requests would
lose the key and get no header).
"""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.trees import key_sites, left_alone, tree

DEALS = """\
import os

import requests

SEARCH = "https://api.hubapi.com/crm/v3/objects/deals/search"


class HubSpotDeal(object):
    def __init__(self, token):
        self.params = {"hapikey": token}
        self.headers = {"accept": "application/json"}

    def find(self, name):
        r = requests.post(SEARCH, json={"query": name}, headers=self.headers, params=self.params)
        return r.json()

    def delete(self, deal_id):
        url = "https://api.hubapi.com/crm/v3/objects/deals/" + deal_id
        return requests.delete(url, params=self.params).status_code


HUB = HubSpotDeal(os.environ["HUBSPOT_API_KEY"])
"""


def _deals(tmp_path, source: str, **more: str):
    files = {"deals.py": source, **more}
    return tree(tmp_path, files)["deals.py"]


TENANT = DEALS.replace(
    'HUB = HubSpotDeal(os.environ["HUBSPOT_API_KEY"])\n',
    """def sync(account_id):
    account = Account.objects.get(pk=account_id)
    return HubSpotDeal(account.hubspot_api_key).find("renewal")
""",
).replace("import requests\n", "import requests\n\nfrom crm.models import Account\n")

LIBRARY = DEALS.replace('HUB = HubSpotDeal(os.environ["HUBSPOT_API_KEY"])\n', "")

TWO_PORTALS = DEALS.replace(
    'HUB = HubSpotDeal(os.environ["HUBSPOT_API_KEY"])\n',
    'MAIN = HubSpotDeal(os.environ["HUBSPOT_API_KEY"])\n'
    'SANDBOX = HubSpotDeal(os.environ["HUBSPOT_SANDBOX_API_KEY"])\n',
)

SUBCLASS = DEALS.replace(
    "\n\nHUB = HubSpotDeal(",
    """

class Pipelines(HubSpotDeal):
    def stages(self):
        return requests.get("https://api.hubapi.com/crm/v3/pipelines/deals", params=self.params).json()


HUB = Pipelines(""",
)

OTHER_HOST = DEALS.replace(
    "        return r.json()\n",
    '        requests.post("https://audit.example.com/log", json={"q": name}, params=self.params)\n'
    "        return r.json()\n",
)

CONDITIONAL = DEALS.replace(
    '        self.params = {"hapikey": token}\n',
    '        self.params = {}\n        if token:\n            self.params = {"hapikey": token}\n',
)

READ_OFF_THE_INSTANCE = DEALS + (
    '\n\ndef audit():\n    return requests.get("https://audit.example.com/", params=HUB.params)\n'
)


@pytest.mark.parametrize(
    "source, words",
    [
        (TENANT, ()),
        (LIBRARY, ()),
        (TWO_PORTALS, ()),
        (SUBCLASS, ()),
        (OTHER_HOST, ()),
        (CONDITIONAL, ()),
        (READ_OFF_THE_INSTANCE, ()),
    ],
    ids=[
        "tenant",
        "library",
        "two-portals",
        "subclass",
        "other-host",
        "conditional",
        "read-off",
    ],
)
def test_near_misses_stay_manual(tmp_path, source, words):
    left_alone(_deals(tmp_path, source), *words)


def test_a_class_made_by_another_module_stays_manual(tmp_path):
    library = DEALS.replace('HUB = HubSpotDeal(os.environ["HUBSPOT_API_KEY"])\n', "")
    results = tree(
        tmp_path,
        {
            "deals.py": library,
            "jobs.py": "import os\n\nfrom deals import HubSpotDeal\n\n"
            'HUB = HubSpotDeal(os.environ["HUBSPOT_API_KEY"])\n'
            'HUB.delete("1")\n',
        },
    )
    assert not results["deals.py"].changed
    statuses = [s.status for s in key_sites(results["deals.py"])]
    assert statuses and Status.REWRITE not in statuses


def _jobs(key: str) -> str:
    return (
        "import os\n\nfrom deals import HubSpotDeal\n\n"
        f'OTHER = HubSpotDeal(os.environ["{key}"])\nOTHER.delete("1")\n'
    )


def test_another_module_making_it_with_a_second_portals_key_stays_manual(tmp_path):
    results = tree(
        tmp_path, {"deals.py": DEALS, "jobs.py": _jobs("HUBSPOT_SANDBOX_KEY")}
    )
    left_alone(results["deals.py"])
    assert not results["jobs.py"].changed


SHARED_CLASS_DICT = """\
import os

import requests


class HubSpotConfig:
    API_TOKEN = os.environ["HUBSPOT_API_KEY"]
    URL_PARAMS = {"hapikey": API_TOKEN}


class Contacts(HubSpotConfig):
    def page(self, offset):
        self.URL_PARAMS["count"] = 50
        self.URL_PARAMS["vidOffset"] = offset
        url = "https://api.hubapi.com/contacts/v1/lists/all/contacts/all"
        return requests.get(url, params=self.URL_PARAMS).json()
"""

SESSION_PROPERTY = """\
import requests


class HubSpot:
    def __init__(self, *, api_key):
        self.api_key = api_key

    @property
    def client(self):
        client = requests.Session()
        client.params.update({"hapikey": self.api_key})
        return client

    def request(self, method, url, **kwargs):
        return self.client.request(method, url, **kwargs)
"""


def test_the_session_built_per_access_in_a_property_stays_manual(tmp_path):
    left_alone(_deals(tmp_path, SESSION_PROPERTY))


OWN_DICT = SHARED_CLASS_DICT.replace(
    "class Contacts(HubSpotConfig):\n",
    'class Contacts(HubSpotConfig):\n    URL_PARAMS = {"count": 100}\n\n',
)
MIXIN = SHARED_CLASS_DICT.replace(
    "class Contacts(HubSpotConfig):\n",
    "class Paging:\n    URL_PARAMS = {}\n\n\nclass Contacts(Paging, HubSpotConfig):\n",
)


@pytest.mark.parametrize("source", [OWN_DICT, MIXIN], ids=["own-dict", "mixin"])
def test_a_subclass_that_may_read_another_dict_keeps_the_class_dict_manual(
    tmp_path, source
):
    result = _deals(tmp_path, source)
    assert not result.changed
    sent = [s for s in key_sites(result) if s.kind.value == "params"]
    assert sent and all(s.status == Status.MANUAL for s in sent)
    assert "subclass Contacts" in " ".join(s.reason for s in sent)


CONFIGURED_SUBCLASS = (
    SUBCLASS.replace("def __init__(self, token):", "def __init__(self):")
    .replace('{"hapikey": token}', '{"hapikey": os.environ["HUBSPOT_API_KEY"]}')
    .replace('Pipelines(os.environ["HUBSPOT_API_KEY"])', "Pipelines()")
)


def test_a_subclass_sending_the_held_dict_keeps_a_configured_key_manual(tmp_path):
    # the subclass's request was not followed: the dict lost the key there
    # and the request got no header (a credential lost)
    left_alone(_deals(tmp_path, CONFIGURED_SUBCLASS), "also read by subclass Pipelines")


# -- a wrapper's **kwargs passed to one request per branch (sample 6: mitodl's
# send_hubspot_request(endpoint, api_url, method, body=None, query_params=None,
# **kwargs), one `return requests.<verb>(url=url, **kwargs)` per method)

WRAPPER = """\
import os
from urllib.parse import urlencode, urljoin

import requests

HUBSPOT_API_BASE_URL = "https://api.hubapi.com"


def send_hubspot_request(endpoint, api_url, method, body=None, query_params=None, **kwargs):
    base_url = urljoin(f"{HUBSPOT_API_BASE_URL}/", api_url)
    if endpoint:
        base_url = urljoin(f"{base_url}/", endpoint)
    if query_params is None:
        query_params = {}
    if "hapikey" not in query_params:
        query_params["hapikey"] = os.environ["HUBSPOT_API_KEY"]
    url = f"{base_url}?{urlencode(query_params)}"
    if method == "GET":
        return requests.get(url=url, **kwargs)
    if method == "POST":
        return requests.post(url=url, json=body, **kwargs)
    if method == "DELETE":
        return requests.delete(url=url, **kwargs)
"""

SEQUENTIAL = WRAPPER.replace(
    '    if method == "GET":\n',
    '    requests.post(url="https://audit.example.com/log", json=body, **kwargs)\n'
    '    if method == "GET":\n',
)

IN_A_TRY = WRAPPER.replace(
    '    if method == "GET":\n        return requests.get(url=url, **kwargs)\n',
    '    if method == "GET":\n'
    "        try:\n"
    "            return requests.get(url=url, **kwargs)\n"
    "        except requests.ConnectionError:\n"
    '            return requests.get(url="https://mirror.example.com/", **kwargs)\n',
)


@pytest.mark.parametrize("source", [SEQUENTIAL, IN_A_TRY], ids=["sequential", "try"])
def test_a_merged_header_that_could_reach_another_request_stays_manual(
    tmp_path, source
):
    left_alone(tree(tmp_path, {"hs.py": source})["hs.py"], "**kwargs")


def test_a_subclass_another_module_extends_keeps_the_class_dict_manual(tmp_path):
    base = SHARED_CLASS_DICT
    other = (
        "import requests\n\nfrom deals import Contacts\n\n\n"
        "class Audit(Contacts):\n    def send(self):\n"
        '        return requests.get("https://example.com/audit", params=self.URL_PARAMS)\n'
    )
    results = tree(tmp_path, {"deals.py": base, "audit.py": other})
    assert not results["deals.py"].changed and not results["audit.py"].changed
    sent = [s for s in key_sites(results["deals.py"]) if s.kind.value == "params"]
    assert sent and all(s.status == Status.MANUAL for s in sent)
