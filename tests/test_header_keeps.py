"""What a request already sends must survive the header the migration adds
(review findings F8, F17, F21, F22): a caller's own Authorization header handed
through a wrapper's ``**kwargs`` or ``headers`` parameter, another module's
session given an OAuth header, a caller's own key that an "add the key if
missing" helper keeps, a urllib3 pool's default headers (which a request's
``headers=`` replaces). Each such site stays whole and manual with its reason,
in one module and across modules; the neighbouring shapes that are safe are
still migrated, and run as before with the token."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.conftest import migrate
from tests.hubspot_standin import StandIn
from tests.test_wrapper_shapes import run as run_recorded
from tests.trees import migrate_sites as tree

HEAD = 'import os\nimport requests\n\nKEY = os.environ["HUBSPOT_API_KEY"]\n'
EXISTING_AUTH = "already sends an Authorization header on another path"


def key_sites(result):
    return [s for s in result.sites if s.kind.value not in ("call", "version")]


def assert_whole(source: str, reason: str) -> None:
    """The module is left as it is, every key site manual, one saying ``reason``."""
    result = migrate(source)
    assert result.error is None, result.error
    assert result.new is None, result.new.decode()
    sites = key_sites(result)
    assert sites and {s.status for s in sites} == {Status.MANUAL}
    assert any(reason in s.reason for s in sites), [s.reason for s in sites]


# -- F8: a caller's Authorization header handed through the wrapper ------------

BASE_CLIENT = HEAD + (
    "\n\nclass BaseClient:\n"
    "    def request(self, method, path, **kwargs):\n"
    '        params = kwargs.pop("params", None) or {}\n'
    '        params["hapikey"] = KEY\n'
    '        return requests.request(method, "https://api.hubapi.com" + path, '
    "params=params, **kwargs)\n"
)


@pytest.mark.parametrize(
    "caller",
    [
        # a subclass impersonating a user with an OAuth token
        "class Contacts(BaseClient):\n    def as_user(self, token):\n"
        '        return self.request("GET", "/contacts/v1/lists", '
        'headers={"Authorization": "Bearer " + token})\n',
        # an instance of it, in a function
        "def as_user(token):\n"
        '    return BaseClient().request("GET", "/contacts/v1/lists", '
        'headers={"authorization": f"Bearer {token}"})\n',
        # requests' auth=
        "def basic(user, password):\n"
        '    return BaseClient().request("GET", "/x", auth=(user, password))\n',
        # headers a method of the class builds with the credential
        "class Contacts(BaseClient):\n"
        "    def _headers(self):\n"
        '        return {"Authorization": "Bearer " + self.token}\n'
        "    def as_user(self):\n"
        '        return self.request("GET", "/x", headers=self._headers())\n',
        # through another wrapper's own **kw
        "class Contacts(BaseClient):\n"
        "    def get(self, path, **kw):\n"
        '        return self.request("GET", path, **kw)\n'
        "    def as_user(self, token):\n"
        '        return self.get("/x", headers={"Authorization": "Bearer " + token})\n',
    ],
    ids=["subclass", "instance", "auth", "local_function", "chained_kwargs"],
)
def test_a_wrapper_whose_caller_hands_in_a_credential_stays_whole(caller):
    assert_whole(BASE_CLIENT + "\n\n" + caller, EXISTING_AUTH)


@pytest.mark.parametrize(
    "caller,shown",
    [
        (
            "def fetch(headers):\n"
            '    return BaseClient().request("GET", "/x", headers=make_headers())\n',
            "make_headers()",
        ),
        (
            "def fetch(options):\n"
            '    return BaseClient().request("GET", "/x", **options)\n',
            "**options",
        ),
        (
            "class Contacts(BaseClient):\n    def fetch(self):\n"
            '        return self.request("GET", "/x", headers=self.headers)\n',
            "self.headers",
        ),
    ],
    ids=["imported_function", "other_kwargs", "attribute"],
)
def test_headers_built_elsewhere_keep_the_wrapper_whole(caller, shown):
    assert_whole(
        BASE_CLIENT + "from hdrs import make_headers\n\n" + caller,
        f"headers hapimigrate cannot see into ({shown})",
    )


@pytest.mark.parametrize(
    "setup",
    [
        '            self.headers["Authorization"] = "Bearer " + token\n',
        "            self.headers.update(extra)\n",
    ],
    ids=["credential", "updated"],
)
def test_an_attribute_holding_a_credential_keeps_the_wrapper_whole(setup):
    caller = (
        "class Contacts(BaseClient):\n"
        "    def __init__(self, token=None, extra=()):\n"
        '        self.headers = {"Accept": "application/json"}\n'
        "        if token:\n" + setup + "    def fetch(self):\n"
        '        return self.request("GET", "/x", headers=self.headers)\n'
    )
    reason = EXISTING_AUTH if "token" in setup else "cannot see into (self.headers)"
    assert_whole(BASE_CLIENT + "\n\n" + caller, reason)


def test_a_headers_parameter_whose_caller_gives_a_credential_stays_whole():
    source = HEAD + (
        "\n\nclass Api:\n"
        "    def get(self, path, headers=None):\n"
        '        return requests.get("https://api.hubapi.com" + path, '
        'params={"hapikey": KEY}, headers=headers)\n'
        "\n\ndef as_user(token):\n"
        '    return Api().get("/contacts/v1/lists", '
        'headers={"Authorization": "Bearer " + token})\n'
    )
    assert_whole(source, EXISTING_AUTH)


SAFE_CALLERS = """
HEADERS = {"Accept": "application/json"}
class Contacts(BaseClient):
    def __init__(self):
        self.headers = {"Accept": "application/json", "X-App": "crm"}
    def mine(self):
        return self.request("GET", "/contacts/v1/lists", headers=self.headers)
    def recent(self):
        return self.request("GET", "/contacts/v1/lists", headers=HEADERS)
    def plain(self):
        return self.request("GET", "/contacts/v1/lists", timeout=5)
    def chained(self, **kw):
        return self.request("GET", "/contacts/v1/lists", **kw)
