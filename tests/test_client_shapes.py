"""Clients whose shape decides whether the token may replace the key (a seventh
review): SDK constructors given other arguments that send elsewhere or read the
key (``api_base=``, ``api_factory=``), objects taken for HTTP clients by their
name that do not take ``headers=`` (another module's ``get(self, url,
params=None)``, an unknown package), and ``headers=`` given as a list of pairs.
Each is migrated so that it behaves as before, or left for a person with the
reason."""

from __future__ import annotations

import importlib
import sys
import types

import pytest

from hapimigrate.model import Status
from tests.conftest import migrate

ENV = {"HUBSPOT_API_KEY": "key-main", "HUBSPOT_ACCESS_TOKEN": "tok-main"}


# -- SDK constructors -------------------------------------------------------


class FakeHubspot3:
    """hubspot3's BaseClient as its source reads: it connects to ``api_base``
    (``https`` unless it names a scheme), sends ``api_key`` as ``hapikey`` and
    ``access_token`` as ``Authorization: Bearer``."""

    sent: list[dict] = []

    def __init__(self, api_key=None, access_token=None, api_base="api.hubapi.com",
                 timeout=10, **options):  # fmt: skip
        if api_key and access_token:
            raise ValueError("Cannot use both api_key and access_token.")
        self.api_key, self.access_token = api_key, access_token
        self.host = api_base.split("://")[-1]

    def owners(self):
        params = {"hapikey": self.api_key} if self.api_key else {}
        headers = (
            {"Authorization": "Bearer " + self.access_token}
            if self.access_token
            else {}
        )
        FakeHubspot3.sent.append(
            {"host": self.host, "params": params, "headers": headers}
        )


def run_hubspot3(source: str, monkeypatch) -> list[dict]:
    FakeHubspot3.sent = []
    fake = types.ModuleType("hubspot3")
    fake.Hubspot3 = FakeHubspot3
    monkeypatch.setitem(sys.modules, "hubspot3", fake)
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    namespace: dict = {}
    exec(compile(source + "\nclient.owners()\n", "<app>", "exec"), namespace)
    return FakeHubspot3.sent


HUBSPOT3 = "import os\nfrom hubspot3 import Hubspot3\n"


@pytest.mark.parametrize(
    "api_base", ['"api.hubapi.com"', '"https://api.hubapi.com"', "BASE"]
)
def test_hubspot3_sending_to_hubspot_gets_the_token(api_base, monkeypatch):
    source = (
        HUBSPOT3 + 'BASE = "api.hubapi.com"\n'
        f'client = Hubspot3(api_key=os.environ["HUBSPOT_API_KEY"], api_base={api_base})\n'
    )
    result = migrate(source)
    assert [s.status for s in result.sites] == [Status.REWRITE]
    new = result.new.decode()
    assert run_hubspot3(source, monkeypatch) == [
        {"host": "api.hubapi.com", "params": {"hapikey": "key-main"}, "headers": {}}
    ]
    assert run_hubspot3(new, monkeypatch) == [
        {
            "host": "api.hubapi.com",
            "params": {},
            "headers": {"Authorization": "Bearer tok-main"},
        }
    ]


@pytest.mark.parametrize(
    "api_base, shown",
    [
        ('"hubspot-proxy.internal.example.com"', "hubspot-proxy.internal.example.com"),
        ('"http://localhost:8080"', "localhost:8080"),
        ('os.environ.get("HUBSPOT_HOST", "api.hubapi.com")', "a host set at run time"),
        ("host", "a host set at run time"),
    ],
)
def test_hubspot3_sending_elsewhere_is_left(api_base, shown, monkeypatch):
    """review 7, W12a: the token went to the proxy written in the code."""
    source = (
        HUBSPOT3 + "def make(host=None):\n"
        f'    return Hubspot3(api_key=os.environ["HUBSPOT_API_KEY"], api_base={api_base})\n'
        "client = make()\n"
    )
    result = migrate(source)
    assert result.new is None
    [site] = result.sites
    assert site.status == Status.MANUAL
    assert f"connects to {shown} (api_base=)" in site.reason


