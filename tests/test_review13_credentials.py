"""Review 13's wrong rewrites about which credential a request sends: a session
whose request brings a tenant's key of its own, two modules' keys of one name,
a key function picking a tenant's key by its argument, a key statement on the
line of its ``if``/``with``, a migrated client class reached through an
instance's class, and a hard-coded key or password quoted in a reason. Each
shape is migrated exactly or left for a person with a reason naming the risk;
its harmless neighbour still migrates."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from hapimigrate.model import Status
from tests.trees import migrate_reasons

SESSION = (
    "import os\nimport requests\nBASE = 'https://api.hubapi.com'\n"
    "hubspot = requests.Session()\n"
    "hubspot.params = {'hapikey': os.environ['HUBSPOT_API_KEY']}\n"
    "def company(cid):\n"
    "    return hubspot.get(BASE + '/companies/v2/companies/%s' % cid).json()\n"
)


def tree(tmp_path: Path, files: dict[str, str]) -> dict[str, tuple[list, str]]:
    """Migrate a tree together: {name: ([(status, reason) of key sites], text)}."""
    return migrate_reasons(tmp_path, files)


def all_sites(found: dict[str, tuple[list, str]]) -> list[tuple[Status, str]]:
    return [site for sites, _ in found.values() for site in sites]


def assert_left(found: dict[str, tuple[list, str]], files: dict, *words: str) -> None:
    """Nothing rewritten, every site manual, the reasons naming ``words``."""
    sites = all_sites(found)
    assert sites and all(status is Status.MANUAL for status, _ in sites), sites
    assert all(text == files[name] for name, (_, text) in found.items())
    for word in words:
        assert any(word in reason for _, reason in sites), (word, sites)


def assert_all_migrated(found: dict[str, tuple[list, str]]) -> None:
    sites = all_sites(found)
    assert sites and all(status is Status.REWRITE for status, _ in sites), sites


class Sent:
    """Requests' transport replaced: what each request would send."""

    def __init__(self, monkeypatch) -> None:
        self.requests: list[tuple[str, str | None]] = []

        def send(session, prepared, **kwargs):
            self.requests.append((prepared.url, prepared.headers.get("Authorization")))
            response = requests.Response()
            response.status_code, response._content = 200, b"{}"
            response.request = prepared
            return response

        monkeypatch.setattr(requests.Session, "send", send)


def run_module(text: str, call: str, monkeypatch, env: dict) -> Sent:
    """Execute a module's text, then ``call``, with the environment ``env``."""
    sent = Sent(monkeypatch)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    namespace: dict = {"__name__": "migrated"}
    exec(compile(text, "migrated.py", "exec"), namespace)
    eval(call, namespace)
    return sent


# -- P4: a session request that brings a key of its own -----------------------

OWN_KEY_REQUESTS = {
    "params dict": (
        "def deals_for(tenant_key):\n    return hubspot.get(BASE + "
        "'/crm/v3/objects/deals', params={'hapikey': tenant_key}).status_code\n"
    ),
    "key in the URL": (
        "def deals_for(tenant_key):\n    return hubspot.get(BASE + "
        "'/crm/v3/objects/deals?hapikey=' + tenant_key).status_code\n"
    ),
    "params through a name": (
        "def deals_for(tenant_key):\n    query = {'hapikey': tenant_key, 'limit': 10}\n"
        "    return hubspot.get(BASE + '/crm/v3/objects/deals', params=query)\n"
    ),
    "dict(hapikey=...)": (
        "def deals_for(tenant_key):\n    return hubspot.get(BASE + "
        "'/crm/v3/objects/deals', params=dict(hapikey=tenant_key))\n"
    ),
    "a ** mapping": (
        "def deals_for(tenant_key):\n    return hubspot.get(BASE + "
        "'/crm/v3/objects/deals', **{'params': {'hapikey': tenant_key}})\n"
    ),
    "a wrapper's **kwargs, a caller's key": (
        "def deals(**kw):\n"
        "    return hubspot.get(BASE + '/crm/v3/objects/deals', **kw).status_code\n"
        "def deals_for(tenant_key):\n    return deals(params={'hapikey': tenant_key})\n"
    ),
    "a wrapper's params parameter, a caller's key": (
        "def deals(params=None):\n"
        "    return hubspot.get(BASE + '/crm/v3/objects/deals', params=params)\n"
        "def deals_for(tenant_key):\n    return deals({'hapikey': tenant_key})\n"
    ),
}


