"""A key held by an object: the constructor's parameter put into ``self.params``
and sent by the object's own methods (real code, sample 6: a deals script's
``HubSpotDeal(token)`` whose ``__init__`` holds ``{"hapikey": token}`` for eight
requests of its methods, the token a literal of ``__main__`` handed through
``delete(token, excel)``).

- The class takes a token now: the constructor keeps it as
  ``self._hubspot_token``, the held dict loses the key, each method's request
  sends ``"Bearer " + self._hubspot_token``, and the callers in the module
  (a module-level instance made with the env key, a script's literal through
  its functions) pass the provider's token.
- Near misses stay manual: a tenant's key from the database, a class nothing
  in the tree makes (a library's: its users hand it their key), two portals'
  keys, a subclass's method sending the dict, the dict also sent to another
  host, the key held under a condition, the class made by another module, the
  held dict read off the instance by a caller, a Session built per access in
  a property (sample 6: not taken).
- A class-level dict of a config base class that its subclasses read and
  mutate (sample 6: ``URL_PARAMS = {"hapikey": API_TOKEN}`` read by three
  subclasses, one adding ``count`` and ``vidOffset``): it loses the key, every
  subclass's request gets the header; a subclass binding its own dict, or with
  another base that may hold one, keeps it manual.
- A wrapper passing its own ``**kwargs`` to one request per branch, each the
  value of a ``return`` (sample 6, mitodl's ``send_hubspot_request``): the
  header is merged into ``kwargs`` before each; a request made after another
  (another host's) or in a ``try`` whose handler makes one stays manual.
"""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.behaviour.compare import OK, WRONG
from tests.behaviour.harness import Settings, run_project
from tests.trees import key_sites, left_alone, migrated, tree

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

SCRIPT = DEALS.replace(
    'HUB = HubSpotDeal(os.environ["HUBSPOT_API_KEY"])\n',
    """def clean(token, names):
    hub = HubSpotDeal(token)
    for name in names:
        for deal in hub.find(name)["results"]:
            hub.delete(deal["id"])


if __name__ == "__main__":
    token = "00000000-0000-0000-0000-000000000000"
    clean(token, ["old deal"])
""",
)


def _deals(tmp_path, source: str, **more: str):
    files = {"deals.py": source, **more}
    return tree(tmp_path, files)["deals.py"]


def test_a_module_level_instance_made_with_the_env_key_sends_the_token(tmp_path):
    text = migrated(_deals(tmp_path, DEALS))
    assert "hapikey" not in text
    assert "self.params = {}\n        self._hubspot_token = token\n" in text
    assert text.count('"Bearer " + self._hubspot_token') == 2
    assert 'HUB = HubSpotDeal(os.environ["HUBSPOT_ACCESS_TOKEN"])' in text
    assert "HUBSPOT_API_KEY" not in text


def test_the_reason_says_the_class_takes_a_token_now(tmp_path):
    sites = key_sites(_deals(tmp_path, DEALS))
    assert [s.status for s in sites] == [Status.REWRITE]
    assert "HubSpotDeal() is given (token of __init__()" in sites[0].reason
    assert "callers pass access tokens now" in sites[0].reason


def test_a_scripts_literal_key_through_its_functions_becomes_the_token(tmp_path):
    text = migrated(_deals(tmp_path, SCRIPT))
    assert "00000000-0000" not in text and "hapikey" not in text
    assert 'clean(os.environ["HUBSPOT_ACCESS_TOKEN"], ["old deal"])' in text
    assert "hub = HubSpotDeal(token)" in text  # clean() takes a token now
    assert text.count('"Bearer " + self._hubspot_token') == 2


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
        (LIBRARY, ("which this module never makes", "one per tenant perhaps")),
        (TWO_PORTALS, ("two portals perhaps",)),
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


def test_another_module_making_it_with_the_same_key_passes_the_token_too(tmp_path):
    results = tree(tmp_path, {"deals.py": DEALS, "jobs.py": _jobs("HUBSPOT_API_KEY")})
    assert "self._hubspot_token = token" in migrated(results["deals.py"])
    jobs = results["jobs.py"].new.decode()
    assert 'OTHER = HubSpotDeal(os.environ["HUBSPOT_ACCESS_TOKEN"])' in jobs


def test_another_module_making_it_with_a_second_portals_key_stays_manual(tmp_path):
    results = tree(
        tmp_path, {"deals.py": DEALS, "jobs.py": _jobs("HUBSPOT_SANDBOX_KEY")}
    )
    left_alone(results["deals.py"], "two portals perhaps")
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


def test_a_class_dict_its_subclass_mutates_loses_the_key_and_its_requests_get_the_header(
    tmp_path,
):
    result = _deals(tmp_path, SHARED_CLASS_DICT)
    sent = [s for s in key_sites(result) if s.kind.value == "params"]
    assert [s.status for s in sent] == [Status.REWRITE], [s.reason for s in sent]
    text = result.new.decode()
    assert "    URL_PARAMS = {}\n" in text and "hapikey" not in text
    assert (
        'params=self.URL_PARAMS, headers={"Authorization": "Bearer " + '
        'os.environ["HUBSPOT_ACCESS_TOKEN"]}' in text
    )


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


