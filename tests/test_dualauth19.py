"""Dual-auth clients whose Authorization header is built by another method
(:mod:`hapimigrate.analysis.dual_elsewhere`): the key's branch, picked by the
token's absence (``if self.api_key and not self.access_token:``), rebinds the
request's headers local (bound to the builder's fresh dict) to a copy with the
token, the builder and the OAuth path as they were. Where that is not proven
(the builder's dict is an attribute or built inline in the request, the
builder may add more, a call between binding and test, a subclass, the key's
test not excluding the header's, both tests independent) the site stays
manual, naming the key's test, the builder and its line."""

from __future__ import annotations

from hapimigrate.analysis import dual_elsewhere
from hapimigrate.model import Status
from tests.trees import behaves, migrate

CLIENT = """\
import os

import requests


class HubSpotClient:
    BASE_URL = "https://api.hubapi.com"

    def __init__(self, api_key=None, access_token=None):
        self.api_key = api_key or os.getenv("HUBSPOT_API_KEY")
        self.access_token = access_token or os.getenv("HUBSPOT_OAUTH_TOKEN")
        self.session = requests.Session()

    def _get_headers(self):
        headers = {"Content-Type": "application/json"}
        if self.access_token:
            headers["Authorization"] = f"Bearer {self.access_token}"
        elif self.api_key:
            pass  # the key goes in the query
        return headers

    def _request(self, method, endpoint, params=None, data=None):
        url = f"{self.BASE_URL}{endpoint}"
        headers = self._get_headers()
        # the key in the query string when there is no OAuth token
        if self.api_key and not self.access_token:
            params = params or {}
            params["hapikey"] = self.api_key
        response = self.session.request(
            method, url, headers=headers, params=params, json=data, timeout=30
        )
        response.raise_for_status()
        return response.json()

    def contacts(self, limit=10):
        return self._request("GET", "/crm/v3/objects/contacts", params={"limit": limit})

    def create_deal(self, properties):
        return self._request("POST", "/crm/v3/objects/deals", data={"properties": properties})
"""

SCENARIO = '''\
"""A dual-auth client: an OAuth token's header, or the key in the query."""
ENV = {"HUBSPOT_API_KEY": "key-main"}
CASE_ENV = {"case_oauth": {"HUBSPOT_OAUTH_TOKEN": "oauth-installed"}}

RESPONSES = [
    {"method": "GET", "url": r"/crm/v3/objects/contacts", "json": {"results": []}},
    {"method": "POST", "url": r"/crm/v3/objects/deals", "json": {"id": "9"}},
]


def _run(client):
    assert client.contacts(5) == {"results": []}
    assert client.create_deal({"dealname": "x"}) == {"id": "9"}


def case_key(credential):
    from crm import HubSpotClient

    _run(HubSpotClient())


def case_oauth(credential):
    from crm import HubSpotClient

    _run(HubSpotClient())


def case_caller_key(credential):
    from crm import HubSpotClient

    _run(HubSpotClient(api_key=credential("partner")))
'''

OAUTH_BUILDER = """\
    def _get_headers(self):
        headers = {"Content-Type": "application/json"}
        if self.access_token:
            headers["Authorization"] = f"Bearer {self.access_token}"
        elif self.api_key:
            pass  # the key goes in the query
        return headers
"""


def site(tmp_path, source: str = CLIENT):
    out = migrate(tmp_path, {"crm.py": source})
    statuses, text, reasons = out["crm.py"]
    return statuses, text, " ".join(reasons)


def test_the_key_branch_rebinds_the_builders_headers_with_the_token(tmp_path):
    statuses, text, reasons = site(tmp_path)
    assert statuses == [Status.REWRITE], reasons
    assert "hapikey" not in text
    assert OAUTH_BUILDER in text  # the builder byte for byte
    assert (
        "        if self.api_key and not self.access_token:\n"
        "            params = params or {}\n"
        '            headers = {**headers, "Authorization": "Bearer " + self.api_key}\n'
    ) in text  # the builder's dict is not written into
    # the key's test still picks the branch: the key's variable holds the token
    assert 'os.environ.get("HUBSPOT_ACCESS_TOKEN")' in text


def test_the_client_behaves_the_same_with_the_token(tmp_path):
    behaves(tmp_path, {"src/crm.py": CLIENT, "scenario.py": SCENARIO}, manual=0)


def manual_reason(tmp_path, source: str) -> str:
    statuses, text, reasons = site(tmp_path, source)
    assert statuses and all(s == Status.MANUAL for s in statuses), reasons
    assert text == source
    return reasons


def test_headers_kept_on_the_instance_stay_manual_naming_the_builder(tmp_path):
    # self.headers built once in __init__: the key's branch has no local to rebind
    source = CLIENT.replace(
        "        self.session = requests.Session()\n",
        "        self.session = requests.Session()\n"
        "        self.headers = self._get_headers()\n",
    ).replace(
        "        headers = self._get_headers()\n", "        headers = self.headers\n"
    )
    reasons = manual_reason(tmp_path, source)
    assert "runs only where _get_headers() does not write its Authorization" in reasons
    assert "self.api_key and not self.access_token at line 27" in reasons


