"""An eleventh review's findings on credentials a rewrite would lose or swap,
and the reasons a person is given for what is left:

* N8: an SDK client's ``api_key`` read through a parameter whose DEFAULT is
  the client (``def backup(client=client)``), or that the module's calls give
  the client (``_send(client)``, ``functools.partial(_send, client)``,
  ``lambda c=client: ...``): the client given ``access_token`` reads None
  there, and the backup lost the key. The client stays, the read named; a
  parameter given something else is not the client.
* N2, one module: ``hs_params(**extra)`` returns ``{**DEFAULT, **extra}`` and
  ``tenant(key)`` passes ``hs_params(hapikey=key)``: that site was reported
  manual, yet its request got the provider's header beside the tenant's key.
  A request that also carries a key a caller hands a helper (``hapikey=``,
  ``**{"hapikey": key}``, into a helper that returns the params or sends them
  itself) stays as it is, and so does the configured key reaching it.
* Reasons: a carrier another module's use stopped names that use (file:line)
  and its reason, not "another module's use of it changed again".
"""

from __future__ import annotations

import subprocess
import sys
import types

import pytest

from hapimigrate.model import Status
from tests.trees import key_sites, left_alone, migrated, tree


def stdin(text: str) -> subprocess.CompletedProcess:
    """``hapimigrate diff -``: one module alone, no tree to look at."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "hapimigrate",
            "diff",
            "-",
            "--stdin-filename",
            "one.py",
        ],
        input=text,
        capture_output=True,
        text=True,
        check=False,
    )


# -- N8: a parameter given the SDK client ------------------------------------

HS = """\
import os

from hubspot3 import Hubspot3

client = Hubspot3(api_key=os.environ["HUBSPOT_API_KEY"])
"""

# (imports, the code reading the client's api_key through a parameter)
GIVEN = {
    "default named like it": (
        "from crm.hs import client",
        "def backup(client=client):\n    return client.api_key\n",
    ),
    "default": (
        "from crm.hs import client",
        "def backup(c=client):\n    return c.api_key\n",
    ),
    "default through the module": (
        "from crm import hs",
        "def backup(c=hs.client):\n    return c.api_key\n",
    ),
    "keyword-only default": (
        "from crm.hs import client",
        "def backup(*, client=client):\n    return client.api_key\n",
    ),
    "lambda default": (
        "from crm.hs import client",
        "key = lambda c=client: c.api_key\n",
    ),
    "lambda default named like it": (
        "from crm.hs import client",
        "key = lambda client=client: client.api_key\n",
    ),
    "partial": (
        "import functools\nfrom crm.hs import client",
        "def _send(c):\n    return c.api_key\n\n\n"
        "backup = functools.partial(_send, client)\n",
    ),
    "partial by keyword": (
        "from functools import partial\nfrom crm.hs import client",
        "def _send(c):\n    return c.api_key\n\n\n"
        "backup = partial(_send, c=client)\n",
    ),
    "a call, named like it": (
        "from crm.hs import client",
        "def _send(client):\n    return client.api_key\n\n\n"
        "def backup():\n    return _send(client)\n",
    ),
    "a method's default": (
        "from crm.hs import client",
        "class Backup:\n    def run(self, client=client):\n"
        "        return client.api_key\n",
    ),
    "a method called on self": (
        "from crm.hs import client",
        "class Backup:\n    def send(self, c):\n        return c.api_key\n\n"
        "    def run(self):\n        return self.send(client)\n",
    ),
    "a nested function's default": (
        "from crm.hs import client",
        "def outer():\n    def backup(client=client):\n"
        "        return client.api_key\n\n    return backup()\n",
    ),
    "getattr through a default": (
        "from crm.hs import client",
        "def backup(client=client):\n    return getattr(client, 'api_key')\n",
    ),
    "handed on twice": (
        "from crm.hs import client",
        "def _send(c):\n    return c.api_key\n\n\n"
        "def backup(client=client):\n    return _send(client)\n",
    ),
    "an alias of the parameter": (
        "from crm.hs import client",
        "def backup(client=client):\n    c = client\n    return c.api_key\n",
    ),
}


@pytest.mark.parametrize("imports, reader", GIVEN.values(), ids=list(GIVEN))
def test_a_parameter_given_the_client_reads_its_key(tmp_path, imports, reader):
    export = f"{imports}\n\n\n{reader}"
    files = {"crm/__init__.py": "", "crm/hs.py": HS, "crm/export.py": export}
    out = tree(tmp_path, files)
    left_alone(out["crm/hs.py"], "export.py:", "reads client.api_key")
    assert not out["crm/export.py"].changed


@pytest.mark.parametrize("imports, reader", GIVEN.values(), ids=list(GIVEN))
def test_one_module_reading_its_client_through_a_parameter(tmp_path, imports, reader):
    """The same in the client's own module, as a tree and alone (stdin)."""
    imports = imports.replace("from crm.hs import client", "")
    reader = reader.replace("hs.client", "client")
    text = f"{HS}{imports}\n\n\n{reader}"
    left_alone(tree(tmp_path, {"one.py": text})["one.py"], "api_key")
    alone = stdin(text)
    assert alone.returncode == 0, alone.stdout + alone.stderr
    assert "manual sdk" in alone.stderr and "api_key is read" in alone.stderr


