"""Tokens sent to hosts written in the code that are not HubSpot's (review 10).

* F10: a literal host not closed by "/" before the path
  (``"https://hubspot-proxy.example.com" + path``, ``f"https://cache.example.com{path}"``,
  ``"https://proxy.example.com%s" % path``, ``"https://{}{}".format(HOST, path)``,
  ``"https://" + HOST + path``) was read as a host known only at run time, and the
  request migrated: the token went to the proxy. A written start of a host that no
  HubSpot API host begins with is another host, whatever follows it; the request
  stays, and so do the other modules' uses of a carrier it sends.
* F20: ``urljoin(BASE, path)`` was read as BASE's host, but an absolute second
  argument replaces it: a caller passing ``https://status.example.com/...`` got the
  token there. urljoin's host is its second argument's when that may be absolute,
  so the callers' values are checked as for ``f"https://{host}{path}"``.

* Around them: a session's, client's or class's requests must reach HubSpot's API
  hosts (``status.hubspot.com`` is a third party's page), and a client's request
  whose URL may be absolute (a caller's value) is not under its base URL.

Each shape is one small module; those left manual keep their text and name the
host; the HubSpot shapes next to them are still migrated.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hapimigrate import providers, run
from hapimigrate.hubspot.urls import host
from hapimigrate.model import RunOptions, Status
from tests.behaviour.compare import OK, WRONG
from tests.behaviour.harness import Settings, run_project
from tests.conftest import migrate

HEAD = "import os\nimport requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
BEARER = "Bearer "
OPTIONS = RunOptions(provider=providers.resolve("env:HUBSPOT_ACCESS_TOKEN"))


def key_sites(result):
    return [s for s in result.sites if s.kind.value not in ("call", "version")]


def left(source: str) -> list[str]:
    """The module is unchanged; the reasons of its (manual) key sites."""
    result = migrate(source)
    assert result.error is None, result.error
    assert result.new is None or result.new.decode() == source
    sites = key_sites(result)
    assert sites and all(s.status == Status.MANUAL for s in sites), sites
    return [s.reason for s in sites]


def migrated(source: str) -> str:
    result = migrate(source)
    assert result.error is None, result.error
    assert [s.status for s in key_sites(result)] == [Status.REWRITE]
    text = result.new.decode()
    assert "hapikey" not in text and BEARER in text
    return text


# -- the host of a template ------------------------------------------------------


@pytest.mark.parametrize(
    "template,expected",
    [
        # a written host start that no HubSpot API host begins with: another host
        ("https://hubspot-proxy.example.com{path}", "hubspot-proxy.example.com"),
        ("https://cache.corp.example.com{}", "cache.corp.example.com"),
        ("https://API.hubapi.com.evil{x}", "api.hubapi.com.evil"),
        ("http://proxy{shard}.example.com{path}", "proxy{shard}.example.com"),
        ("https://mirror{n}", "mirror{n}"),
        # closed by "/", a port, or whole: as written
        ("https://cache.corp.example.com/{path}", "cache.corp.example.com"),
        ("https://proxy.example.com:8443{path}", "proxy.example.com"),
        ("https://api.hubapi.com/crm/v3/{x}", "api.hubapi.com"),
        ("https://{user}@api.hubapi.com/x", "api.hubapi.com"),
        # what follows may make it one of HubSpot's API hosts: known at run time
        ("https://api.hubapi.com{path}", None),
        ("https://api-eu1.hubapi.com{path}", None),
        ("https://api.hubspot.com{path}", None),
        ("https://api{suffix}.hubapi.com/x", None),
        ("https://api-{region}.hubapi.com/x", None),
        ("https://forms.hs{tld}", None),
        ("https://a{rest}", None),
        ("https://{host}{path}", None),
        ("{base}/x", None),
        ("/contacts/v1/contact", None),
    ],
)
def test_the_host_a_template_names(template, expected):
    assert host(template) == expected


# -- F10: a literal host the path follows directly ----------------------------


OTHER_HOST_SHAPES = {
    "constant + path": (
        "BASE = 'https://hubspot-proxy.example.com'\n"
        "def get(path):\n    return requests.get(BASE + path, params={'hapikey': KEY})\n",
        "hubspot-proxy.example.com",
    ),
    "literal + path": (
        "def get(path):\n    return requests.get('https://cache.corp.example.com' + path,"
        " params={'hapikey': KEY})\n",
        "cache.corp.example.com",
    ),
    "f-string": (
        "def get(path):\n    return requests.get(f'https://cache.corp.example.com{path}',"
        " params={'hapikey': KEY})\n",
        "cache.corp.example.com",
    ),
    "percent": (
        "def get(path):\n    return requests.get('https://proxy.example.com%s' % path,"
        " params={'hapikey': KEY})\n",
        "proxy.example.com",
    ),
    "format of a host constant": (
        "HOST = 'hubspot-proxy.corp.example.com'\n"
        "def get(path):\n    return requests.get('https://{}{}'.format(HOST, path),"
        " params={'hapikey': KEY})\n",
        "hubspot-proxy.corp.example.com",
    ),
    "scheme + host constant + path": (
        "HOST = 'hubspot-proxy.corp.example.com'\n"
        "def get(path):\n    return requests.get('https://' + HOST + path,"
        " params={'hapikey': KEY})\n",
        "hubspot-proxy.corp.example.com",
    ),
    "percent of a host constant": (
        "HOST = 'hubspot-proxy.corp.example.com'\n"
        "def get(path):\n    return requests.get('https://%s%s' % (HOST, path),"
        " params={'hapikey': KEY})\n",
        "hubspot-proxy.corp.example.com",
    ),
    "named format fields": (
        "HOST = 'hubspot-proxy.corp.example.com'\n"
        "def get(path):\n    return requests.get('https://{host}{path}'.format("
        "host=HOST, path=path), params={'hapikey': KEY})\n",
        "hubspot-proxy.corp.example.com",
    ),
    "str.join": (
        "def get(path):\n    return requests.get(''.join(['https://proxy.example.com',"
        " path]), params={'hapikey': KEY})\n",
        "proxy.example.com",
    ),
    "key in the query": (
        "BASE = 'https://hubspot-proxy.example.com'\n"
        "def get(path):\n    return requests.get(BASE + path + '?hapikey=' + KEY)\n",
        "hubspot-proxy.example.com",
    ),
    "url built in a variable": (
        "BASE = 'https://hubspot-proxy.example.com'\n"
        "def get(path):\n    url = BASE + path\n    url += '?limit=10'\n"
        "    return requests.get(url, params={'hapikey': KEY})\n",
        "hubspot-proxy.example.com",
    ),
    "a shard of the proxy": (
        "def get(shard, path):\n"
        "    return requests.get(f'https://proxy{shard}.example.com{path}',"
        " params={'hapikey': KEY})\n",
        "proxy{shard}.example.com",
    ),
    "a class attribute": (
        "class Client:\n    base_url = 'https://hubspot-proxy.example.com'\n"
        "    def get(self, path):\n"
        "        return requests.get(self.base_url + path, params={'hapikey': KEY})\n",
        "hubspot-proxy.example.com",
    ),
    "a default argument": (
        "def get(path, base='https://hubspot-proxy.example.com'):\n"
        "    return requests.get(base + path, params={'hapikey': KEY})\n"
        "def owners():\n    return get('/owners/v2/owners')\n",
        "other callers' URLs",
    ),
    "an httpx client's base URL": (
        "import httpx\nclient = httpx.Client(base_url='https://hubspot-proxy.example.com',"
        " params={'hapikey': KEY})\n"
        "def owners():\n    return client.get('/owners/v2/owners')\n",
        "hubspot-proxy.example.com",
    ),
    "a session's params": (
        "session = requests.Session()\nsession.params = {'hapikey': KEY}\n"
        "def get(path):\n    return session.get('https://hubspot-proxy.example.com' + path)\n"
        "def owners():\n    return session.get('https://api.hubapi.com/owners/v2/owners')\n",
        "hubspot-proxy.example.com",
    ),
}


@pytest.mark.parametrize(
    "source,where", OTHER_HOST_SHAPES.values(), ids=OTHER_HOST_SHAPES.keys()
)
def test_a_written_host_a_path_follows_is_another_host(source, where):
    reasons = left(HEAD + source)
    assert any(where in r for r in reasons), reasons


HUBSPOT_SHAPES = {
    "constant + path": (
        "BASE = 'https://api.hubapi.com'\n"
        "def get(path):\n    return requests.get(BASE + path, params={'hapikey': KEY})\n"
    ),
    "f-string": (
        "def get(path):\n    return requests.get(f'https://api.hubapi.com{path}',"
        " params={'hapikey': KEY})\n"
    ),
    "percent": (
        "def get(path):\n    return requests.get('https://api.hubapi.com%s' % path,"
        " params={'hapikey': KEY})\n"
    ),
    "a suffix known at run time": (
        "SUFFIX = os.environ.get('HUBSPOT_SUFFIX', '')\n"
        "def get(path):\n    return requests.get(f'https://api{SUFFIX}.hubapi.com{path}',"
        " params={'hapikey': KEY})\n"
    ),
    "str.join": (
        "BASE = 'https://api.hubapi.com'\n"
        "def get(vid):\n    return requests.get('/'.join([BASE, 'contacts/v1/contact/vid',"
        " str(vid), 'profile']), params={'hapikey': KEY})\n"
    ),
    "key in the query": (
        "BASE = 'https://api.hubapi.com'\n"
        "def get(path):\n    return requests.get(BASE + path + '?hapikey=' + KEY)\n"
    ),
}


@pytest.mark.parametrize("source", HUBSPOT_SHAPES.values(), ids=HUBSPOT_SHAPES.keys())
def test_hubspots_host_a_path_follows_is_still_migrated(source):
    migrated(HEAD + source)


# -- F10, tree form: another module sends a carrier to such a host ------------


CONSTANTS = "import os\nDEFAULT_PARAMS = {'hapikey': os.environ['HUBSPOT_API_KEY']}\n"
CONTACTS = (
    "import requests\nfrom crm.constants import DEFAULT_PARAMS\n"
    "def all_contacts():\n    return requests.get("
    "'https://api.hubapi.com/contacts/v1/lists/all/contacts/all', params=DEFAULT_PARAMS)\n"
)
MIRROR = (
    "import requests\nfrom crm.constants import DEFAULT_PARAMS\n"
    "def mirror(path):\n    return requests.get("
    "'https://hubspot-cache.corp.example.com' + path, params=DEFAULT_PARAMS)\n"
)


def migrate_tree(
    root: Path, files: dict[str, str]
) -> dict[str, tuple[list, str, list]]:
    """{name: (statuses of its key sites, text after, reasons)}."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    paths = sorted(str(root / name) for name in files)
    out = {}
    for result in run.results(paths, OPTIONS, jobs=1):
        assert result.error is None, result.error
        name = Path(result.path).relative_to(root).as_posix()
        sites = key_sites(result)
        text = result.new.decode() if result.changed else files[name]
        out[name] = ([s.status for s in sites], text, [s.reason for s in sites])
    return out