def test_a_builder_called_inline_in_the_request_stays_manual(tmp_path):
    source = CLIENT.replace("        headers = self._get_headers()\n", "").replace(
        "headers=headers,", "headers=self._get_headers(),"
    )
    reasons = manual_reason(tmp_path, source)
    assert "_get_headers()" in reasons and "line 17" in reasons


def test_independent_tests_stay_manual_saying_both_may_hold(tmp_path):
    # the key whenever it is set: with both set one request carries both
    source = CLIENT.replace(
        "if self.api_key and not self.access_token:", "if self.api_key:"
    )
    reasons = manual_reason(tmp_path, source)
    assert "both may hold for one request" in reasons
    assert "_get_headers() writes an Authorization header" in reasons


def test_a_mode_setting_not_negating_the_header_test_stays_manual(tmp_path):
    source = CLIENT.replace(
        "if self.api_key and not self.access_token:",
        'if self.api_key and self.mode == "key":',
    )
    statuses, _, reasons = site(tmp_path, source)
    assert statuses == [Status.MANUAL], reasons


def test_a_builder_merging_other_headers_stays_manual(tmp_path):
    # self.extra may hold an Authorization of its own on the key's branch too
    source = CLIENT.replace(
        '        headers = {"Content-Type": "application/json"}\n',
        '        headers = {"Content-Type": "application/json"}\n'
        "        headers.update(self.extra)\n",
    ).replace(
        "        self.session = requests.Session()\n",
        "        self.session = requests.Session()\n        self.extra = {}\n",
    )
    statuses, _, reasons = site(tmp_path, source)
    assert statuses == [Status.MANUAL], reasons


def test_a_refresh_between_the_headers_and_the_test_stays_manual(tmp_path):
    # a call between binding and test may set the token the builder did not see
    source = CLIENT.replace(
        "        # the key in the query string when there is no OAuth token\n",
        "        self._refresh()\n",
    ) + (
        "\n    def _refresh(self):\n"
        '        self.access_token = os.environ.get("HUBSPOT_REFRESHED")\n'
    )
    statuses, _, reasons = site(tmp_path, source)
    assert statuses == [Status.MANUAL], reasons


def test_a_subclass_overriding_the_builder_stays_manual(tmp_path):
    source = CLIENT + (
        "\n\nclass AppClient(HubSpotClient):\n"
        "    def _get_headers(self):\n"
        '        return {"Authorization": "Bearer " + os.environ["APP_TOKEN"]}\n'
    )
    statuses, _, reasons = site(tmp_path, source)
    assert statuses == [Status.MANUAL], reasons


def test_headers_also_sent_to_another_host_stay_manual(tmp_path):
    source = CLIENT.replace(
        "        response.raise_for_status()\n",
        "        response.raise_for_status()\n"
        '        requests.post("https://hooks.slack.com/x", headers=headers, json={})\n',
    )
    statuses, _, reasons = site(tmp_path, source)
    assert statuses == [Status.MANUAL], reasons


def test_the_reasons_name_lines_and_tests():
    assert "{}" in dual_elsewhere.EXCLUSIVE_ELSEWHERE
    assert "{}" in dual_elsewhere.BOTH_ELSEWHERE


def test_a_builder_handing_its_dict_to_a_signer_stays_manual(tmp_path):
    source = CLIENT.replace(
        "        return headers\n",
        "        self.sign(headers)\n        return headers\n",
    ) + ("\n    def sign(self, headers):\n" "        headers['X-Sig'] = 'x'\n")
    statuses, _, reasons = site(tmp_path, source)
    assert statuses == [Status.MANUAL], reasons


def test_a_second_authorization_written_by_the_function_stays_manual(tmp_path):
    # a partner token the function adds itself, on the key's branch too
    source = CLIENT.replace(
        "        # the key in the query string when there is no OAuth token\n",
        "        if endpoint.startswith('/partner'):\n"
        "            headers['Authorization'] = 'Bearer ' + os.environ['PARTNER']\n",
    )
    statuses, _, reasons = site(tmp_path, source)
    assert statuses == [Status.MANUAL], reasons


CONFIGURED = CLIENT.replace(
    "    def __init__(self, api_key=None, access_token=None):\n"
    '        self.api_key = api_key or os.getenv("HUBSPOT_API_KEY")\n',
    "    def __init__(self, access_token=None):\n"
    '        self.api_key = os.environ["HUBSPOT_API_KEY"]\n',
)