# parameters named like the client, or read like it, that are given another value
NOT_GIVEN = {
    "a parameter no call gives": "def backup(client):\n    return client.api_key\n",
    "another default": (
        "def backup(client=other.client):\n    return client.api_key\n"
    ),
    "a lambda's parameter": "key = lambda client: client.api_key\n",
    "a partial of another value": (
        "def _send(c):\n    return c.api_key\n\n\n"
        "backup = functools.partial(_send, other.client)\n"
    ),
    "a call giving another value": (
        "def _send(client):\n    return client.api_key\n\n\n"
        "def backup():\n    return _send(other.client)\n"
    ),
}


@pytest.mark.parametrize("reader", NOT_GIVEN.values(), ids=list(NOT_GIVEN))
def test_a_parameter_given_something_else_is_not_the_client(tmp_path, reader):
    export = (
        "import functools\n\nimport other\nfrom crm.hs import client\n\n\n"
        f"{reader}\n\ndef contacts():\n    return client.contacts.get_all()\n"
    )
    files = {"crm/__init__.py": "", "crm/hs.py": HS, "crm/export.py": export}
    out = tree(tmp_path, files)
    assert "access_token=" in migrated(out["crm/hs.py"])


def test_the_review_backup_keeps_its_key(tmp_path):
    """/tmp/review11/11: before, the backup posted the key; a migrated client
    would post None. The client stays as it is, the read named."""
    export = (
        "import requests\n\nfrom crm.hs import client\n\n\n"
        "def contacts():\n    return client.contacts.get_all()\n\n\n"
        "def backup(client=client):\n"
        '    requests.post("https://backup.example.com/hubspot", '
        'json={"key": client.api_key})\n'
    )
    files = {"crm/__init__.py": "", "crm/hs.py": HS, "crm/export.py": export}
    out = tree(tmp_path, files)
    left_alone(out["crm/hs.py"], "export.py:11 reads client.api_key")


# -- N2: a helper's caller hands in its own key ---------------------------------

N2_HEAD = """\
import os

import requests

DEFAULT = {"hapikey": os.environ["HUBSPOT_API_KEY"]}
URL = "https://api.hubapi.com/deals/v1/deal/paged"


"""