def test_a_carrier_another_module_sends_to_a_proxy_stays_everywhere(tmp_path):
    files = {
        "crm/__init__.py": "",
        "crm/constants.py": CONSTANTS,
        "crm/contacts.py": CONTACTS,
        "crm/mirror.py": MIRROR,
    }
    out = migrate_tree(tmp_path, files)
    for name in ("crm/constants.py", "crm/contacts.py", "crm/mirror.py"):
        statuses, text, reasons = out[name]
        assert text == files[name]
        assert statuses == [Status.MANUAL]
        assert "hubspot-cache.corp.example.com" in reasons[0]


def test_a_carrier_sent_to_hubspot_only_still_moves(tmp_path):
    mirror = MIRROR.replace(
        "https://hubspot-cache.corp.example.com", "https://api.hubapi.com"
    )
    files = {
        "crm/__init__.py": "",
        "crm/constants.py": CONSTANTS,
        "crm/contacts.py": CONTACTS,
        "crm/mirror.py": mirror,
    }
    out = migrate_tree(tmp_path, files)
    assert "hapikey" not in out["crm/constants.py"][1]
    for name in ("crm/contacts.py", "crm/mirror.py"):
        assert out[name][0] == [Status.REWRITE]
        assert BEARER in out[name][1]


def test_a_proxy_base_imported_with_the_carrier_is_another_host(tmp_path):
    """The base comes from the carrier's module too: its literal is read there."""
    constants = CONSTANTS + "PROXY = 'https://hubspot-proxy.example.com'\n"
    mirror = (
        "import requests\nfrom crm.constants import DEFAULT_PARAMS, PROXY\n"
        "def mirror(path):\n    return requests.get(PROXY + path, params=DEFAULT_PARAMS)\n"
    )
    files = {
        "crm/__init__.py": "",
        "crm/constants.py": constants,
        "crm/contacts.py": CONTACTS,
        "crm/mirror.py": mirror,
    }
    out = migrate_tree(tmp_path, files)
    for name in ("crm/constants.py", "crm/contacts.py", "crm/mirror.py"):
        statuses, text, reasons = out[name]
        assert text == files[name]
        assert statuses == [Status.MANUAL]
        assert "hubspot-proxy.example.com" in reasons[0]


