"""A key added under a condition becomes the header under the same condition
(issue #12): a host test, a flag, the key's branch of a dual-auth test. Each
migrated shape is run before and after ``apply`` by the behaviour harness
(a token to another host, a lost credential, a changed OAuth request are
wrong); each condition that does not hold keeps today's ``manual`` reason."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import behaves, migrate

ENV = 'ENV = {"HUBSPOT_API_KEY": "key-main"}\n'

# -- migrated ------------------------------------------------------------------

WRAPPER = """\
import os
from urllib.parse import urlparse

import requests

HUBSPOT_HOSTS = ("api.hubapi.com",)


class Api(object):
    def __init__(self, key, base="https://api.hubapi.com"):
        self.key = key
        self.base = base
        self.session = requests.Session()

    def request(self, method, target, **kwargs):
        url = target if "://" in target else self.base + target
        if urlparse(url).hostname in HUBSPOT_HOSTS:
            kwargs["params"] = dict(kwargs.get("params") or {}, hapikey=self.key)
        return self.session.request(method, url, **kwargs)


api = Api(os.environ["HUBSPOT_API_KEY"])


def owners():
    return api.request("GET", "/owners/v2/owners", headers={"X-Source": "app"})


def notify(text):
    return api.request("POST", "https://hooks.slack.com/services/T/B/x", json={"text": text})
"""


def test_a_wrappers_kwargs_get_the_header_under_the_host_test(tmp_path):
    out = migrate(tmp_path / "t", {"app/api.py": WRAPPER})
    statuses, text, reasons = out["app/api.py"]
    assert statuses == [Status.REWRITE], reasons
    assert (
        "        if urlparse(url).hostname in HUBSPOT_HOSTS:\n"
        '            kwargs["params"] = dict(kwargs.get("params") or {})\n'
        '            kwargs["headers"] = {**(kwargs.get("headers") or {}), '
        '"Authorization": "Bearer " + self.key}\n'
        "        return self.session.request(method, url, **kwargs)\n"
    ) in text
    assert 'Api(os.environ["HUBSPOT_ACCESS_TOKEN"])' in text


def test_the_wrapper_behaves_for_hubspot_slack_and_a_callers_own_portal(tmp_path):
    files = {
        "src/app/__init__.py": "",
        "src/app/api.py": WRAPPER,
        "scenario.py": ENV
        + (
            "\n\ndef case_owners(credential):\n"
            "    from app import api\n\n    api.owners()\n\n\n"
            "def case_slack(credential):\n"
            "    from app import api\n\n    api.notify('hi')\n\n\n"
            "def case_other_portal(credential):\n"
            "    from app.api import Api\n\n"
            '    Api(credential("emea")).request("GET", "/owners/v2/owners")\n'
        ),
    }
    behaves(tmp_path / "p", files, manual=0)


FETCH = """\
import os

import requests

HUBSPOT_KEY = os.environ["HUBSPOT_API_KEY"]
SHOP_TOKEN = os.environ.get("SHOPIFY_TOKEN", "shppa_x")


def fetch(url, params=None):
    params = params or {}
    headers = {"Content-Type": "application/json"}
    if "hubapi" in url:
        params["hapikey"] = HUBSPOT_KEY
    else:
        headers["X-Shopify-Access-Token"] = SHOP_TOKEN
    return requests.get(url, params=params, headers=headers).status_code


def contacts():
    return fetch("https://api.hubapi.com/contacts/v1/lists/all/contacts/all", {"count": 5})


def orders():
    return fetch("https://shop.myshopify.com/admin/orders.json", {"limit": 50})
"""


def test_a_local_headers_dict_gets_the_header_in_the_keys_branch(tmp_path):
    out = migrate(tmp_path / "t", {"app/bridge.py": FETCH})
    statuses, text, reasons = out["app/bridge.py"]
    assert statuses == [Status.REWRITE], reasons
    assert (
        '    if "hubapi" in url:\n'
        '        headers["Authorization"] = "Bearer " + '
        'os.environ["HUBSPOT_ACCESS_TOKEN"]\n'
        "    else:\n"
        '        headers["X-Shopify-Access-Token"] = SHOP_TOKEN\n'
    ) in text


def test_the_bridge_behaves_for_both_services(tmp_path):
    files = {
        "src/app/__init__.py": "",
        "src/app/bridge.py": FETCH,
        "scenario.py": ENV
        + (
            "\n\ndef case_contacts(credential):\n"
            "    from app import bridge\n\n    bridge.contacts()\n\n\n"
            "def case_orders(credential):\n"
            "    from app import bridge\n\n    bridge.orders()\n"
        ),
    }
    behaves(tmp_path / "p", files, manual=0)


DUAL = """\
import json
import os
import urllib.request