# the helper, then ours() and tenant(key) sending through it
HELPERS = {
    "keyword into **extra": (
        "def hs_params(**extra):\n    return {**DEFAULT, **extra}\n\n\n"
        "def ours():\n    return requests.get(URL, params=hs_params(limit=5))\n\n\n"
        "def tenant(key):\n"
        "    return requests.get(URL, params=hs_params(hapikey=key, limit=5))\n"
    ),
    "through a variable": (
        "def hs_params(**extra):\n    return {**DEFAULT, **extra}\n\n\n"
        "def ours():\n    return requests.get(URL, params=hs_params(limit=5))\n\n\n"
        "def tenant(key):\n    p = hs_params(hapikey=key, limit=5)\n"
        "    return requests.get(URL, params=p)\n"
    ),
    "a ** mapping": (
        "def hs_params(**extra):\n    return {**DEFAULT, **extra}\n\n\n"
        "def ours():\n    return requests.get(URL, params=hs_params(limit=5))\n\n\n"
        "def tenant(key):\n"
        '    return requests.get(URL, params=hs_params(**{"hapikey": key}))\n'
    ),
    "dict(DEFAULT, **extra)": (
        "def hs_params(**extra):\n    return dict(DEFAULT, **extra)\n\n\n"
        "def ours():\n    return requests.get(URL, params=hs_params(limit=5))\n\n\n"
        "def tenant(key):\n"
        "    return requests.get(URL, params=hs_params(hapikey=key, limit=5))\n"
    ),
    "update(extra)": (
        "def hs_params(**extra):\n    p = dict(DEFAULT)\n    p.update(extra)\n"
        "    return p\n\n\n"
        "def ours():\n    return requests.get(URL, params=hs_params(limit=5))\n\n\n"
        "def tenant(key):\n"
        "    return requests.get(URL, params=hs_params(hapikey=key, limit=5))\n"
    ),
    "a helper sending itself": (
        "def hs_get(**extra):\n"
        "    return requests.get(URL, params={**DEFAULT, **extra})\n\n\n"
        "def ours():\n    return hs_get(limit=5)\n\n\n"
        "def tenant(key):\n    return hs_get(hapikey=key, limit=5)\n"
    ),
    "a method": (
        "class Hub:\n    def params(self, **extra):\n"
        "        return {**DEFAULT, **extra}\n\n"
        "    def ours(self):\n"
        "        return requests.get(URL, params=self.params(limit=5))\n\n"
        "    def tenant(self, key):\n"
        "        return requests.get(URL, params=self.params(hapikey=key))\n\n\n"
        "def ours():\n    return Hub().ours()\n\n\n"
        "def tenant(key):\n    return Hub().tenant(key)\n"
    ),
    "a key parameter written over the default": (
        "def hs_params(key=None):\n    p = dict(DEFAULT)\n    if key:\n"
        '        p["hapikey"] = key\n    return p\n\n\n'
        "def ours():\n    return requests.get(URL, params=hs_params())\n\n\n"
        "def tenant(key):\n    return requests.get(URL, params=hs_params(key))\n"
    ),
}


def sent(text: str, monkeypatch) -> list[tuple]:
    """What ``ours()`` then ``tenant("key-tenant")`` send: (url, params,
    Authorization) of each request, run against a stand-in ``requests``."""
    requests_made: list[tuple] = []
    fake = types.ModuleType("requests")

    def get(url, params=None, headers=None, **_):
        auth = (headers or {}).get("Authorization")
        requests_made.append((url, dict(params or {}), auth))

    fake.get = get
    monkeypatch.setitem(sys.modules, "requests", fake)
    monkeypatch.setenv("HUBSPOT_API_KEY", "key-main")
    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", "tok-main")
    namespace: dict = {}
    exec(compile(text, "one.py", "exec"), namespace)
    namespace["ours"]()
    namespace["tenant"]("key-tenant")
    return requests_made


@pytest.mark.parametrize("helper", HELPERS.values(), ids=list(HELPERS))
def test_a_tenant_key_handed_to_a_helper_keeps_its_request(
    tmp_path, monkeypatch, helper
):
    text = N2_HEAD + helper
    result = tree(tmp_path, {"one.py": text})["one.py"]
    after = result.new.decode() if result.changed else text
    before = sent(text, monkeypatch)
    assert ("key-tenant" in str(before)) and ("tok-main" not in str(before))
    # the tenant's request is sent as before: its key, never our token
    assert sent(after, monkeypatch) == before
    left_alone(result)


def test_the_review_tenant_request_is_not_changed(tmp_path):
    """/tmp/review11/35/src/one.py: line 18 was reported manual and changed."""
    text = N2_HEAD + HELPERS["keyword into **extra"]
    result = tree(tmp_path, {"one.py": text})["one.py"]
    left_alone(result, "the request at line 18")
    reasons = {s.line: s.reason for s in key_sites(result)}
    assert reasons[18] == "the key is passed as hapikey= to hs_params()"
    # the configured key's reason names the tenant's key that holds it
    assert reasons[5].endswith(
        "the request at line 18 also sends the key passed as hapikey= to "
        "hs_params() at line 18, left for a person: it changes only when that does"
    )