# -- F20: urljoin(BASE, path) -----------------------------------------------------


JOIN = HEAD + "from urllib.parse import urljoin\nBASE = 'https://api.hubapi.com/'\n"
HELPER = "def get(path):\n    return requests.get(urljoin(BASE, path), params={'hapikey': KEY})\n"
OWNERS = "def owners():\n    return get('/owners/v2/owners')\n"
STATUS = (
    "def status():\n    return get('https://status.example.com/api/v2/status.json')\n"
)

JOIN_ELSEWHERE = {
    "a caller's absolute URL": (JOIN + HELPER + OWNERS + STATUS, "other callers' URLs"),
    "through a local variable": (
        JOIN
        + "def get(path):\n    url = urljoin(BASE, path)\n"
        + "    return requests.get(url, params={'hapikey': KEY})\n"
        + OWNERS
        + STATUS,
        "other callers' URLs",
    ),
    "a scheme-relative caller": (
        JOIN
        + HELPER
        + OWNERS
        + "def cdn():\n    return get('//cdn.example.com/x.json')\n",
        "other callers' URLs",
    ),
    "an absolute literal": (
        JOIN
        + "def status():\n    return requests.get(urljoin(BASE, "
        + "'https://status.example.com/api'), params={'hapikey': KEY})\n",
        "sends to status.example.com",
    ),
    "a scheme-relative literal": (
        JOIN
        + "def status():\n    return requests.get(urljoin(BASE, "
        + "'//status.example.com/api'), params={'hapikey': KEY})\n",
        "sends to status.example.com",
    ),
    "imported under another name": (
        (JOIN + HELPER + OWNERS + STATUS)
        .replace(
            "from urllib.parse import urljoin",
            "from urllib.parse import urljoin as join",
        )
        .replace("urljoin(BASE", "join(BASE"),
        "other callers' URLs",
    ),
    "through the module": (
        (JOIN + HELPER + OWNERS + STATUS)
        .replace("from urllib.parse import urljoin", "import urllib.parse")
        .replace("urljoin(BASE", "urllib.parse.urljoin(BASE"),
        "other callers' URLs",
    ),
    "requests.compat": (
        (JOIN + HELPER + OWNERS + STATUS).replace(
            "from urllib.parse import urljoin", "from requests.compat import urljoin"
        ),
        "other callers' URLs",
    ),
    "a session": (
        JOIN
        + "session = requests.Session()\nsession.params = {'hapikey': KEY}\n"
        + "def get(path):\n    return session.get(urljoin(BASE, path))\n"
        + OWNERS
        + STATUS,
        # the session: whatever it is given; the caller's absolute URL is read
        # through the wrapper, so the host is named
        "also sends to status.example.com",
    ),
}