CLASS_DICT_SCENARIO = '''"""Pages of contacts through the subclass mutating the shared dict."""
ENV = {"HUBSPOT_API_KEY": "key-main"}


def case_pages(credential):
    import api

    contacts = api.Contacts()
    contacts.page(0)
    contacts.page(50)
'''


def test_every_page_the_subclass_asks_carries_the_token_and_its_paging(tmp_path):
    path = tmp_path / "src" / "api.py"
    path.parent.mkdir(parents=True)
    path.write_text(SHARED_CLASS_DICT)
    (tmp_path / "scenario.py").write_text(CLASS_DICT_SCENARIO)
    result = run_project(tmp_path, Settings())
    assert not result.errors, result.errors
    assert [v.label for v in result.verdicts if v.kind == WRONG] == []
    assert sum(v.kind == OK for v in result.verdicts) >= 2


SCENARIO = '''"""The deals client's methods, on the module-level instance."""
ENV = {"HUBSPOT_API_KEY": "key-main"}


def case_find_and_delete(credential):
    import deals

    deals.HUB.find("renewal")
    deals.HUB.delete("42")


def case_a_second_instance(credential):
    import deals

    deals.HubSpotDeal(credential("main")).delete("7")
'''


def test_every_request_the_object_makes_carries_the_token_and_no_key(tmp_path):
    path = tmp_path / "src" / "deals.py"
    path.parent.mkdir(parents=True)
    path.write_text(DEALS)
    (tmp_path / "scenario.py").write_text(SCENARIO)
    result = run_project(tmp_path, Settings())
    assert not result.errors, result.errors
    assert [v.label for v in result.verdicts if v.kind == WRONG] == []
    assert sum(v.kind == OK for v in result.verdicts) >= 3
    assert result.counts.manual == 0 and result.counts.rewrite == 1


CONFIGURED_SUBCLASS = (
    SUBCLASS.replace("def __init__(self, token):", "def __init__(self):")
    .replace('{"hapikey": token}', '{"hapikey": os.environ["HUBSPOT_API_KEY"]}')
    .replace('Pipelines(os.environ["HUBSPOT_API_KEY"])', "Pipelines()")
)


def test_a_subclass_sending_the_held_dict_keeps_a_configured_key_manual(tmp_path):
    # the subclass's request was not followed: the dict lost the key there
    # and the request got no header (a credential lost)
    left_alone(_deals(tmp_path, CONFIGURED_SUBCLASS), "also read by subclass Pipelines")


INHERITING = DEALS.replace(
    "\n\nHUB = HubSpotDeal(",
    """

class Pipelines(HubSpotDeal):
    def stages(self):
        return [d["id"] for d in self.find("pipeline")["results"]]


HUB = Pipelines(""",
)


def test_a_subclass_using_only_the_methods_gets_the_token_too(tmp_path):
    text = migrated(_deals(tmp_path, INHERITING))
    assert 'HUB = Pipelines(os.environ["HUBSPOT_ACCESS_TOKEN"])' in text
    assert "hapikey" not in text


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


def test_a_wrapper_making_one_request_per_branch_merges_the_header_before_each(
    tmp_path,
):
    text = migrated(tree(tmp_path, {"hs.py": WRAPPER})["hs.py"])
    assert "hapikey" not in text
    merge = (
        '        kwargs["headers"] = {**(kwargs.get("headers") or {}), '
        '"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]}\n'
    )
    assert text.count(merge) == 3
    assert merge + "        return requests.post(url=url, json=body, **kwargs)" in text


@pytest.mark.parametrize("source", [SEQUENTIAL, IN_A_TRY], ids=["sequential", "try"])
def test_a_merged_header_that_could_reach_another_request_stays_manual(
    tmp_path, source
):
    left_alone(tree(tmp_path, {"hs.py": source})["hs.py"], "**kwargs")


WRAPPER_SCENARIO = '''"""The wrapper's three methods, with and without headers of the caller's."""
ENV = {"HUBSPOT_API_KEY": "key-main"}


def case_each_method(credential):
    import hs

    hs.send_hubspot_request("123", "/crm/v3/objects/deals", "GET")
    hs.send_hubspot_request(
        "", "/crm/v3/objects/deals", "POST", body={"properties": {}},
        headers={"X-Trace": "1"},
    )
    hs.send_hubspot_request("123", "/crm/v3/objects/deals", "DELETE", timeout=5)
'''


def test_every_request_of_the_wrapper_carries_the_token_and_the_callers_headers(
    tmp_path,
):
    path = tmp_path / "src" / "hs.py"
    path.parent.mkdir(parents=True)
    path.write_text(WRAPPER)
    (tmp_path / "scenario.py").write_text(WRAPPER_SCENARIO)
    result = run_project(tmp_path, Settings())
    assert not result.errors, result.errors
    assert [v.label for v in result.verdicts if v.kind == WRONG] == []
    assert sum(v.kind == OK for v in result.verdicts) >= 3
    assert result.counts.manual == 0 and result.counts.rewrite == 1


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