def test_a_configured_key_branch_sends_the_providers_token(tmp_path):
    statuses, text, reasons = site(tmp_path, CONFIGURED)
    assert statuses and set(statuses) == {Status.REWRITE}, reasons
    assert "hapikey" not in text and "HUBSPOT_API_KEY" not in text
    assert (  # the OAuth branch byte for byte
        "        if self.access_token:\n"
        '            headers["Authorization"] = f"Bearer {self.access_token}"\n'
    ) in text
    # the key's test now tests the token (guards), the branch sends it
    assert (
        '        if os.environ.get("HUBSPOT_ACCESS_TOKEN") and not self.access_token:\n'
        "            params = params or {}\n"
        '            headers = {**headers, "Authorization": "Bearer " + '
        'os.environ["HUBSPOT_ACCESS_TOKEN"]}\n'
    ) in text


def test_a_configured_key_client_behaves_the_same_with_the_token(tmp_path):
    scenario = SCENARIO.replace(
        "\n\ndef case_caller_key(credential):\n"
        "    from crm import HubSpotClient\n\n"
        '    _run(HubSpotClient(api_key=credential("partner")))\n',
        "\n",
    )
    behaves(tmp_path, {"src/crm.py": CONFIGURED, "scenario.py": scenario}, manual=0)


FUNCTION = """\
import requests


def fetch_leads(credentials):
    api_key = credentials.get("hubspot_api_key")
    access_token = credentials.get("hubspot_access_token")
    headers = {"Content-Type": "application/json"}
    if access_token:
        headers["Authorization"] = f"Bearer {access_token}"
    url = "https://api.hubapi.com/crm/v3/objects/contacts"
    if api_key:
        url += f"?hapikey={api_key}"
    return requests.get(url, headers=headers).json()
"""


def test_two_tests_in_one_function_name_both_lines(tmp_path):
    # with both credentials stored, one request carries the key and the header
    reasons = manual_reason(tmp_path, FUNCTION)
    assert "the key is added under api_key (line 12)" in reasons
    assert "fetch_leads() writes an Authorization header" in reasons
    assert "access_token (line 9): both may hold for one request" in reasons


def test_a_request_with_auth_of_its_own_stays_manual(tmp_path):
    source = CLIENT.replace("json=data, timeout=30", "json=data, auth=self.auth")
    statuses, _, reasons = site(tmp_path, source)
    assert statuses == [Status.MANUAL], reasons


def test_a_session_with_an_authorization_of_its_own_stays_manual(tmp_path):
    # the request's header would override the session's (a gateway's)
    source = CLIENT.replace(
        "        self.session = requests.Session()\n",
        "        self.session = requests.Session()\n"
        '        self.session.headers["Authorization"] = os.environ["GATEWAY"]\n',
    )
    statuses, _, reasons = site(tmp_path, source)
    assert statuses == [Status.MANUAL], reasons


def test_a_callers_session_stays_manual(tmp_path):
    # the caller's session may carry its own OAuth header: not overridden
    source = CLIENT.replace(
        "    def __init__(self, api_key=None, access_token=None):\n",
        "    def __init__(self, api_key=None, access_token=None, session=None):\n",
    ).replace(
        "        self.session = requests.Session()\n",
        "        self.session = session or requests.Session()\n",
    )
    statuses, _, reasons = site(tmp_path, source)
    assert statuses == [Status.MANUAL], reasons


TENANTS = """\
import sqlite3

from crm import HubSpotClient


def sync_all():
    rows = sqlite3.connect("tenants.db").execute("select hubspot_api_key from tenants")
    for (key,) in rows:
        HubSpotClient(api_key=key).contacts()
"""


def test_a_tenants_stored_key_handed_in_stays_manual(tmp_path):
    out = migrate(tmp_path, {"crm.py": CLIENT, "tenants.py": TENANTS})
    statuses = out["crm.py"][0] + out["tenants.py"][0]
    assert Status.MANUAL in statuses, out
    assert "hapikey" in out["crm.py"][1]


SETTER = """\
import os

from crm import HubSpotClient

client = HubSpotClient()
client.api_key = os.environ["PARTNER_PORTAL_KEY"]
"""


def test_the_key_set_on_the_instance_by_another_module_stays_manual(tmp_path):
    out = migrate(tmp_path, {"crm.py": CLIENT, "partner.py": SETTER})
    assert "hapikey" in out["crm.py"][1], out


def test_a_refresh_writing_the_sessions_header_stays_manual(tmp_path):
    source = CLIENT + (
        "\n    def refresh(self, token):\n"
        '        self.session.headers["Authorization"] = "Bearer " + token\n'
    )
    statuses, _, reasons = site(tmp_path, source)
    assert statuses == [Status.MANUAL], reasons


def test_a_call_in_the_keys_test_stays_manual(tmp_path):
    # the mode check runs after the headers were built: it may change the token
    source = CLIENT.replace(
        "if self.api_key and not self.access_token:",
        "if self.key_mode() and not self.access_token:",
    ) + ("\n    def key_mode(self):\n" "        return bool(self.api_key)\n")
    statuses, _, reasons = site(tmp_path, source)
    assert statuses == [Status.MANUAL], reasons