BASE = "https://api.hubapi.com"


def _open(path):
    token = os.environ.get("HUBSPOT_OAUTH_TOKEN")
    headers = {"Accept": "application/json"}
    url = BASE + path
    if token:
        headers["Authorization"] = "Bearer " + token
    else:
        sep = "&" if "?" in url else "?"
        url += sep + "hapikey=" + os.environ["HUBSPOT_API_KEY"]
    req = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read().decode("utf-8") or "{}")


def forms():
    return _open("/forms/v2/forms?limit=5")
"""


def test_the_key_branch_of_a_dual_auth_test_mirrors_the_oauth_branch(tmp_path):
    out = migrate(tmp_path / "t", {"app/export.py": DUAL})
    statuses, text, reasons = out["app/export.py"]
    assert statuses == [Status.REWRITE], reasons
    assert (
        "    if token:\n"
        '        headers["Authorization"] = "Bearer " + token\n'
        "    else:\n"
        '        sep = "&" if "?" in url else "?"\n'
        '        headers["Authorization"] = "Bearer " + '
        'os.environ["HUBSPOT_ACCESS_TOKEN"]\n'
        "    req = urllib.request.Request(url, headers=headers)\n"
    ) in text


def test_dual_auth_behaves_in_both_modes(tmp_path):
    files = {
        "src/app/__init__.py": "",
        "src/app/export.py": DUAL,
        "scenario.py": ENV
        + (
            "\n\ndef case_key_mode(credential):\n"
            "    from app import export\n\n    export.forms()\n\n\n"
            "def case_oauth_mode(credential):\n"
            "    import os\n\n"
            '    os.environ["HUBSPOT_OAUTH_TOKEN"] = "oauth-1"\n'
            "    from app import export\n\n    export.forms()\n"
        ),
    }
    behaves(tmp_path / "p", files, manual=0)


FLAG = """\
import os

import requests


class Client:
    def __init__(self, key, send_key=True):
        self.key = key
        self.send_key = send_key

    def get(self, url):
        params = {"limit": 10}
        headers = {"Accept": "application/json"}
        if self.send_key:
            params["hapikey"] = self.key
        return requests.get(url, params=params, headers=headers).status_code


def owners():
    return Client(os.environ["HUBSPOT_API_KEY"]).get("https://api.hubapi.com/owners/v2/owners")


def mirror():
    client = Client(os.environ["HUBSPOT_API_KEY"], send_key=False)
    return client.get("https://mirror.example.com/owners")
"""


def test_a_flag_keeps_the_requests_it_made_without_the_key_without_a_token(tmp_path):
    files = {
        "src/app/__init__.py": "",
        "src/app/client.py": FLAG,
        "scenario.py": ENV
        + (
            "\n\ndef case_owners(credential):\n"
            "    from app import client\n\n    client.owners()\n\n\n"
            "def case_mirror(credential):\n"
            "    from app import client\n\n    client.mirror()\n"
        ),
    }
    behaves(tmp_path / "p", files, manual=0)
    out = migrate(tmp_path / "t", {"app/client.py": FLAG})
    assert (
        "        if self.send_key:\n"
        '            headers["Authorization"] = "Bearer " + self.key\n'
        "        return requests.get(url, params=params, headers=headers)"
    ) in out["app/client.py"][1]


ELSE_BRANCH = """\
import os

import requests

KEY = os.environ["HUBSPOT_API_KEY"]


def get(url, public=False):
    params = {"limit": 10}
    headers = {"Accept": "application/json"}
    if public:
        pass
    else:
        params["hapikey"] = KEY
    return requests.get(url, params=params, headers=headers).status_code