def test_a_helper_no_caller_hands_a_key_still_migrates(tmp_path, monkeypatch):
    text = N2_HEAD + (
        "def hs_params(**extra):\n    return {**DEFAULT, **extra}\n\n\n"
        "def ours():\n    return requests.get(URL, params=hs_params(limit=5))\n\n\n"
        "def tenant(key):\n    return requests.get(URL, params=hs_params(limit=7))\n"
    )
    after = migrated(tree(tmp_path, {"one.py": text})["one.py"])
    assert [a for _, _, a in sent(after, monkeypatch)] == ["Bearer tok-main"] * 2
    assert "hapikey" not in str(sent(after, monkeypatch))


# -- reasons: which other module's use stopped a carrier ------------------------

CLASS_CLIENT = """\
import requests


class HubSpotCRM:
    def __init__(self, api_key, timeout=10):
        self.api_key = api_key
        self.timeout = timeout

    def owners(self):
        return requests.get(
            "https://api.hubapi.com/crm/v3/owners",
            params={"hapikey": self.api_key},
            timeout=self.timeout,
        ).json()
"""


def test_a_carrier_another_module_stops_names_that_use(tmp_path):
    """review10/73: two modules build the client with two portals' keys; the
    client was migrated, then a later pass left one use: its reason was
    "another module's use of it changed again" (which? why?)."""
    files = {
        "crm/__init__.py": "",
        "crm/client.py": CLASS_CLIENT,
        "crm/settings.py": 'import os\n\nHUBSPOT_API_KEY = os.environ["HUBSPOT_API_KEY"]\n',
        "crm/jobs.py": "from crm import settings\nfrom crm.client import HubSpotCRM\n\n\n"
        "def run():\n    return HubSpotCRM(settings.HUBSPOT_API_KEY).owners()\n",
        "crm/sandbox.py": "import os\n\nfrom crm.client import HubSpotCRM\n\n\n"
        "def run_sandbox():\n"
        '    return HubSpotCRM(os.environ["HUBSPOT_SANDBOX_KEY"]).owners()\n',
    }
    out = tree(tmp_path, files)
    for name in ("crm/client.py", "crm/jobs.py", "crm/sandbox.py"):
        left_alone(out[name], "leaves its use of it for a person: several keys")
        reasons = " ".join(s.reason for s in key_sites(out[name]))
        assert "changed again" not in reasons
        assert "jobs.py:6" in reasons or "sandbox.py:7" in reasons


# -- reasons: two credentials in one request ------------------------------------

TWO_KEYS = """\
import os

import requests

DEFAULT = {"hapikey": os.environ["HUBSPOT_API_KEY"], "limit": 5}
URL = "https://api.hubapi.com/deals/v1/deal/paged"


"""

# a request carrying the configured key and, over it, a caller's (review11/22, 14)
OVER_IT = {
    "update": (
        "def deals(api_key=None):\n    params = dict(DEFAULT)\n    if api_key:\n"
        '        params.update({"hapikey": api_key})\n'
        "    return requests.get(URL, params=params)\n",
        "api_key",
    ),
    "a ** literal": (
        "def deals(api_key):\n"
        '    return requests.get(URL, params={**DEFAULT, "hapikey": api_key})\n',
        "api_key",
    ),
    "dict(DEFAULT, hapikey=)": (
        "def deals(api_key):\n"
        "    return requests.get(URL, params=dict(DEFAULT, hapikey=api_key))\n",
        "api_key",
    ),
    "an item written over it": (
        "def deals(key):\n    p = dict(DEFAULT)\n"
        '    p["hapikey"] = key\n    return requests.get(URL, params=p)\n',
        "key",
    ),
}


@pytest.mark.parametrize("body, name", OVER_IT.values(), ids=list(OVER_IT))
def test_two_credentials_in_one_request_have_their_own_reason(tmp_path, body, name):
    """Not "also sends uses of the key left for a person": no use is left;
    the request holds two keys, and only one token could replace them."""
    result = tree(tmp_path, {"one.py": TWO_KEYS + body})["one.py"]
    left_alone(result, "sends the configured key with a caller's key")
    for site in key_sites(result):
        assert f"a caller's key ({name}) written over it" in site.reason
        assert "left for a person" not in site.reason
        assert "the request at line " in site.reason