@pytest.mark.parametrize(
    "source,why", JOIN_ELSEWHERE.values(), ids=JOIN_ELSEWHERE.keys()
)
def test_urljoin_with_an_absolute_url_of_another_host_stays(source, why):
    reasons = left(source)
    assert any(why in r for r in reasons), reasons


JOIN_HUBSPOT = {
    "relative callers": JOIN
    + HELPER
    + OWNERS
    + "def deals():\n    return get('deals/v1/deal/paged')\n",
    "a HubSpot caller's absolute URL": JOIN
    + HELPER
    + "def owners():\n    return get('https://api.hubapi.com/owners/v2/owners')\n",
    "through a local variable": JOIN
    + "def get(path):\n    url = urljoin(BASE, path)\n"
    + "    return requests.get(url, params={'hapikey': KEY})\n"
    + OWNERS,
    "a literal path": JOIN
    + "def owners():\n    return requests.get(urljoin(BASE, '/owners/v2/owners'),"
    + " params={'hapikey': KEY})\n",
}


@pytest.mark.parametrize("source", JOIN_HUBSPOT.values(), ids=JOIN_HUBSPOT.keys())
def test_urljoin_to_hubspot_only_is_migrated(source):
    migrated(source)


# -- what the programs send, run before and after --------------------------------