def owners():
    return get("https://api.hubapi.com/owners/v2/owners")


def public_page():
    return get("https://api.hubapi.com/owners/v2/owners", public=True)
"""


def test_a_key_added_in_an_else_branch_is_conditional_too(tmp_path):
    """Before, the header went on the request: the public call got the token."""
    files = {
        "src/app/__init__.py": "",
        "src/app/hs.py": ELSE_BRANCH,
        "scenario.py": ENV
        + (
            "\n\ndef case_owners(credential):\n"
            "    from app import hs\n\n    hs.owners()\n\n\n"
            "def case_public(credential):\n"
            "    from app import hs\n\n    hs.public_page()\n"
        ),
    }
    behaves(tmp_path / "p", files, manual=0)


# -- left for a person ---------------------------------------------------------


def _manual(tmp_path, text: str, *words: str) -> None:
    out = migrate(tmp_path / "t", {"app/hs.py": text})
    statuses, after, reasons = out["app/hs.py"]
    assert statuses == [Status.MANUAL], reasons
    assert after == text
    for word in words:
        assert word in reasons[0], (word, reasons)


CONDITIONAL = "is also made without it"


def test_a_module_level_headers_dict_is_never_written_into(tmp_path):
    shared = FLAG.replace(
        'headers = {"Accept": "application/json"}\n', "headers = JSON_HEADERS\n"
    ).replace(
        "import requests\n", 'import requests\n\nJSON_HEADERS = {"Accept": "x"}\n'
    )
    _manual(tmp_path, shared, CONDITIONAL)
    direct = FLAG.replace("headers=headers", "headers=JSON_HEADERS").replace(
        "import requests\n", 'import requests\n\nJSON_HEADERS = {"Accept": "x"}\n'
    )
    _manual(tmp_path, direct, CONDITIONAL)


def test_headers_written_in_the_request_itself_have_no_place_in_the_branch(tmp_path):
    inline = FLAG.replace("headers=headers", 'headers={"Accept": "x"}')
    _manual(tmp_path, inline, CONDITIONAL)


def test_headers_built_from_a_callers_headers_stay(tmp_path):
    """A caller's headers may hold its own Authorization: the token would
    replace it."""
    callers = FLAG.replace("def get(self, url):", "def get(self, url, extra=None):")
    callers = callers.replace(
        'headers = {"Accept": "application/json"}', "headers = dict(extra or {})"
    )
    _manual(tmp_path, callers, CONDITIONAL)


def test_headers_also_sent_by_a_request_without_the_key_stay(tmp_path):
    also = FLAG.replace(
        "        return requests.get(url, params=params, headers=headers).status_code\n",
        '        requests.post("https://hooks.slack.com/x", headers=headers)\n'
        "        return requests.get(url, params=params, headers=headers).status_code\n",
    )
    _manual(tmp_path, also)


def test_a_key_added_in_a_try_block_stays(tmp_path):
    guarded = FLAG.replace(
        '        if self.send_key:\n            params["hapikey"] = self.key\n',
        '        try:\n            params["hapikey"] = self.key[0:]\n'
        "        except TypeError:\n            pass\n",
    )
    _manual(tmp_path, guarded, "no exception is raised")


def test_an_authorization_sent_on_the_keys_path_too_stays(tmp_path):
    """The OAuth header is not in another branch: the token would replace it."""
    both = FLAG.replace(
        'headers = {"Accept": "application/json"}',
        'headers = {"Authorization": "Bearer " + os.environ["HUBSPOT_OAUTH_TOKEN"]}',
    )
    _manual(tmp_path, both, "already sends an Authorization header")


def test_a_caller_handing_its_own_authorization_through_kwargs_stays(tmp_path):
    """Never two Authorization headers, never the token over a caller's."""
    handed = WRAPPER.replace(
        'headers={"X-Source": "app"}',
        'headers={"Authorization": "Bearer " + os.environ["HUBSPOT_OAUTH_TOKEN"]}',
    )
    out = migrate(tmp_path / "t", {"app/api.py": handed})
    statuses, after, reasons = out["app/api.py"]
    assert statuses == [Status.MANUAL], reasons
    assert after == handed
    assert "Authorization header" in reasons[0], reasons