@pytest.mark.parametrize("request_", OWN_KEY_REQUESTS.values(), ids=OWN_KEY_REQUESTS)
def test_a_session_whose_request_brings_its_own_key_is_left(request_, tmp_path):
    """Review 13 P4: the session's params became a Bearer header while the
    tenant's request kept ``?hapikey=key-tenant``: HubSpot read the token, and
    the tenant got our portal's deals."""
    files = {"one.py": SESSION + request_}
    assert_left(tree(tmp_path, files), files, "sends a key of its own")


def test_the_tenants_request_is_left_as_it_was(tmp_path, monkeypatch):
    files = {"one.py": SESSION + OWN_KEY_REQUESTS["params dict"]}
    text = tree(tmp_path, files)["one.py"][1]
    sent = run_module(
        text, "deals_for('key-tenant')", monkeypatch, {"HUBSPOT_API_KEY": "key-main"}
    )
    ((url, authorization),) = sent.requests
    assert "hapikey=key-tenant" in url and authorization is None


@pytest.mark.parametrize(
    "use",
    [
        "import net\ndef deals_for(tenant_key):\n    return net.hubspot.get("
        "net.BASE + '/crm/v3/objects/deals', params={'hapikey': tenant_key})\n",
        "from net import hubspot, BASE\ndef deals_for(tenant_key):\n    return "
        "hubspot.get(BASE + '/crm/v3/objects/deals?hapikey=' + tenant_key)\n",
    ],
    ids=["module attribute", "imported name, key in the URL"],
)
def test_another_modules_request_with_its_own_key_keeps_the_session(use, tmp_path):
    """The same across modules (review 13's 32, 33): the session's module must
    not change either, header or auth hook."""
    files = {"net.py": SESSION, "tenants.py": use}
    found = tree(tmp_path, files)
    assert found["net.py"][1] == SESSION
    assert any(
        "sends a key of its own" in reason
        for reason in [r for _, r in all_sites(found)]
    )


def test_a_session_whose_requests_send_no_key_still_gets_the_header(tmp_path):
    files = {
        "one.py": SESSION + "def deals():\n    return hubspot.get(BASE + "
        "'/crm/v3/objects/deals', params={'limit': 10})\n"
    }
    found = tree(tmp_path, files)
    assert_all_migrated(found)
    assert "hubspot.headers['Authorization']" in found["one.py"][1].replace('"', "'")


# -- P14: a reason never quotes a credential ----------------------------------