@pytest.mark.parametrize(
    "extra, named",
    [
        ("oauth2_token_getter=get, oauth2_token_setter=put", "oauth2_token_getter="),
        (
            "refresh_token=os.environ['R'], client_id='a', client_secret='b'",
            "refresh_token=",
        ),
        ("mixins=[Audit]", "mixins="),
        ("**EXTRA", "**EXTRA"),
    ],
)
def test_hubspot3_given_another_token_source_is_left(extra, named):
    source = (
        HUBSPOT3 + "EXTRA = {}\nget = put = Audit = None\n"
        f'client = Hubspot3(api_key=os.environ["HUBSPOT_API_KEY"], {extra})\n'
    )
    result = migrate(source)
    assert result.new is None
    [site] = result.sites
    assert site.status == Status.MANUAL and named in site.reason


def test_an_sdk_client_given_more_positional_arguments_is_left():
    source = (
        "import os\nfrom hubspot import HubSpot\n"
        'client = HubSpot(os.environ["HUBSPOT_API_KEY"], None)\n'
    )
    result = migrate(source)
    assert result.new is None
    assert "positional" in result.sites[0].reason


FACTORY = """import os
from hubspot import HubSpot


def proxy_factory(api_client_package, api_name, config):
    configuration = api_client_package.Configuration()
    configuration.host = "https://hubspot-proxy.internal.example.com"
    configuration.api_key["hapikey"] = config["api_key"]
    api_client = api_client_package.ApiClient(configuration=configuration)
    return getattr(api_client_package, api_name)(api_client=api_client)


client = HubSpot(api_key=os.environ["HUBSPOT_API_KEY"], api_factory=proxy_factory)
"""


def test_hubspot_api_client_with_an_api_factory_is_left():
    """review 7, W12b: the factory reads config["api_key"], which the client no
    longer holds once given access_token (KeyError on the first call)."""
    result = migrate(FACTORY)
    assert result.new is None
    sdk = [s for s in result.sites if s.line == 13]
    assert [s.status for s in sdk] == [Status.MANUAL]
    assert "api_factory=" in sdk[0].reason


def test_hubspot_api_client_with_its_own_settings_is_migrated():
    source = (
        "import os\nfrom hubspot import HubSpot\n"
        'client = HubSpot(api_key=os.environ["HUBSPOT_API_KEY"], retry=None, verify_ssl=True)\n'
    )
    new = migrate(source).new.decode()
    assert (
        'HubSpot(access_token=os.environ["HUBSPOT_ACCESS_TOKEN"], retry=None, verify_ssl=True)'
        in new
    )


# -- objects taken for HTTP clients by their name -----------------------------


class Recorder:
    """A stand-in for ``requests``: records what each request sends."""

    def __init__(self) -> None:
        self.sent: list[dict] = []

    def request(self, method, url, params=None, headers=None, timeout=None):
        self.sent.append(
            {"url": url, "params": dict(params or {}), "headers": dict(headers or {})}
        )

    def get(self, url, **kw):
        return self.request("GET", url, **kw)

    def session_class(self) -> type:
        """``requests.Session``: a class (code subclasses it) whose requests
        are recorded too."""
        recorder = self

        class Session:
            def request(self, method, url, **kw):
                return recorder.request(method, url, **kw)

            def get(self, url, **kw):
                return self.request("GET", url, **kw)

        return Session


APP = """import os
{imports}
KEY = os.environ["HUBSPOT_API_KEY"]


def owners():
    return {receiver}.get("https://api.hubapi.com/owners/v2/owners", params={{"hapikey": KEY}})
"""


def migrate_tree(tmp_path, modules: dict[str, str], app: str):
    for name, text in modules.items():
        path = tmp_path / f"{name}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    (tmp_path / "app.py").write_text(app)
    return migrate(app, path=str(tmp_path / "app.py"))


def run_app(tmp_path, modules, app: str, monkeypatch) -> list[dict]:
    """``app.owners()`` with the tree's modules importable and ``requests``
    recorded."""
    recorder = Recorder()
    fake = types.ModuleType("requests")
    fake.get, fake.request = recorder.get, recorder.request
    fake.Session = recorder.session_class()
    monkeypatch.setitem(sys.modules, "requests", fake)
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    (tmp_path / "app.py").write_text(app)
    monkeypatch.syspath_prepend(str(tmp_path))
    names = ["app", *modules]
    for name in names:
        sys.modules.pop(name.replace("/", "."), None)
    importlib.invalidate_caches()
    try:
        importlib.import_module("app").owners()
    finally:
        for name in names:
            sys.modules.pop(name.replace("/", "."), None)
    return recorder.sent