def test_a_hard_coded_key_over_the_configured_one_is_never_printed(tmp_path):
    body = (
        "def deals():\n"
        '    return requests.get(URL, params={**DEFAULT, "hapikey": "deadbeef-1234"})\n'
    )
    result = tree(tmp_path, {"one.py": TWO_KEYS + body})["one.py"]
    assert not result.changed
    assert "deadbeef" not in " ".join(s.reason for s in result.sites)


# -- reasons: another module's write of the variable is no read ------------------

CLIENT_ENV = """\
import os

import requests


def owners():
    return requests.get(
        "https://api.hubapi.com/crm/v3/owners",
        params={"hapikey": os.environ["HUBSPOT_API_KEY"]},
    )
"""

# a test module's line, and what the leftover pass calls it
TEST_LINES = {
    'os.environ.update(HUBSPOT_API_KEY="test")': "is set here",
    'os.environ.update({"HUBSPOT_API_KEY": "test"})': "is set here",
    'subprocess.run(["x"], env={**os.environ, "HUBSPOT_API_KEY": "test"})': (
        "is set here"
    ),
    'mock.patch.dict(os.environ, {"HUBSPOT_API_KEY": "test"}).start()': ("is set here"),
    'os.environ["HUBSPOT_API_KEY"] = "test"': "is set here",
    'del os.environ["HUBSPOT_API_KEY"]': "is removed here",
    'os.environ.pop("HUBSPOT_API_KEY", None)': "is removed here",
    'monkeypatch.delenv("HUBSPOT_API_KEY")': "is removed here",
    'monkeypatch.setenv("HUBSPOT_API_KEY", "k")': "is set here",
    'assert os.environ["HUBSPOT_API_KEY"]': "is still read here",
}


@pytest.mark.parametrize("line, said", TEST_LINES.items(), ids=list(TEST_LINES))
def test_a_leftover_write_or_removal_is_not_called_a_read(tmp_path, line, said):
    conftest = (
        "import os\nimport subprocess\nfrom unittest import mock\n\n\n"
        f"def setup(monkeypatch):\n    {line}\n"
    )
    out = tree(tmp_path, {"client.py": CLIENT_ENV, "tests/conftest.py": conftest})
    assert "Authorization" in migrated(out["client.py"])
    sites = [s for s in out["tests/conftest.py"].sites if s.kind.value == "setting"]
    assert [(s.line, s.status) for s in sites] == [(7, Status.MANUAL)]
    assert sites[0].reason.startswith(f"HUBSPOT_API_KEY {said}")


CLIENT_SETTING = """\
import os

import requests

API_KEY = os.environ.get("HUBSPOT_API_KEY", "")


def owners():
    return requests.get(
        "https://api.hubapi.com/owners/v2/owners", params={"hapikey": API_KEY}
    ).json()
"""

# another module's use of the kept definition: a read, or a write only
ELSEWHERE_USES = {
    "mock.patch by path": (
        '@mock.patch("crm.client.API_KEY", "test-key")\ndef test_owners():\n'
        "    client.owners()\n",
        "API_KEY is set by test_client.py:6",
    ),
    "patch.object": (
        "def test_owners():\n"
        '    with mock.patch.object(client, "API_KEY", "test-key"):\n'
        "        client.owners()\n",
        "API_KEY is set by test_client.py:7",
    ),
    "an attribute assignment": (
        'def test_owners():\n    client.API_KEY = "test-key"\n    client.owners()\n',
        "API_KEY is set by test_client.py:7",
    ),
    "a read": (
        "def test_owners():\n    assert client.API_KEY\n",
        "API_KEY is still read by test_client.py:7",
    ),
    "a write, then a read": (
        'def test_owners():\n    client.API_KEY = "k"\n    assert client.API_KEY\n',
        "API_KEY is still read by test_client.py:8",
    ),
}