HARD_CODED = "5f3c9e2a-1d4b-4c8e-9a7f-2b6d8e0c1a3f"
PASSWORD = "pw-8d1e4b7a9c2f"
QUOTING_SHAPES = {
    "hook, ** with a key": (
        "import os\nimport requests\nhubspot = requests.Session()\n"
        "hubspot.params = {'hapikey': os.environ['HUBSPOT_API_KEY']}\n"
        "def company(cid):\n    return hubspot.get("
        "'https://api.hubapi.com/companies/v2/companies/%s' % cid).json()\n"
        "def logo(url):\n    return hubspot.get(url, **{'params': {'hapikey': '"
        + HARD_CODED
        + "'}}).content\n"
    ),
    "hook, ** with a password": (
        "import os\nimport requests\nhubspot = requests.Session()\n"
        "hubspot.params = {'hapikey': os.environ['HUBSPOT_API_KEY']}\n"
        "def company(cid):\n    return hubspot.get("
        "'https://api.hubapi.com/companies/v2/companies/%s' % cid).json()\n"
        "def logo(url):\n    return hubspot.get(url, **{'auth': ('svc', '"
        + PASSWORD
        + "')}).content\n"
    ),
    "a caller's ** headers": (
        "import os\nimport requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "def get(path, **kw):\n    return requests.get('https://api.hubapi.com' + "
        "path, params={'hapikey': KEY}, **kw)\n"
        "def owners():\n    return get('/crm/v3/owners', **{'headers': {'X-Pass': '"
        + PASSWORD
        + "'}})\n"
    ),
    "a request's own auth tuple and headers": (
        "import os, requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "def f(url):\n    return requests.get(url, auth=('svc', '"
        + PASSWORD
        + "'), params={'hapikey': KEY})\n"
        "def g():\n    return requests.get('https://api.hubapi.com/crm/v3/owners', "
        "headers={'X-Api-Key': '" + PASSWORD + "'}, params={'hapikey': KEY})\n"
    ),
    "a hard-coded fallback, a session's auth": (
        "import os, requests\nKEY = os.environ.get('HUBSPOT_API_KEY', '"
        + HARD_CODED
        + "')\ns = requests.Session()\ns.auth = ('user', '"
        + PASSWORD
        + "')\ns.params = {'hapikey': KEY}\n"
        "def g():\n    return s.get('https://api.hubapi.com/crm/v3/owners')\n"
    ),
    "hard-coded keys sent where they are not followed": (
        "import requests\nTABLE = {'a': '"
        + HARD_CODED
        + "'}\ndef f(url):\n    return requests.get(url, params={'hapikey': '"
        + HARD_CODED
        + "'})\ndef h(session):\n    return session.get("
        "'https://api.hubapi.com/crm/v3/owners?hapikey="
        + HARD_CODED
        + "')\ndef i(p):\n    return requests.get('https://api.hubapi.com/crm/v3/"
        "owners', params={'hapikey': TABLE[p]})\n"
    ),
}


def _cli(*args: str, cwd: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "hapimigrate", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return done.stdout + done.stderr


def test_no_reason_quotes_a_hard_coded_key_or_password(tmp_path):
    """Review 13 P14: "the request at line 14 passes **{"params": {"hapikey":
    "5f3c..."}}" was printed by ``diff`` and stored in the JSON report (a
    password too). The shapes where a reason would quote such code, through
    ``check``, ``diff`` (its summary on stderr: the diff itself shows the code)
    and ``report --format json``."""
    for number, text in enumerate(QUOTING_SHAPES.values()):
        (tmp_path / f"m{number}.py").write_text(text)
    diff = subprocess.run(
        [sys.executable, "-m", "hapimigrate", "diff", ".", "-j", "1"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    outputs = {
        "check": _cli("check", ".", "--format", "json", "-j", "1", cwd=tmp_path),
        "report": _cli("report", ".", "--format", "json", "-j", "1", cwd=tmp_path),
        "diff": diff.stderr,
    }
    report = json.loads(outputs["report"][outputs["report"].index("{") :])
    assert report  # the report was made (the sites are in it)
    assert "manual" in outputs["diff"]  # the reasons were printed
    for command, output in outputs.items():
        assert HARD_CODED not in output, command
        assert PASSWORD not in output, command


# -- P5 / P5b: two modules' keys of one name -------------------------------

SETTINGS = "import os\nAPI_KEY = os.environ['HUBSPOT_API_KEY']\n"
SANDBOX = (
    "import json\nwith open('sandbox.json') as _f:\n"
    "    API_KEY = json.load(_f)['hubspot_key']\n"
)
CLIENT_HEAD = "import requests\nBASE = 'https://api.hubapi.com'\n"
GET = (
    "def {f}():\n    return requests.get(BASE + '/crm/v3/objects/contacts', "
    "params={{'hapikey': {key}}})\n"
)


@pytest.mark.parametrize(
    "imports, production, sandbox",
    [
        ("import settings\nimport sandbox\n", "settings.API_KEY", "sandbox.API_KEY"),
        (
            "from settings import API_KEY\nfrom sandbox import API_KEY as SANDBOX_KEY\n",
            "API_KEY",
            "SANDBOX_KEY",
        ),
        (
            "import settings as s\nfrom sandbox import API_KEY as SANDBOX_KEY\n",
            "s.API_KEY",
            "SANDBOX_KEY",
        ),
    ],
    ids=["module attributes", "from-import as", "module alias and from-import"],
)
def test_two_modules_keys_of_one_name_are_two_keys(
    imports, production, sandbox, tmp_path
):
    """Review 13 P5/P5b: settings.API_KEY and sandbox.API_KEY (a sandbox
    portal's key read from a file) both became the production token."""
    files = {
        "settings.py": SETTINGS,
        "sandbox.py": SANDBOX,
        "client.py": CLIENT_HEAD
        + imports
        + GET.format(f="contacts", key=production)
        + GET.format(f="sandbox_contacts", key=sandbox),
    }
    assert_left(tree(tmp_path, files), files, "several keys")


def test_two_modules_keys_of_one_name_in_two_modules(tmp_path):
    files = {
        "settings.py": SETTINGS,
        "sandbox.py": SANDBOX,
        "client.py": CLIENT_HEAD
        + "import settings\n"
        + GET.format(f="contacts", key="settings.API_KEY"),
        "sbx.py": CLIENT_HEAD
        + "from sandbox import API_KEY\n"
        + GET.format(f="sandbox_contacts", key="API_KEY"),
    }
    found = tree(tmp_path, files)
    assert all(s is Status.MANUAL for s, _ in found["sbx.py"][0])
    assert found["sbx.py"][1] == files["sbx.py"]


def test_an_alias_of_a_modules_own_key_is_not_another_modules(tmp_path):
    """Review 13's 102: sandbox.py's ``HAPIKEY = API_KEY`` (its own key, from a
    file) was taken for settings.py's environment key of that name, and the
    line deleted."""
    from hapimigrate import tree_imports

    files = {
        "settings.py": SETTINGS,
        "sandbox.py": SANDBOX + "HAPIKEY = API_KEY\n",
        "client.py": CLIENT_HEAD
        + "import settings\nimport sandbox\n"
        + GET.format(f="contacts", key="settings.API_KEY")
        + GET.format(f="sandbox_contacts", key="sandbox.HAPIKEY"),
    }
    assert_left(tree(tmp_path, files), files, "several keys")
    paths = [str(tmp_path / name) for name in files]
    assert "HAPIKEY" not in tree_imports.env_aliases(paths)


def test_one_key_spelled_two_ways_still_migrates(tmp_path):
    files = {
        "settings.py": SETTINGS,
        "client.py": CLIENT_HEAD
        + "import settings\nfrom settings import API_KEY\nHAPIKEY = API_KEY\n"
        + GET.format(f="contacts", key="settings.API_KEY")
        + GET.format(f="deals", key="API_KEY"),
    }
    found = tree(tmp_path, files)
    assert not any(
        s is Status.MANUAL for s, r in found["client.py"][0] if "several" in r
    )
    assert "Bearer" in found["client.py"][1]


# -- P12: a key function picking a key by its argument ------------------------

PICKER = (
    "import json, os\nimport requests\n"
    "TENANT_KEYS = json.loads(os.environ.get('TENANT_KEYS', '{}'))\n"
    "PORTAL = os.environ.get('PORTAL')\n"
)
PICKS = {
    "a table by its parameter": (
        "def api_key(portal=None):\n    if portal is not None:\n"
        "        return TENANT_KEYS[portal]\n"
        "    return os.environ['HUBSPOT_API_KEY']\n"
    ),
    "a table's get": (
        "def api_key(portal=None):\n"
        "    return TENANT_KEYS.get(portal) or os.environ['HUBSPOT_API_KEY']\n"
    ),
    "an environment variable named by it": (
        "def api_key(portal=None):\n"
        "    return os.environ['HUBSPOT_KEY_' + portal.upper()]\n"
    ),
}
OWNERS = (
    "def owners():\n    return requests.get('https://api.hubapi.com/crm/v3/owners',"
    " params={'hapikey': api_key(PORTAL)})\n"
)


@pytest.mark.parametrize("picker", PICKS.values(), ids=PICKS)
def test_a_key_function_picking_by_a_configured_argument_is_left(picker, tmp_path):
    """Review 13 P12: ``api_key(PORTAL)`` returning ``TENANT_KEYS[portal]`` was
    taken for the configured key: acme's calls went to our portal."""
    files = {"one.py": PICKER + picker + OWNERS}
    assert_left(tree(tmp_path, files), files, "picks a key by its argument portal")


@pytest.mark.parametrize("use", ["import settings\n", "from settings import api_key\n"])
def test_another_modules_key_function_picking_by_its_argument_is_left(use, tmp_path):
    files = {
        "settings.py": PICKER + PICKS["a table by its parameter"],
        "one.py": "import os\nimport requests\n"
        + use
        + "PORTAL = os.environ.get('PORTAL')\n"
        + OWNERS.replace(
            "api_key(PORTAL)",
            (
                "settings.api_key(PORTAL)"
                if use.startswith("import")
                else "api_key(PORTAL)"
            ),
        ),
    }
    found = tree(tmp_path, files)
    assert found["one.py"][1] == files["one.py"]
    assert any("picks a key" in r for s, r in found["one.py"][0] if s is Status.MANUAL)


def test_a_key_function_returning_its_argument_or_the_key_still_migrates(tmp_path):
    """Its neighbour: a function handing back the configured key (called with
    no argument) is that key."""
    files = {
        "one.py": PICKER
        + PICKS["a table by its parameter"]
        + OWNERS.replace("api_key(PORTAL)", "api_key()")
    }
    found = tree(tmp_path, files)
    assert not any("picks a key" in r for _, r in all_sites(found))


# -- P13 / P13b: a key statement on its compound statement's line ------------


@pytest.mark.parametrize(
    "setup, call",
    [
        (
            "hubspot = requests.Session()\nif KEY: hubspot.params = {'hapikey': KEY}\n"
            "def go():\n    return hubspot.get('https://api.hubapi.com/crm/v3/owners')\n",
            "go()",
        ),
        (
            "def go():\n    s = requests.Session()\n"
            "    if KEY: s.params['hapikey'] = KEY\n"
            "    return s.get('https://api.hubapi.com/crm/v3/owners')\n",
            "go()",
        ),
        (
            "def go():\n    s = requests.Session()\n    with s: s.headers['Accept'] = "
            "'application/json'; s.params = {'hapikey': KEY}\n"
            "    return s.get('https://api.hubapi.com/crm/v3/owners')\n",
            "go()",
        ),
        (
            "hubspot = requests.Session()\nif KEY: hubspot.params = {'hapikey': KEY}; "
            "hubspot.headers['X-Mode'] = 'key'\n"
            "def go():\n    return hubspot.get('https://api.hubapi.com/crm/v3/owners')\n",
            "go()",
        ),
    ],
    ids=["if: session params", "if: params item", "with: a; b", "if: a; b"],
)
def test_a_key_statement_on_its_compound_statements_line(
    setup, call, tmp_path, monkeypatch
):
    """Review 13 P13: ``if KEY: hubspot.params = {"hapikey": KEY}`` lost the
    key and got no header (every request 401), yet counted as migrated; P13b:
    ``with s: ...; s.params = {...}`` the same. Migrated now, each request
    carries the token and not the key."""
    head = "import os\nimport requests\nKEY = os.environ.get('HUBSPOT_API_KEY')\n"
    files = {"one.py": head + setup}
    found = tree(tmp_path, files)
    text = found["one.py"][1]
    if text == files["one.py"]:  # left: every site says why
        assert all(s is Status.MANUAL for s, _ in found["one.py"][0])
        return
    env = {"HUBSPOT_API_KEY": "key-main", "HUBSPOT_ACCESS_TOKEN": "tok-main"}
    sent = run_module(text, call, monkeypatch, env)
    ((url, authorization),) = sent.requests
    assert "hapikey" not in url and authorization == "Bearer tok-main", (url, text)


def test_a_conditional_params_item_on_one_line_is_not_kept_beside_the_token(
    tmp_path, monkeypatch
):
    """P13b: ``if KEY: params["hapikey"] = KEY`` stayed while the request got the
    header: the key went beside the token."""
    files = {
        "one.py": "import os\nimport requests\nKEY = os.environ.get('HUBSPOT_API_KEY')\n"
        "def owners():\n    params = {'limit': 5}\n"
        "    if KEY: params['hapikey'] = KEY\n"
        "    return requests.get('https://api.hubapi.com/crm/v3/owners', params=params)\n"
    }
    found = tree(tmp_path, files)
    text = found["one.py"][1]
    if text == files["one.py"]:
        assert all(s is Status.MANUAL for s, _ in found["one.py"][0])
        return
    env = {"HUBSPOT_API_KEY": "key-main", "HUBSPOT_ACCESS_TOKEN": "tok-main"}
    ((url, _),) = run_module(text, "owners()", monkeypatch, env).requests
    assert "hapikey" not in url


# -- P7: a migrated client class reached through an instance's class ----------

CLIENTS = (
    "import os\nimport requests\nclass Client:\n"
    "    def __init__(self, key, base='https://api.hubapi.com'):\n"
    "        self.key = key\n        self.base = base\n"
    "    def owners(self):\n        return requests.get(self.base + '/crm/v3/owners',"
    " params={'hapikey': self.key}).status_code\n"
    "client = Client(os.environ['HUBSPOT_API_KEY'])\n"
)


@pytest.mark.parametrize(
    "made",
    [
        "type(client)(tenant_key)",
        "client.__class__(tenant_key, 'https://hubspot-mirror.example.com')",
        "type(client).__new__(type(client))",
    ],
)
def test_a_client_class_reached_through_an_instance_is_left(made, tmp_path):
    """Review 13 P7: ``type(client)(tenant_key)`` sent the tenant's key as a
    Bearer token (401), ``client.__class__(t, MIRROR)`` the mirror host the
    caller gives was never looked at."""
    files = {
        "clients.py": CLIENTS,
        "other.py": "from clients import client\n"
        f"def for_tenant(tenant_key):\n    return {made}\n",
    }
    assert_left(tree(tmp_path, files), files, "the class of an object")


def test_an_instance_set_up_again_is_left(tmp_path):
    files = {
        "clients.py": CLIENTS,
        "other.py": "import copy\nfrom clients import client\n"
        "def for_tenant(tenant_key):\n    c = copy.copy(client)\n"
        "    c.__init__(tenant_key)\n    return c.owners()\n",
    }
    found = tree(tmp_path, files)
    assert found["clients.py"][1] == CLIENTS
    assert all(s is Status.MANUAL for s, _ in found["clients.py"][0])


def test_a_client_used_through_its_instance_only_still_migrates(tmp_path):
    files = {
        "clients.py": CLIENTS,
        "other.py": "from clients import client\n"
        "def owners():\n    return client.owners()\n",
    }
    found = tree(tmp_path, files)
    assert "Bearer" in found["clients.py"][1]


def test_two_modules_names_of_two_environment_variables_are_two_keys(tmp_path):
    """The same name read from two variables (HUBSPOT_API_KEY and
    HUBSPOT_SANDBOX_KEY) in two settings modules: two portals' keys."""
    files = {
        "settings.py": SETTINGS,
        "sandbox.py": "import os\nAPI_KEY = os.environ['HUBSPOT_SANDBOX_KEY']\n",
        "client.py": CLIENT_HEAD
        + "import settings\nimport sandbox\n"
        + GET.format(f="contacts", key="settings.API_KEY")
        + GET.format(f="sandbox_contacts", key="sandbox.API_KEY"),
    }
    found = tree(tmp_path, files)
    assert found["client.py"][1] == files["client.py"]
    assert any("several keys" in r for _, r in found["client.py"][0])


def test_a_settings_modules_legacy_alias_is_its_key(tmp_path):
    """Its neighbour (corpus_blind3's hsync): config.HAPIKEY, a legacy name
    config.py binds to its API_KEY, is that one key beside config.API_KEY."""
    files = {
        "config.py": "import os\nAPI_KEY = os.environ.get('HUBSPOT_API_KEY', '')\n"
        "HAPIKEY = API_KEY\n",
        "client.py": CLIENT_HEAD
        + "import config\n"
        + GET.format(f="contacts", key="config.API_KEY")
        + GET.format(f="deals", key="config.HAPIKEY"),
    }
    found = tree(tmp_path, files)
    assert not any("several keys" in r for _, r in found["client.py"][0])
    assert "Bearer" in found["client.py"][1]