SENT_WITH_TOKEN = [
    {
        "url": "https://api.hubapi.com/owners/v2/owners",
        "params": {},
        "headers": {"Authorization": "Bearer tok-main"},
    }
]
SENT_WITH_KEY = [
    {
        "url": "https://api.hubapi.com/owners/v2/owners",
        "params": {"hapikey": "key-main"},
        "headers": {},
    }
]

NO_HEADERS = """import requests


class _Client:
    def get(self, url, params=None):
        return requests.get(url, params=params, timeout=5)


client = _Client()
"""


def test_another_modules_object_without_headers_is_left(tmp_path, monkeypatch):
    """review 7, W8: ``client.get(url, headers=...)`` raised TypeError."""
    modules = {"internal_http": NO_HEADERS}
    app = APP.format(imports="from internal_http import client", receiver="client")
    result = migrate_tree(tmp_path, modules, app)
    assert result.new is None
    [site] = result.sites
    assert site.status == Status.MANUAL
    assert "client.get() is imported from internal_http" in site.reason
    assert "headers=" in site.reason
    assert run_app(tmp_path, modules, app, monkeypatch) == SENT_WITH_KEY


def test_an_object_built_from_another_modules_class_without_headers_is_left(
    tmp_path,
):
    modules = {"internal_http": NO_HEADERS}
    app = APP.format(
        imports="from internal_http import _Client\nclient = _Client()",
        receiver="client",
    )
    result = migrate_tree(tmp_path, modules, app)
    assert result.new is None
    assert "built by _Client()" in result.sites[0].reason


@pytest.mark.parametrize(
    "imports, receiver",
    [
        ("import tenacity_http as http", "http"),
        ("from vendor_sdk import client", "client"),
        ("from vendor_sdk import Client\nsession = Client()", "session"),
        ("import vendor_sdk", "vendor_sdk.session"),
    ],
)
def test_an_unknown_packages_object_is_left(imports, receiver, tmp_path):
    result = migrate_tree(tmp_path, {}, APP.format(imports=imports, receiver=receiver))
    assert result.new is None
    [site] = result.sites
    assert site.status == Status.MANUAL and "not known to take headers=" in site.reason


FORWARDING = {
    "a session": "import requests\nclient = requests.Session()\n",
    "a session through an alias": ("from requests import Session as S\nclient = S()\n"),
    "a Session subclass": (
        "import requests\nclass Hub(requests.Session):\n    pass\nclient = Hub()\n"
    ),
    "a method forwarding **kwargs to requests": (
        "import requests\nclass _C:\n"
        "    def get(self, url, **kw):\n        return requests.get(url, timeout=5, **kw)\n"
        "client = _C()\n"
    ),
    "a method forwarding headers to a held session": (
        "import requests\nclass _C:\n    def __init__(self):\n"
        "        self.s = requests.Session()\n"
        "    def get(self, url, params=None, headers=None):\n"
        "        return self.s.get(url, params=params, headers=headers)\n"
        "client = _C()\n"
    ),
    "a factory's session": (
        "import requests\ndef make():\n    s = requests.Session()\n    return s\n"
        "client = make()\n"
    ),
    "a re-export": "from base_http import client\n",
}


@pytest.mark.parametrize("shape", FORWARDING)
def test_another_modules_client_that_takes_headers_is_migrated(
    shape, tmp_path, monkeypatch
):
    modules = {"internal_http": FORWARDING[shape]}
    if shape == "a re-export":
        modules["base_http"] = FORWARDING["a session"]
    app = APP.format(imports="from internal_http import client", receiver="client")
    result = migrate_tree(tmp_path, modules, app)
    assert [s.status for s in result.sites] == [Status.REWRITE], result.sites
    assert run_app(tmp_path, modules, app, monkeypatch) == SENT_WITH_KEY
    new = result.new.decode()
    assert run_app(tmp_path, modules, new, monkeypatch) == SENT_WITH_TOKEN