def test_kwargs_given_headers_by_the_wrapper_itself_stay(tmp_path):
    updated = WRAPPER.replace(
        "        return self.session.request(method, url, **kwargs)\n",
        "        kwargs.update(self.defaults)\n"
        "        return self.session.request(method, url, **kwargs)\n",
    ).replace(
        "        self.base = base\n",
        "        self.base = base\n        self.defaults = {}\n",
    )
    out = migrate(tmp_path / "t", {"app/api.py": updated})
    statuses, after, reasons = out["app/api.py"]
    assert statuses == [Status.MANUAL], reasons
    assert after == updated


SERVICE = """\
import os

import requests


class Service:
    BASE_URL = "https://api.hubapi.com"

    def __init__(self, api_key=None, oauth_token=None):
        self._oauth_token = oauth_token
        self._base_params = {}
        self._headers = {"Accept": "application/json"}
        if oauth_token:
            self._headers["Authorization"] = f"Bearer {oauth_token}"
        elif api_key:
            self._base_params = {"hapikey": api_key}
        else:
            raise ValueError("HubSpot credentials missing")

    def _get(self, path, **params):
        url = self.BASE_URL + path
        return requests.get(
            url, params={**self._base_params, **params}, headers=self._headers
        ).status_code


def from_env():
    return Service(
        api_key=os.getenv("HUBSPOT_API_KEY"), oauth_token=os.getenv("HUBSPOT_OAUTH_TOKEN")
    )


def owners():
    return from_env()._get("/owners/v2/owners", limit=5)
"""


def test_a_constructors_key_branch_sets_the_header_its_oauth_branch_sets(tmp_path):
    out = migrate(tmp_path / "t", {"app/svc.py": SERVICE})
    statuses, text, reasons = out["app/svc.py"]
    assert statuses == [Status.REWRITE], reasons
    assert (
        "        elif api_key:\n"
        "            self._base_params = {}\n"
        '            self._headers["Authorization"] = "Bearer " + api_key\n'
    ) in text
    # the OAuth mode runs without the key: the token is read as leniently
    assert 'api_key=os.environ.get("HUBSPOT_ACCESS_TOKEN")' in text
    files = {
        "src/app/__init__.py": "",
        "src/app/svc.py": SERVICE,
        "scenario.py": ENV
        + (
            "\n\ndef case_key_mode(credential):\n"
            "    from app import svc\n\n    svc.owners()\n\n\n"
            "def case_oauth_mode(credential):\n"
            "    import os\n\n"
            '    os.environ["HUBSPOT_OAUTH_TOKEN"] = "oauth-1"\n'
            "    from app import svc\n\n    svc.owners()\n\n\n"
            "def case_oauth_only_deployment(credential):\n"
            "    import os\n\n"
            '    os.environ.pop("HUBSPOT_API_KEY", None)\n'
            '    os.environ.pop("HUBSPOT_ACCESS_TOKEN", None)\n'
            '    os.environ["HUBSPOT_OAUTH_TOKEN"] = "oauth-1"\n'
            "    from app import svc\n\n    svc.owners()\n\n\n"
            "def case_other_portal(credential):\n"
            "    from app.svc import Service\n\n"
            '    Service(api_key=credential("emea"))._get("/owners/v2/owners")\n'
        ),
    }
    behaves(tmp_path / "p", files, manual=0)


def test_a_constructors_header_dict_also_sent_elsewhere_stays(tmp_path):
    public = SERVICE.replace("_headers", "headers")
    _manual(tmp_path, public, "already sends an Authorization header")
    elsewhere = SERVICE + (
        "\n\ndef slack(service):\n"
        '    return requests.post("https://hooks.slack.com/x", headers=service._headers)\n'
    )
    # the OAuth branch's dict, read by another request (dual_auth says so)
    _manual(tmp_path, elsewhere, "(self._headers) are also read at line 38")
    reset = SERVICE.replace(
        "    def _get(self, path, **params):\n",
        "    def public(self):\n        self._base_params = {}\n\n"
        "    def _get(self, path, **params):\n",
    )
    _manual(tmp_path, reset, "already sends an Authorization header")