SCENARIO_MIRROR = '''"""DEFAULT_PARAMS of a constants module, sent by another module to a proxy."""
ENV = {"HUBSPOT_API_KEY": "key-main"}


def case_mirror(credential):
    from crm import contacts, mirror

    contacts.all_contacts()
    mirror.mirror("/contacts/v1/lists/all/contacts/all")
'''

SCENARIO_JOIN = '''"""urljoin(BASE, path): one caller hands in a status page's absolute URL."""
ENV = {"HUBSPOT_API_KEY": "key-main"}


def case_status(credential):
    import one

    one.owners()
    one.status()
'''


@pytest.mark.parametrize(
    "files,scenario,manual",
    [
        (
            {
                "crm/__init__.py": "",
                "crm/constants.py": CONSTANTS,
                "crm/contacts.py": CONTACTS,
                "crm/mirror.py": MIRROR,
            },
            SCENARIO_MIRROR,
            3,
        ),
        ({"one.py": JOIN + HELPER + OWNERS + STATUS}, SCENARIO_JOIN, 1),
    ],
    ids=["proxy", "urljoin"],
)
def test_no_token_reaches_the_other_host_when_run(tmp_path, files, scenario, manual):
    """The projects run before and after ``apply`` with recording fakes: no
    request gets the token where it did not go to HubSpot, none loses its key."""
    for name, text in files.items():
        path = tmp_path / "src" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    (tmp_path / "scenario.py").write_text(scenario)
    result = run_project(tmp_path, Settings())
    assert not result.errors, result.errors
    assert result.verdicts
    assert [v.label for v in result.verdicts if v.kind == WRONG] == []
    assert any(v.kind == OK for v in result.verdicts)
    assert result.counts.manual == manual


@pytest.mark.parametrize(
    "url",
    [
        "urljoin(BASE, 'owners/v2/owners')",
        "'/'.join([BASE.rstrip('/'), 'owners/v2/owners'])",
        "'/'.join((BASE_NO_SLASH, 'owners', 'v2', 'owners'))",
    ],
)
def test_a_joined_hubspot_url_names_its_endpoint(url):
    """The joined URL is HubSpot's: the site calls its endpoint (for the scopes
    and the lifecycle)."""
    result = migrate(
        JOIN
        + "BASE_NO_SLASH = 'https://api.hubapi.com'\n"
        + f"def owners():\n    return requests.get({url}, params={{'hapikey': KEY}})\n"
    )
    calls = [c for s in key_sites(result) for c in s.calls]
    assert [(c.method, c.path) for c in calls] == [("GET", "/owners/v2/owners")]


# -- a session's or client's requests: HubSpot's API hosts only -------------------