def test_a_module_of_the_tree_whose_function_takes_headers_is_migrated(
    tmp_path, monkeypatch
):
    modules = {
        "crm/__init__": "",
        "crm/net": (
            "import requests\n"
            "def get(url, params=None, headers=None):\n"
            "    return requests.get(url, params=params, headers=headers)\n"
        ),
    }
    app = APP.format(imports="from crm import net as http", receiver="http")
    result = migrate_tree(tmp_path, modules, app)
    assert [s.status for s in result.sites] == [Status.REWRITE]
    assert run_app(tmp_path, modules, result.new.decode(), monkeypatch) == (
        SENT_WITH_TOKEN
    )


def test_a_module_of_the_tree_whose_function_has_no_headers_is_left(tmp_path):
    modules = {
        "crm/__init__": "",
        "crm/net": (
            "import requests\n"
            "def get(url, params=None):\n"
            "    return requests.get(url, params=params)\n"
        ),
    }
    app = APP.format(imports="from crm import net as http", receiver="http")
    result = migrate_tree(tmp_path, modules, app)
    assert result.new is None
    assert "http.get() is imported from crm" in result.sites[0].reason


# -- headers given as a list of pairs -----------------------------------------


@pytest.mark.parametrize(
    "headers, shown",
    [
        (
            'HEADERS = [("Accept", "application/json"), ("X-Tag", "a"), ("X-Tag", "b")]\n',
            "HEADERS",
        ),
        ('HEADERS = (("Accept", "application/json"),)\n', "HEADERS"),
        ('HEADERS = [(k, v) for k, v in {"Accept": "x"}.items()]\n', "HEADERS"),
    ],
)
@pytest.mark.parametrize("library", ["httpx", "requests"])
def test_headers_given_as_pairs_are_left(headers, shown, library):
    """review 7, W6: ``{**(HEADERS or {}), ...}`` raised TypeError on a list."""
    source = (
        f"import os\nimport {library}\nAPI_KEY = os.environ['HUBSPOT_API_KEY']\n"
        + headers
        + f"def owners():\n    return {library}.get('https://api.hubapi.com/owners/v2/owners',"
        " params={'hapikey': API_KEY}, headers=HEADERS)\n"
    )
    result = migrate(source)
    assert result.new is None
    [site] = result.sites
    assert site.status == Status.MANUAL
    assert f"list of pairs ({shown})" in site.reason


def test_headers_written_as_pairs_in_the_call_are_left():
    source = (
        "import os\nimport httpx\nAPI_KEY = os.environ['HUBSPOT_API_KEY']\n"
        "def owners():\n    return httpx.get('https://api.hubapi.com/owners/v2/owners',"
        " params={'hapikey': API_KEY}, headers=[('Accept', 'application/json')])\n"
    )
    result = migrate(source)
    assert result.new is None
    assert "list of pairs (written here)" in result.sites[0].reason


def test_headers_given_as_a_mapping_are_still_merged():
    source = (
        "import os\nimport httpx\nAPI_KEY = os.environ['HUBSPOT_API_KEY']\n"
        "HEADERS = {'Accept': 'application/json'}\n"
        "def owners():\n    return httpx.get('https://api.hubapi.com/owners/v2/owners',"
        " params={'hapikey': API_KEY}, headers=HEADERS)\n"
    )
    new = migrate(source).new.decode()
    assert 'headers={**HEADERS, "Authorization": "Bearer " + ' in new


def test_an_sdk_client_whose_api_key_is_read_is_left():
    """``hs.api_key`` is None once the client is given access_token: a request
    that sends it would send ``hapikey=None``."""
    source = (
        "import os, requests\nfrom hubspot import HubSpot\n"
        'hs = HubSpot(api_key=os.environ["HUBSPOT_API_KEY"])\n'
        "def legacy():\n"
        "    return requests.get('https://api.hubapi.com/owners/v2/owners',"
        " params={'hapikey': hs.api_key})\n"
    )
    result = migrate(source)
    sdk = [s for s in result.sites if s.line == 3]
    assert [s.status for s in sdk] == [Status.MANUAL]
    assert "api_key is read (line 5)" in sdk[0].reason