@pytest.mark.parametrize("use, said", ELSEWHERE_USES.values(), ids=list(ELSEWHERE_USES))
def test_a_kept_definition_names_what_another_module_does_with_it(tmp_path, use, said):
    """review10/31: a test's mock.patch("crm.client.API_KEY") was reported as
    "still read by test_client.py:6 (a check of the old key?)"."""
    test = "from unittest import mock\n\nfrom crm import client\n\n\n" + use
    files = {
        "crm/__init__.py": "",
        "crm/client.py": CLIENT_SETTING,
        "tests/__init__.py": "",
        "tests/test_client.py": test,
    }
    result = tree(tmp_path, files)["crm/client.py"]
    kept = [s for s in result.sites if s.kind.value == "setting"]
    assert len(kept) == 1 and kept[0].status == Status.MANUAL
    assert kept[0].reason.startswith(said), kept[0].reason
    assert "API_KEY = os.environ.get" in result.new.decode()


def test_a_key_of_unknown_origin_says_what_to_do(tmp_path):
    """bench/corpus_auto/agency_multitenant: a key read from a table of the
    agency's portals; the reason said only that its origin is unknown."""
    text = (
        "import os\n\nimport requests\n\n"
        'OWN_PORTALS = {\n    "us": os.environ.get("HUBSPOT_KEY_US"),\n'
        '    "eu": os.environ.get("HUBSPOT_KEY_EU"),\n}\n\n\n'
        "def log_invoice(region, deal_id):\n    key = OWN_PORTALS[region]\n"
        "    return requests.put(\n"
        '        "https://api.hubapi.com/deals/v1/deal/%s" % deal_id,\n'
        '        params={"hapikey": key},\n    )\n'
    )
    result = tree(tmp_path, {"one.py": text})["one.py"]
    left_alone(result, "cannot tell where the key's value comes from")
    reason = key_sites(result)[0].reason
    assert "send the token here by hand" in reason
    assert "give each its own token" in reason


# the client handed to another module's function reading its parameter's api_key
BACKUP = "def backup(c, note=None):\n    return {'key': c.api_key, 'note': note}\n"
HANDED = {
    "imported function": (
        "from crm.hs import client\nfrom crm.backup import backup\n\n\n"
        "def run():\n    return backup(client)\n"
    ),
    "through its module": (
        "from crm import backup, hs\n\n\ndef run():\n    return backup.backup(hs.client)\n"
    ),
    "by keyword": (
        "from crm.hs import client\nfrom crm.backup import backup\n\n\n"
        "def run():\n    return backup(note='x', c=client)\n"
    ),
    "an alias in the caller": (
        "from crm.hs import client\nfrom crm.backup import backup\n\n\n"
        "def run():\n    hub = client\n    return backup(hub)\n"
    ),
    "the caller's default": (
        "from crm.hs import client\nfrom crm.backup import backup\n\n\n"
        "def run(hub=client):\n    return backup(hub)\n"
    ),
}


@pytest.mark.parametrize("caller", HANDED.values(), ids=list(HANDED))
def test_the_client_handed_to_another_modules_reader_stays(tmp_path, caller):
    files = {
        "crm/__init__.py": "",
        "crm/hs.py": HS,
        "crm/backup.py": BACKUP,
        "crm/export.py": caller,
    }
    out = tree(tmp_path, files)
    left_alone(out["crm/hs.py"], "backup.py:2 (given it by export.py:")


@pytest.mark.parametrize(
    "caller",
    [
        # another value handed to the reader
        "import other\nfrom crm.hs import client\nfrom crm.backup import backup\n\n\n"
        "def run():\n    client.contacts.get_all()\n    return backup(other.client)\n",
        # the client handed to a function that reads no api_key of it
        "from crm.hs import client\nfrom crm.backup import sync\n\n\n"
        "def run():\n    return sync(client)\n",
    ],
    ids=["another value", "a function reading none"],
)
def test_a_call_handing_no_client_to_a_reader_changes_nothing(tmp_path, caller):
    backup = BACKUP + "\n\ndef sync(c):\n    return c.contacts.get_all()\n"
    files = {
        "crm/__init__.py": "",
        "crm/hs.py": HS,
        "crm/backup.py": backup,
        "crm/export.py": caller,
    }
    out = tree(tmp_path, files)
    assert "access_token=" in migrated(out["crm/hs.py"])