"""
SAFE_CALLS = """
Contacts().recent()
Contacts().plain()
Contacts().chained(headers={"X-Trace": "t1"})
Contacts().mine()
"""


def test_callers_handing_in_headers_without_a_credential_are_migrated(monkeypatch):
    source = BASE_CLIENT + SAFE_CALLERS
    result = migrate(source)
    assert {s.status for s in key_sites(result)} == {Status.REWRITE}
    before = run_recorded(source, SAFE_CALLS, monkeypatch)
    after = run_recorded(result.new.decode(), SAFE_CALLS, monkeypatch)
    assert len(before) == len(after) == 4
    for old, new in zip(before, after):
        assert old["params"].pop("hapikey") == "key-main"
        assert new["headers"].pop("Authorization") == "Bearer tok-main"
        assert new == old  # the callers' own headers and options as they were


def test_a_caller_in_another_module_handing_in_oauth_keeps_the_base_whole(tmp_path):
    out = tree(
        tmp_path,
        {
            "crm/__init__.py": "",
            "crm/base.py": BASE_CLIENT,
            "crm/contacts.py": "from crm.base import BaseClient\n\n\n"
            "class Contacts(BaseClient):\n"
            "    def recent(self):\n"
            '        return self.request("GET", "/contacts/v1/lists")\n'
            "    def as_user(self, token):\n"
            '        return self.request("GET", "/contacts/v1/lists",\n'
            '                            headers={"Authorization": "Bearer " + token})\n',
        },
    )
    sites, text = out["crm/base.py"]
    assert text == BASE_CLIENT
    assert sites and {s.status for s in sites} == {Status.MANUAL}
    assert "contacts.py:8 hands request() its own headers" in sites[0].reason


def test_a_docstring_or_comment_naming_the_wrapper_is_no_caller(tmp_path):
    hs = HEAD + (
        "\n\ndef hs_request(method, path, **kw):\n"
        '    kw.setdefault("params", {})["hapikey"] = KEY\n'
        '    return requests.request(method, "https://api.hubapi.com" + path, **kw)\n'
    )
    user = (
        '"""Calls hs.hs_request(method, path, **kwargs) with auth=... in OAuth mode."""\n'
        "from app import hs\n\n\n"
        "def fetch():\n"
        '    # hs.hs_request("GET", "/x", headers={"Authorization": token})\n'
        '    return hs.hs_request("GET", "/x", headers={"Accept": "application/json"})\n'
    )
    out = tree(tmp_path, {"app/__init__.py": "", "app/hs.py": hs, "app/user.py": user})
    sites, text = out["app/hs.py"]
    assert {s.status for s in sites} == {Status.REWRITE}
    assert '"Authorization"' in text


@pytest.mark.parametrize(
    "call,safe",
    [
        ('hs.hs_request("GET", "/x", headers={"Authorization": "Bearer " + t})', False),
        ('hs.hs_request("GET", "/x", headers=build(t))', False),
        ('hs.hs_request("GET", "/x", **opts)', False),
        ('hs.hs_request("GET", "/x", headers={"Accept": "application/json"})', True),
        ('hs.hs_request("GET", "/x", timeout=5)', True),
    ],
    ids=["oauth", "built", "options", "accept", "timeout"],
)
def test_a_module_level_wrapper_called_from_another_module(tmp_path, call, safe):
    hs = HEAD + (
        "\n\ndef hs_request(method, path, **kw):\n"
        '    kw.setdefault("params", {})["hapikey"] = KEY\n'
        '    return requests.request(method, "https://api.hubapi.com" + path, **kw)\n'
    )
    user = f"from app import hs\n\n\ndef fetch(t, opts):\n    return {call}\n"
    out = tree(tmp_path, {"app/__init__.py": "", "app/hs.py": hs, "app/user.py": user})
    sites, text = out["app/hs.py"]
    if safe:
        assert {s.status for s in sites} == {Status.REWRITE}
        assert 'kw["headers"] = {**(kw.get("headers") or {}), "Authorization"' in text
    else:
        assert text == hs and {s.status for s in sites} == {Status.MANUAL}
        assert "user.py:5 hands hs_request() its own headers" in sites[0].reason


# -- F17: another module's session given an OAuth header -----------------------

URLS = (
    'import os\n\nKEY = os.environ.get("HUBSPOT_API_KEY", "")\n\n\n'
    'def api_url(path):\n    return "https://api.hubapi.com" + path + "?hapikey=" + KEY\n'
)


@pytest.mark.parametrize(
    "setup",
    [
        'if os.environ.get("OAUTH"):\n'
        '    session.headers["Authorization"] = "Bearer " + os.environ["OAUTH"]\n',
        'def login(token):\n    session.headers.update({"Authorization": "Bearer " + token})\n',
        "def login(auth):\n    session.auth = auth\n",
    ],
    ids=["oauth_branch", "update_in_a_function", "auth"],
)
@pytest.mark.parametrize(
    "owners",
    [
        "from crm.http import session\nfrom crm.urls import api_url\n\n\n"
        "def owners():\n"
        '    return session.get(api_url("/owners/v2/owners")).json()\n',
        "from crm import http\nimport os\nimport requests\n\n\n"
        "def owners():\n"
        '    return http.session.get("https://api.hubapi.com/owners/v2/owners", '
        'params={"hapikey": os.environ["HUBSPOT_API_KEY"]}).json()\n',
    ],
    ids=["url_helper", "module_attribute"],
)
def test_another_modules_session_with_its_own_authorization_stays(
    tmp_path, setup, owners
):
    http = "import os\n\nimport requests\n\nsession = requests.Session()\n" + setup
    files = {
        "crm/__init__.py": "",
        "crm/http.py": http,
        "crm/urls.py": URLS,
        "crm/owners.py": owners,
    }
    out = tree(tmp_path, files)
    sites, text = out["crm/owners.py"]
    assert text == owners
    assert sites and {s.status for s in sites} == {Status.MANUAL}
    reasons = " ".join(s.reason for s in sites)
    assert "is http.py's object, which sets its own Authorization header" in reasons
    if "api_url" in owners:  # the URL helper keeps its key for this caller
        assert out["crm/urls.py"][1] == URLS


@pytest.mark.parametrize(
    "maker,use",
    [
        (
            "def make_session():\n    s = requests.Session()\n"
            '    if os.environ.get("OAUTH"):\n'
            '        s.headers["Authorization"] = "Bearer " + os.environ["OAUTH"]\n'
            "    return s\n",
            "s = http.make_session()",
        ),
        (
            "class HubSession(requests.Session):\n"
            "    def __init__(self, token=None):\n        super().__init__()\n"
            "        if token:\n"
            '            self.headers["Authorization"] = "Bearer " + token\n',
            "s = http.HubSession()",
        ),
    ],
    ids=["factory", "session_class"],
)
def test_a_session_another_modules_code_gives_a_credential_stays(tmp_path, maker, use):
    http = "import os\n\nimport requests\n\n\n" + maker
    owners = (
        "import os\n\nfrom crm import http\n\n\ndef owners():\n"
        f"    {use}\n"
        '    return s.get("https://api.hubapi.com/owners/v2/owners", '
        'params={"hapikey": os.environ["HUBSPOT_API_KEY"]}).json()\n'
    )
    files = {"crm/__init__.py": "", "crm/http.py": http, "crm/owners.py": owners}
    sites, text = tree(tmp_path, files)["crm/owners.py"]
    assert text == owners
    assert sites and {s.status for s in sites} == {Status.MANUAL}
    assert "of http.py (line 6), whose code gives it a credential" in sites[0].reason


def test_a_session_this_modules_factory_gives_a_credential_stays():
    source = (
        "import os\nimport requests\n\n\ndef make_session():\n"
        "    sess = requests.Session()\n"
        '    if os.environ.get("OAUTH"):\n'
        '        sess.headers["Authorization"] = "Bearer " + os.environ["OAUTH"]\n'
        "    return sess\n\n\ndef owners():\n    s = make_session()\n"
        '    return s.get("https://api.hubapi.com/owners/v2/owners", '
        'params={"hapikey": os.environ["HUBSPOT_API_KEY"]}).json()\n'
    )
    assert_whole(source, "s is built by make_session() of this module (line 5)")


def test_another_modules_session_without_authorization_is_migrated(tmp_path):
    http = (
        "import requests\n\nsession = requests.Session()\n"
        'session.headers["User-Agent"] = "crm/1.0"\n'
    )
    owners = (
        "from crm.http import session\nfrom crm.urls import api_url\n\n\n"
        "def owners():\n"
        '    return session.get(api_url("/owners/v2/owners")).json()\n'
    )
    files = {
        "crm/__init__.py": "",
        "crm/http.py": http,
        "crm/urls.py": URLS,
        "crm/owners.py": owners,
    }
    out = tree(tmp_path, files)
    sites, text = out["crm/owners.py"]
    assert {s.status for s in sites} == {Status.REWRITE}
    assert '"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]' in text


# -- F21: a caller handing in its own key --------------------------------------

DEALS = HEAD + (
    "\n\nclass DealClient:\n"
    "    def get(self, deal_id, params=None):\n"
    "        params = dict(params or {})\n"
    '        if "hapikey" not in params:\n'
    '            params["hapikey"] = KEY\n'
    '        return requests.get("https://api.hubapi.com/deals/v1/deal/%s" % deal_id, '
    "params=params).json()\n"
)
SETDEFAULT = HEAD + (
    "\n\ndef get(path, params=None):\n"
    "    params = dict(params or {})\n"
    '    params.setdefault("hapikey", KEY)\n'
    '    return requests.get("https://api.hubapi.com" + path, params=params)\n'
)
UPDATED = HEAD + (
    "\n\ndef get(path, params=None):\n"
    '    query = {"hapikey": KEY}\n'
    "    query.update(params or {})\n"
    '    return requests.get("https://api.hubapi.com" + path, params=query)\n'
)


@pytest.mark.parametrize(
    "source,caller",
    [
        (
            DEALS,
            "def client_deal(portal, deal_id):\n"
            '    return DealClient().get(deal_id, params={"hapikey": portal["api_key"]})\n',
        ),
        (
            SETDEFAULT,
            "def tenant(portal):\n"
            '    return get("/owners/v2/owners", params={"hapikey": portal.key})\n',
        ),
        (
            UPDATED,
            "def tenant(portal):\n"
            '    query = {"hapikey": portal.key, "limit": 5}\n'
            '    return get("/owners/v2/owners", params=query)\n',
        ),
    ],
    ids=["guard_method", "setdefault", "update"],
)
def test_a_caller_handing_in_its_own_key_keeps_the_function_whole(source, caller):
    assert_whole(source + "\n\n" + caller, "hands in a key of its own")


def test_a_key_guard_whose_callers_hand_in_no_key_is_migrated(monkeypatch):
    calls = "DealClient().get(7)\nDealClient().get(8, params={'includeAssociations': 'true'})\n"
    result = migrate(DEALS)
    assert {s.status for s in key_sites(result)} == {Status.REWRITE}
    before = run_recorded(DEALS, calls, monkeypatch)
    after = run_recorded(result.new.decode(), calls, monkeypatch)
    for old, new in zip(before, after):
        assert old["params"].pop("hapikey") == "key-main"
        assert new["headers"].pop("Authorization") == "Bearer tok-main"
        assert new == old


@pytest.mark.parametrize(
    "user",
    [
        "from crm.deals import DealClient\n\n\ndef client_deal(portal, deal_id):\n"
        '    return DealClient().get(deal_id, params={"hapikey": portal["api_key"], '
        '"includeAssociations": "true"})\n',
        "from crm import deals\n\n\ndef client_deal(portal, deal_id):\n"
        "    client = deals.DealClient()\n"
        '    return client.get(deal_id, params={"hapikey": portal["api_key"]})\n',
    ],
    ids=["instance", "module_attribute"],
)
def test_a_caller_in_another_module_handing_in_its_own_key(tmp_path, user):
    out = tree(
        tmp_path,
        {"crm/__init__.py": "", "crm/deals.py": DEALS, "crm/agency.py": user},
    )
    sites, text = out["crm/deals.py"]
    assert text == DEALS
    assert sites and {s.status for s in sites} == {Status.MANUAL}
    assert "the call at agency.py:" in sites[0].reason
    assert "hands in a key of its own" in sites[0].reason


@pytest.mark.parametrize(
    "user",
    [
        "from app import hs\n\n\ndef tenant(portal):\n"
        '    return hs.get("/owners/v2/owners", params={"hapikey": portal.key})\n',
        "from app.hs import get\n\n\ndef tenant(portal):\n"
        '    return get("/owners/v2/owners", {"hapikey": portal.key})\n',
    ],
    ids=["module_attribute", "imported_name"],
)
def test_a_module_level_helper_another_module_hands_its_own_key(tmp_path, user):
    hs = HEAD + (
        "\n\ndef get(path, params=None):\n"
        "    params = dict(params or {})\n"
        '    if "hapikey" not in params:\n'
        '        params["hapikey"] = KEY\n'
        '    return requests.get("https://api.hubapi.com" + path, params=params)\n'
    )
    out = tree(tmp_path, {"app/__init__.py": "", "app/hs.py": hs, "app/user.py": user})
    sites, text = out["app/hs.py"]
    assert text == hs and {s.status for s in sites} == {Status.MANUAL}
    assert "the call at user.py:5 hands in a key of its own" in sites[0].reason


def test_a_caller_in_another_module_handing_in_no_key_leaves_it_migrated(tmp_path):
    user = (
        "from crm.deals import DealClient\n\n\ndef deal(deal_id):\n"
        '    return DealClient().get(deal_id, params={"includeAssociations": "true"})\n'
    )
    out = tree(
        tmp_path,
        {"crm/__init__.py": "", "crm/deals.py": DEALS, "crm/agency.py": user},
    )
    sites, text = out["crm/deals.py"]
    assert {s.status for s in sites} == {Status.REWRITE}
    assert "hapikey" not in text


# -- F22: a urllib3 pool's default headers --------------------------------------

POOL = (
    "import os\n\nimport urllib3\n\n"
    'KEY = os.environ["HUBSPOT_API_KEY"]\n'
    'BASE = "https://api.hubapi.com"\n'
    "http = urllib3.PoolManager({options})\n\n\n"
    "def owners():\n"
    '    return http.request("GET", BASE + "/owners/v2/owners?hapikey=" + KEY{extra}).status\n'
)
DEFAULTS = "urllib3 pool made with default headers"


@pytest.mark.parametrize(
    "options,extra",
    [
        ('headers={"User-Agent": "crm/1.0"}', ""),
        ('headers={"User-Agent": "crm/1.0"}', ", headers=None"),
        ("**POOL_OPTIONS", ""),
        ('num_pools=2, headers={"User-Agent": "crm/1.0"}', ", timeout=3"),
    ],
    ids=["defaults", "headers_none", "options", "more_arguments"],
)
def test_a_urllib3_pool_with_default_headers_is_left_whole(options, extra):
    source = POOL.format(options=options, extra=extra)
    source = source.replace("http = ", "POOL_OPTIONS = {}\nhttp = ")
    assert_whole(source, DEFAULTS)


def test_a_urllib3_pool_held_by_a_class_with_default_headers_is_left_whole():
    source = (
        "import os\n\nimport urllib3\n\n"
        "class Hub:\n"
        "    def __init__(self):\n"
        '        self.http = urllib3.PoolManager(headers={"User-Agent": "crm/1.0"})\n'
        "    def owners(self):\n"
        '        return self.http.request("GET", "https://api.hubapi.com/owners/v2/owners'
        '?hapikey=" + os.environ["HUBSPOT_API_KEY"])\n'
    )
    assert_whole(source, DEFAULTS)


def test_another_modules_urllib3_pool_with_default_headers_is_left_whole(tmp_path):
    net = 'import urllib3\n\nhttp = urllib3.PoolManager(headers={"User-Agent": "crm/1.0"})\n'
    owners = (
        "import os\n\nfrom crm.net import http\n\n\ndef owners():\n"
        '    return http.request("GET", "https://api.hubapi.com/owners/v2/owners'
        '?hapikey=" + os.environ["HUBSPOT_API_KEY"])\n'
    )
    out = tree(
        tmp_path, {"crm/__init__.py": "", "crm/net.py": net, "crm/owners.py": owners}
    )
    sites, text = out["crm/owners.py"]
    assert text == owners
    assert any(DEFAULTS in s.reason and "net.py, line 3" in s.reason for s in sites)


@pytest.mark.parametrize(
    "options,extra",
    [("", ""), ('headers={"User-Agent": "crm/1.0"}', ', headers={"Accept": "*/*"}')],
    ids=["no_defaults", "own_headers_replace_them_already"],
)
def test_a_urllib3_pool_migrated_sends_what_it_sent_with_the_token(
    monkeypatch, options, extra
):
    """Run before and after against the local stand-in: the same headers, the
    token instead of the key."""
    source = POOL.format(options=options, extra=extra)
    result = migrate(source)
    assert {s.status for s in key_sites(result)} == {Status.REWRITE}
    monkeypatch.setenv("HUBSPOT_API_KEY", "key-main")
    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", "tok-main")
    with StandIn("tok-main", "dev-key") as standin:
        for text in (source, result.new.decode()):
            namespace: dict = {}
            code = text.replace("https://api.hubapi.com", standin.url)
            exec(compile(code, "<pool>", "exec"), namespace)
            namespace["owners"]()
    old, new = standin.seen
    assert old.hapikey == "key-main" and old.authorization is None
    assert new.hapikey is None and new.authorization == "Bearer tok-main"
    assert _headers(old.raw) == _headers(new.raw)


def _headers(raw: str) -> dict[str, str]:
    """A recorded request's headers but Authorization, by lower-cased name."""
    found = {}
    for line in raw.splitlines()[1:]:
        name, colon, value = line.partition(":")
        if colon and name.strip().lower() != "authorization":
            found[name.strip().lower()] = value.strip()
    return found