LOCAL_CLIENT = """import os
import requests
KEY = os.environ["HUBSPOT_API_KEY"]


class _Http:
    def get(self, url, params=None):
        return requests.get(url, params=params)


def make_client():
    return {built}


class Hub:
    def __init__(self):
        self.client = {built}

    def owners(self):
        return self.client.get("https://api.hubapi.com/owners/v2/owners", params={{"hapikey": KEY}})


def owners():
    client = make_client()
    return client.get("https://api.hubapi.com/owners/v2/owners", params={{"hapikey": KEY}})
"""


def test_a_client_of_this_modules_class_without_headers_is_left():
    """``self.client = _Http()`` and a factory returning one: their get() takes
    no headers=."""
    result = migrate(LOCAL_CLIENT.format(built="_Http()"))
    assert result.new is None
    reasons = sorted(s.reason for s in result.sites)
    assert [s.status for s in result.sites] == [Status.MANUAL] * 2
    assert "client.get() is built by make_client()" in reasons[0]
    assert "self.client.get() is built by _Http()" in reasons[1]


def test_a_client_of_this_module_that_is_a_session_is_migrated(monkeypatch):
    source = LOCAL_CLIENT.format(built="requests.Session()")
    result = migrate(source)
    assert [s.status for s in result.sites] == [Status.REWRITE] * 2
    recorder = Recorder()
    fake = types.ModuleType("requests")
    fake.get, fake.Session = recorder.get, recorder.session_class()
    monkeypatch.setitem(sys.modules, "requests", fake)
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    namespace: dict = {}
    exec(compile(result.new.decode(), "<migrated>", "exec"), namespace)
    namespace["Hub"]().owners()
    namespace["owners"]()
    assert recorder.sent == SENT_WITH_TOKEN * 2


def test_a_held_client_from_an_unknown_package_is_left():
    source = (
        "import os\nfrom vendor_sdk import Client\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "class Hub:\n    def __init__(self):\n        self.client = Client()\n"
        "    def owners(self):\n        return self.client.get("
        "'https://api.hubapi.com/owners/v2/owners', params={'hapikey': KEY})\n"
    )
    result = migrate(source)
    assert result.new is None
    assert "built by Client() from vendor_sdk" in result.sites[0].reason


@pytest.mark.parametrize(
    "setup, headers, shown",
    [
        ("PAIRS = list({'Accept': 'x'}.items())\n", "PAIRS", "PAIRS"),
        ("BASE = [('Accept', 'x')]\n", "BASE + [('X-Tag', 'a')]", "written here"),
        (
            "class Hub:\n    HEADERS = [('Accept', 'x')]\n"
            "    def owners(self):\n        return httpx.get(URL,"
            " params={'hapikey': API_KEY}, headers=self.HEADERS)\n",
            None,
            "self.HEADERS",
        ),
        (
            "class Hub:\n    def __init__(self):\n        self.pairs = (('Accept', 'x'),)\n"
            "    def owners(self):\n        return httpx.get(URL,"
            " params={'hapikey': API_KEY}, headers=self.pairs)\n",
            None,
            "self.pairs",
        ),
    ],
)
def test_headers_known_to_be_pairs_are_left(setup, headers, shown):
    source = (
        "import os\nimport httpx\nAPI_KEY = os.environ['HUBSPOT_API_KEY']\n"
        "URL = 'https://api.hubapi.com/owners/v2/owners'\n" + setup
    )
    if headers is not None:
        source += (
            "def owners():\n    return httpx.get(URL, params={'hapikey': API_KEY},"
            f" headers={headers})\n"
        )
    result = migrate(source)
    assert result.new is None
    [site] = result.sites
    assert site.status == Status.MANUAL
    assert f"list of pairs ({shown})" in site.reason


WRAPPER = """import os
import httpx
KEY = os.environ["HUBSPOT_API_KEY"]
BASE = "https://api.hubapi.com"
PAIRS = [("Accept", "application/json")]


def send(method, path, **kwargs):
    return httpx.request(method, BASE + path, params={{"hapikey": KEY}}, **kwargs)


def owners():
    return send("GET", "/owners/v2/owners", headers={headers})
"""


def test_a_wrapper_whose_caller_hands_pairs_through_kwargs_is_left():
    """``kwargs["headers"] = {**(kwargs.get("headers") or {}), ...}`` raised
    TypeError on the caller's list."""
    result = migrate(WRAPPER.format(headers="PAIRS"))
    assert result.new is None
    [site] = result.sites
    assert "list of pairs (PAIRS, by the call at line 13)" in site.reason