STATUS_PAGE = {
    # status.hubspot.com is a third party's status page, not HubSpot's API
    "an httpx client": (
        "import httpx\nclient = httpx.Client(params={'hapikey': KEY})\n"
        "def run():\n    client.get('https://api.hubapi.com/owners/v2/owners')\n"
        "    return client.get('https://status.hubspot.com/api/v2/status.json')\n"
    ),
    "a client's base URL": (
        "import httpx\nclient = httpx.Client(base_url='https://status.hubspot.com',"
        " params={'hapikey': KEY})\n"
        "def run():\n    return client.get('/api/v2/status.json')\n"
    ),
    "a class's base URL": (
        "class Api:\n    base_url = 'https://status.hubspot.com'\n"
        "    def get(self, path):\n"
        "        return requests.get(self.base_url + path, params={'hapikey': KEY})\n"
    ),
    "a session": (
        "session = requests.Session()\nsession.params = {'hapikey': KEY}\n"
        "def run():\n    session.get('https://api.hubapi.com/owners/v2/owners')\n"
        "    return session.get('https://status.hubspot.com/api/v2/status.json')\n"
    ),
}


@pytest.mark.parametrize("source", STATUS_PAGE.values(), ids=STATUS_PAGE.keys())
def test_a_session_to_a_hubspot_name_that_takes_no_token_stays(source):
    reasons = left(HEAD + source)
    assert any("status.hubspot.com" in r for r in reasons), reasons


@pytest.mark.parametrize(
    "source",
    [
        "import httpx\nclient = httpx.Client(base_url='https://api.hubapi.com',"
        " params={'hapikey': KEY})\n"
        "def run():\n    return client.get('/owners/v2/owners')\n",
        "session = requests.Session()\nsession.params = {'hapikey': KEY}\n"
        "def run():\n    return session.get('https://api.hubapi.com/owners/v2/owners')\n",
    ],
    ids=["client", "session"],
)
def test_a_session_to_hubspots_api_is_still_migrated(source):
    result = migrate(HEAD + source)
    assert result.error is None, result.error
    assert [s.status for s in key_sites(result)] == [Status.REWRITE]
    assert "hapikey" not in result.new.decode()


CLIENT = (
    "import httpx\nclient = httpx.Client(base_url='https://api.hubapi.com',"
    " params={'hapikey': KEY})\n"
)


def test_a_client_given_a_callers_url_that_may_be_absolute_stays():
    """httpx keeps an absolute URL over the client's base URL (as urljoin does):
    a caller's status page would get the token."""
    reasons = left(
        HEAD
        + CLIENT
        + "def get(path):\n    return client.get(path)\n"
        + "def owners():\n    return get('/owners/v2/owners')\n"
        + "def status():\n    return get('https://status.example.com/api/v2/status.json')\n"
    )
    # the caller's absolute URL is read through the wrapper: the host is named
    assert any("line 7 also sends to status.example.com" in r for r in reasons), reasons


@pytest.mark.parametrize("path", ["/owners/v2/owners", "owners/v2/owners"])
def test_a_clients_relative_path_under_its_hubspot_base_is_migrated(path):
    result = migrate(
        HEAD + CLIENT + f"def owners():\n    return client.get('{path}')\n"
    )
    assert [s.status for s in key_sites(result)] == [Status.REWRITE]
    assert "hapikey" not in result.new.decode()


@pytest.mark.parametrize(
    "url",
    [
        "https://hubapi.com/blog/v1/list.json?hapikey=%s",  # no api. in front
        "https://app.hubspot.com/contacts/v1/lists?hapikey=%s",  # the web app
    ],
)
def test_a_hubspot_domain_that_is_no_api_host_is_named_as_such(url):
    # a real Python 2 blog migrator wrote https://hubapi.com/...: the reason said
    # the request "also sends to hubapi.com", as if that were not HubSpot at all
    source = HEAD + f"r = requests.get({url!r} % KEY)\n"
    (reason,) = left(source)
    assert "a HubSpot domain but not one of its API hosts" in reason
    assert "also sends to" not in reason


def test_another_host_keeps_its_reason():
    source = (
        HEAD + "r = requests.get('https://proxy.example.com/v1?hapikey=%s' % KEY)\n"
    )
    (reason,) = left(source)
    assert "also sends to proxy.example.com" in reason