def test_a_wrapper_whose_callers_hand_a_mapping_is_migrated():
    new = migrate(WRAPPER.format(headers='{"Accept": "application/json"}')).new
    assert b'kwargs["headers"] = {**(kwargs.get("headers") or {}), ' in new


PASSED = """import os
import requests
{imports}
KEY = os.environ["HUBSPOT_API_KEY"]


def fetch(client, path):
    return client.get("https://api.hubapi.com" + path, params={{"hapikey": KEY}})


def owners():
    http = {built}
    return fetch(http, "/owners/v2/owners")
"""


def test_a_client_parameter_whose_caller_passes_an_unknown_object_is_left():
    result = migrate(
        PASSED.format(imports="from vendor_sdk import Vendor", built="Vendor()")
    )
    assert result.new is None
    assert "client.get() is built by Vendor() from vendor_sdk" in result.sites[0].reason


def test_a_client_parameter_whose_callers_pass_sessions_is_migrated(monkeypatch):
    result = migrate(PASSED.format(imports="", built="requests.Session()"))
    assert [s.status for s in result.sites] == [Status.REWRITE]
    recorder = Recorder()
    fake = types.ModuleType("requests")
    fake.Session = recorder.session_class()
    monkeypatch.setitem(sys.modules, "requests", fake)
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    namespace: dict = {}
    exec(compile(result.new.decode(), "<migrated>", "exec"), namespace)
    namespace["owners"]()
    assert recorder.sent == SENT_WITH_TOKEN


@pytest.mark.parametrize(
    "net, status",
    [
        ("import requests\nclient = requests.Session()\n", Status.REWRITE),
        (NO_HEADERS, Status.MANUAL),
    ],
)
@pytest.mark.parametrize(
    "imports, receiver",
    [("from .net import client", "client"), ("from . import net", "net.client")],
)
def test_relative_imports_are_read_in_the_package(
    imports, receiver, net, status, tmp_path
):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "net.py").write_text(net)
    app = APP.format(imports=imports, receiver=receiver)
    (tmp_path / "pkg" / "app.py").write_text(app)
    result = migrate(app, path=str(tmp_path / "pkg" / "app.py"))
    assert [s.status for s in result.sites] == [status]


DROPPING = {
    "a named headers parameter not passed on": (
        "import requests\nclass _C:\n"
        "    def get(self, url, params=None, headers=None, **kw):\n"
        "        return requests.get(url, params=params, **kw)\n"
        "client = _C()\n"
    ),
    "headers replaced": (
        "import requests\nclass _C:\n"
        "    def get(self, url, params=None, headers=None):\n"
        "        headers = {'Accept': 'application/json'}\n"
        "        return requests.get(url, params=params, headers=headers)\n"
        "client = _C()\n"
    ),
    "kw['headers'] replaced": (
        "import requests\nclass _C:\n"
        "    def get(self, url, **kw):\n        kw['headers'] = {'Accept': 'x'}\n"
        "        return requests.get(url, **kw)\n"
        "client = _C()\n"
    ),
    "kw['headers'] popped": (
        "import requests\nclass _C:\n"
        "    def get(self, url, **kw):\n        kw.pop('headers', None)\n"
        "        return requests.get(url, **kw)\n"
        "client = _C()\n"
    ),
    "handed to a parameter's object": (
        "import requests\nsession = requests.Session()\nclass _C:\n"
        "    def get(self, url, session=None, **kw):\n"
        "        return session.get(url, **kw)\n"
        "client = _C()\n"
    ),
}


@pytest.mark.parametrize("shape", DROPPING)
def test_another_modules_method_that_drops_headers_is_left(shape, tmp_path):
    """A header handed to such a get() would never be sent (401)."""
    modules = {"internal_http": DROPPING[shape]}
    app = APP.format(imports="from internal_http import client", receiver="client")
    result = migrate_tree(tmp_path, modules, app)
    assert result.new is None
    assert "not known to take headers=" in result.sites[0].reason


def test_a_method_forwarding_to_the_modules_own_session_is_migrated(
    tmp_path, monkeypatch
):
    modules = {
        "internal_http": (
            "import requests\nSESSION = requests.Session()\nclass _C:\n"
            "    def get(self, url, headers=None, **kw):\n"
            "        headers = {'Accept': 'application/json', **(headers or {})}\n"
            "        return SESSION.get(url, headers=headers, **kw)\n"
            "client = _C()\n"
        )
    }
    app = APP.format(imports="from internal_http import client", receiver="client")
    result = migrate_tree(tmp_path, modules, app)
    assert [s.status for s in result.sites] == [Status.REWRITE]
    [sent] = run_app(tmp_path, modules, result.new.decode(), monkeypatch)
    assert sent["params"] == {}
    assert sent["headers"] == {
        "Accept": "application/json",
        "Authorization": "Bearer tok-main",
    }


def test_an_async_factory_and_an_async_method_that_forward_headers_are_read(
    tmp_path,
):
    modules = {
        "internal_http": (
            "import httpx\nclass _C:\n    def __init__(self):\n"
            "        self.http = httpx.AsyncClient()\n"
            "    async def get(self, url, **kw):\n"
            "        return await self.http.get(url, **kw)\n"
            "async def make_client():\n    return _C()\n"
        )
    }
    app = (
        "import os\nfrom internal_http import make_client\n"
        'KEY = os.environ["HUBSPOT_API_KEY"]\n\n\nasync def owners():\n'
        "    client = await make_client()\n"
        '    return await client.get("https://api.hubapi.com/owners/v2/owners",'
        ' params={"hapikey": KEY})\n'
    )
    result = migrate_tree(tmp_path, modules, app)
    assert [s.status for s in result.sites] == [Status.REWRITE], result.sites


@pytest.mark.parametrize(
    "method",
    [
        # headers= of its own beside **kw: TypeError once kw holds headers too
        "    def get(self, url, **kw):\n"
        "        return self._s.get(url, headers={'X-Trace': '1'}, **kw)\n",
        # the caller's Authorization replaced by the client's own
        "    def get(self, url, headers=None):\n        headers = dict(headers or {})\n"
        "        headers['Authorization'] = 'Bearer ' + INTERNAL\n"
        "        return self._s.get(url, headers=headers)\n",
        # the caller's headers replaced by defaults when given
        "    def get(self, url, headers=None):\n"
        "        return self._s.get(url, headers=headers or self.defaults)\n",
    ],
)
def test_a_tree_client_that_does_not_hand_headers_on_as_given_is_manual(
    method, tmp_path
):
    """A review: an internal client's method forwarding **kw beside its own
    headers=, or rewriting the headers it is given, was taken to take headers=."""
    from hapimigrate import providers, run
    from hapimigrate.model import RunOptions, Status

    (tmp_path / "internal_http.py").write_text(
        "import requests\nINTERNAL = 'x'\nclass _Client:\n"
        "    def __init__(self):\n        self._s = requests.Session()\n"
        "        self.defaults = {'Accept': 'application/json'}\n"
        + method
        + "client = _Client()\n"
    )
    (tmp_path / "app.py").write_text(
        "import os\nfrom internal_http import client\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "def owners():\n    return client.get('https://api.hubapi.com/crm/v3/owners?hapikey=' + KEY)\n"
    )
    paths = sorted(str(p) for p in tmp_path.iterdir())
    results = list(run.results(paths, RunOptions(providers.resolve(None)), jobs=1))
    assert not any(r.changed for r in results)
    assert {s.status for r in results for s in r.sites if s.kind.value == "url"} == {
        Status.MANUAL
    }


def test_an_sdk_client_whose_access_token_is_set_later_keeps_its_key():
    """A review: HubSpot(api_key=KEY) then client.access_token = os.environ.get(
    "HUBSPOT_OAUTH_TOKEN"): migrated, the later write replaced the token (with
    None when unset), where the key had been used."""
    from hapimigrate.model import Status
    from tests.conftest import migrate

    result = migrate(
        "import os\nfrom hubspot import HubSpot\n"
        "client = HubSpot(api_key=os.environ['HUBSPOT_API_KEY'])\n"
        "client.access_token = os.environ.get('HUBSPOT_OAUTH_TOKEN')\n"
    )
    assert result.new is None
    (site,) = [s for s in result.sites if s.kind.value == "sdk"]
    assert site.status == Status.MANUAL and "access_token is set later" in site.reason
