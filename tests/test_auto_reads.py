"""Issue #12: keys read for other things, and keys added on some paths only.

* A caller's credential handed on through a function of its own module
  (``def source_client(key): return HubSpotClient(key)``) is a read that sends
  the key, not "something else": the tree migrates, each caller's token (a
  tenant's) reaches HubSpot as its own. A function that also does something
  else with it (an audit call, a log of it) keeps the site manual.
* A key added under a test (``if self.SEND_KEY: params["hapikey"] = ...``,
  ``url += "&hapikey=" + KEY`` under ``if``, ``{...} if send else {}``, a
  ``try:`` body) with the request made on every path: the header would go on
  every path too (to a mirror that must never get a credential), so the site
  stays manual naming the test, unless every branch adds the key, the request
  is made in the key's branch, or the test is the key's own presence.
"""

from __future__ import annotations

import textwrap

import pytest

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, left_alone, migrate, migrated, tree

CLIENT = textwrap.dedent("""\
    import os

    import requests


    class HubSpotClient:
        def __init__(self, api_key=None):
            self.api_key = api_key or os.environ.get("HUBSPOT_API_KEY")

        def get(self, path):
            return requests.get(
                "https://api.hubapi.com" + path, params={"hapikey": self.api_key}
            ).json()
    """)


def jobs(factory_body: str) -> str:
    return (
        "import requests\n\nfrom crm.client import HubSpotClient\n\n\n"
        "def make_client(api_key=None):\n"
        + textwrap.indent(textwrap.dedent(factory_body), "    ")
        + "\n\ndef owners(portal_key=None):\n"
        '    return make_client(portal_key).get("/owners/v2/owners")\n'
    )


# -- a credential handed on through a function of the module -----------------


@pytest.mark.parametrize(
    "body",
    [
        "return HubSpotClient(api_key)",
        "client = HubSpotClient(api_key=api_key)\nreturn client",
        "if not api_key:\n    pass\nreturn HubSpotClient(api_key)",
    ],
    ids=["returned", "bound", "tested"],
)
def test_a_key_handed_on_through_a_factory_is_migrated(tmp_path, body):
    files = {"crm/__init__.py": "", "crm/client.py": CLIENT, "crm/jobs.py": jobs(body)}
    out = tree(tmp_path, files)
    text = migrated(out["crm/client.py"])
    assert "hapikey" not in text
    assert '"Authorization": "Bearer " + self.api_key' in text
    assert 'os.environ["HUBSPOT_ACCESS_TOKEN"]' in text
    assert [s.status for s in key_sites(out["crm/jobs.py"])] == [Status.REWRITE]


@pytest.mark.parametrize(
    "body,line",
    [
        (
            'requests.post("https://audit.example.com/keys", json={"k": api_key})\n'
            "return HubSpotClient(api_key)",
            7,
        ),
        ('print("using", api_key)\nreturn HubSpotClient(api_key)', 7),
    ],
    ids=["sent_elsewhere", "printed"],
)
def test_a_factory_that_also_uses_the_key_otherwise_stays_manual(tmp_path, body, line):
    """make_client() also hands the key to an audit service (or prints it):
    once callers pass tokens, that use would get the token."""
    files = {"crm/__init__.py": "", "crm/client.py": CLIENT, "crm/jobs.py": jobs(body)}
    out = tree(tmp_path, files)
    left_alone(out["crm/client.py"], f"is also read at line {line}")


def test_a_factory_calling_itself_is_not_assumed_to_send_the_key(tmp_path):
    body = (
        "if api_key == 'x':\n    return make_client(api_key)\n"
        "return HubSpotClient(api_key)"
    )
    files = {"crm/__init__.py": "", "crm/client.py": CLIENT, "crm/jobs.py": jobs(body)}
    out = tree(tmp_path, files)
    left_alone(out["crm/client.py"], "is also read at line")


def test_handed_on_keys_behave(tmp_path):
    """Run before and after: the configured key becomes the provider's token,
    a tenant's key handed in stays the tenant's (now its token)."""
    files = {
        "src/crm/__init__.py": "",
        "src/crm/client.py": CLIENT,
        "src/crm/jobs.py": jobs("return HubSpotClient(api_key)"),
        "scenario.py": (
            '"""A client made by a factory, given a tenant\'s key or none."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
            "def case_configured(credential):\n"
            "    from crm import jobs\n\n    jobs.owners()\n\n\n"
            "def case_tenant(credential):\n"
            "    from crm import jobs\n\n"
            '    jobs.owners(credential("tenant"))\n'
        ),
    }
    behaves(tmp_path / "factory", files, manual=0)


# -- a key added on some paths only -----------------------------------------

HEAD = 'import os\n\nimport requests\n\nKEY = os.environ["HUBSPOT_API_KEY"]\n\n\n'
GET = 'requests.get("https://api.hubapi.com" + path, params=q)'


@pytest.mark.parametrize(
    "body",
    [
        # params["hapikey"] = ... under a test of something else
        f'q = {{}}\nif send_key:\n    q["hapikey"] = KEY\nreturn {GET}',
        f"q = {{}}\nif send_key:\n    q.update(hapikey=KEY)\nreturn {GET}",
        # the key in one branch, none in the other
        f'if send_key:\n    q = {{"hapikey": KEY}}\nelse:\n    q = {{}}\nreturn {GET}',
        f'if not send_key:\n    q = {{}}\nelif path:\n    q = {{"hapikey": KEY}}\n'
        f"else:\n    q = {{}}\nreturn {GET}",
        # a URL's parameter under a test
        'url = "https://api.hubapi.com" + path + "?limit=1"\n'
        'if send_key:\n    url += "&hapikey=" + KEY\nreturn requests.get(url)',
        # a conditional expression
        f'q = {{"hapikey": KEY}} if send_key else {{}}\nreturn {GET}',
        # an exception skips the key
        f'q = {{}}\ntry:\n    q["hapikey"] = KEY\nexcept KeyError:\n    pass\nreturn {GET}',
    ],
    ids=["item", "update", "else", "elif", "url", "ifexp", "try"],
)
def test_a_key_added_on_some_paths_only_stays_manual(tmp_path, body):
    source = HEAD + "def get(path, send_key=True):\n" + textwrap.indent(body, "    ")
    out = migrate(tmp_path, {"m.py": source + "\n"})
    statuses, text, reasons = out["m.py"]
    assert statuses and set(statuses) == {Status.MANUAL}, reasons
    assert text == source + "\n"
    assert any("the key is added only when" in r for r in reasons), reasons


@pytest.mark.parametrize(
    "body",
    [
        # the request is made in the key's branch
        'q = {}\nif send_key:\n    q["hapikey"] = KEY\n'
        f"    return {GET}\nreturn None",
        # every branch adds the key
        'if send_key:\n    q = {"hapikey": KEY, "a": "1"}\nelse:\n'
        f'    q = {{"hapikey": KEY}}\nreturn {GET}',
        # the test is the key's own presence: the guard goes with the key
        f'q = {{}}\nif "hapikey" not in q:\n    q["hapikey"] = KEY\nreturn {GET}',
    ],
    ids=["same_branch", "every_branch", "key_guard"],
)
def test_a_key_on_every_path_of_its_request_is_migrated(tmp_path, body):
    source = HEAD + "def get(path, send_key=True):\n" + textwrap.indent(body, "    ")
    out = migrate(tmp_path, {"m.py": source + "\n"})
    statuses, text, reasons = out["m.py"]
    assert statuses and set(statuses) == {Status.REWRITE}, reasons
    assert "hapikey" not in text
    assert 'Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]' in text


def test_the_condition_named_never_shows_a_literal(tmp_path):
    source = HEAD + (
        "def get(path, mode):\n    q = {}\n"
        '    if mode != "pat-na1-0000":\n        q["hapikey"] = KEY\n'
        f"    return {GET}\n"
    )
    reasons = migrate(tmp_path, {"m.py": source})["m.py"][2]
    assert "pat-na1" not in " ".join(reasons)
    assert "mode != '...'" in " ".join(reasons)


MIRRORED = textwrap.dedent("""\
    import os

    import requests


    class HubSpotClient:
        BASE_URL = "https://api.hubapi.com"
        SEND_KEY = True

        def __init__(self, api_key=None):
            self.api_key = api_key or os.environ.get("HUBSPOT_API_KEY")

        def request(self, path):
            query = {}
            if self.SEND_KEY:
                query["hapikey"] = self.api_key
            return requests.get(self.BASE_URL + path, params=query).json()


    class MirrorClient(HubSpotClient):
        BASE_URL = os.environ.get("MIRROR_URL", "http://mirror.internal:8080")
        SEND_KEY = False
    """)


def test_a_client_sending_the_key_unless_a_subclass_says_not_stays_manual(tmp_path):
    """The mirror must never get a credential: the header in request() would
    go to it. The factory handing the key on is followed all the same."""
    files = {
        "crm/__init__.py": "",
        "crm/client.py": MIRRORED,
        "crm/copy.py": (
            "from crm.client import HubSpotClient, MirrorClient\n\n\n"
            "def source(use_mirror=False, api_key=None):\n"
            "    return MirrorClient() if use_mirror else HubSpotClient(api_key)\n\n\n"
            "def forms(use_mirror=False, key=None):\n"
            '    return source(use_mirror, key).request("/forms/v2/forms")\n'
        ),
    }
    out = tree(tmp_path, files)
    # the reason names the mirror the header would reach
    left_alone(out["crm/client.py"], "mirror.internal")
    assert not any(s.status == Status.REWRITE for s in key_sites(out["crm/copy.py"]))


def test_the_mirrored_client_behaves(tmp_path, monkeypatch):
    """Run before and after: nothing changes, nothing reaches the mirror with
    a credential."""
    files = {
        "src/crm/__init__.py": "",
        "src/crm/client.py": MIRRORED,
        "scenario.py": (
            '"""A client whose mirror subclass sends no key."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
            "def case_live(credential):\n"
            "    from crm.client import HubSpotClient\n\n"
            '    HubSpotClient().request("/forms/v2/forms")\n'
        ),
    }
    behaves(tmp_path / "mirrored", files, manual=1)


# -- a test of the credential in an expression ---------------------------------


def test_a_credential_tested_in_a_conditional_expression_is_migrated(tmp_path):
    """``HubSpotClient(api_key=key) if key else shared()``: the test is passed
    by a token as by the key."""
    files = {
        "crm/__init__.py": "",
        "crm/client.py": CLIENT,
        "crm/jobs.py": (
            "from crm.client import HubSpotClient\n\n\n"
            "def owners(key=None):\n"
            "    api = HubSpotClient(api_key=key) if key else HubSpotClient()\n"
            '    return api.get("/owners/v2/owners")\n'
        ),
    }
    out = tree(tmp_path, files)
    assert "Bearer" in migrated(out["crm/client.py"])
    assert [s.status for s in key_sites(out["crm/jobs.py"])] == [Status.REWRITE]


# -- a parameter whose default is the configured key -------------------------

GETTER = textwrap.dedent("""\
    import os

    import requests

    BASE = "https://api.hubapi.com"
    HAPIKEY = os.environ.get("HUBSPOT_API_KEY")


    def make_getter(path_template, key=HAPIKEY):
        def fetch(object_id, **params):
            params.update(hapikey=key)
            r = requests.get(BASE + path_template.format(id=object_id), params=params)
            return r.json()

        return fetch


    get_contact = make_getter("/contacts/v1/contact/vid/{id}/profile")
    """)
REPORT = (
    "from crm import api\n\n\n"
    "def contact(vid, client_key=None):\n"
    '    fetch = api.make_getter("/contacts/v1/contact/vid/{id}/profile", '
    "key=client_key) if client_key else api.get_contact\n"
    "    return fetch(vid)\n"
)


def test_a_default_bound_to_the_key_becomes_the_token(tmp_path):
    files = {"crm/__init__.py": "", "crm/api.py": GETTER, "crm/report.py": REPORT}
    out = tree(tmp_path, files)
    text = migrated(out["crm/api.py"])
    assert (
        'key=os.environ.get("HUBSPOT_ACCESS_TOKEN")' in text
    )  # read as leniently as HAPIKEY
    assert '"Authorization": "Bearer " + key' in text and "hapikey" not in text
    assert [s.status for s in key_sites(out["crm/report.py"])] == [Status.REWRITE]


def test_a_default_bound_to_the_key_behaves(tmp_path):
    """Run before and after: the default sends the provider's token, a
    client's key handed in from another module stays the client's."""
    files = {
        "src/crm/__init__.py": "",
        "src/crm/api.py": GETTER,
        "src/crm/report.py": REPORT,
        "scenario.py": (
            '"""A getter whose key is a default argument."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
            "def case_default(credential):\n"
            "    from crm import api\n\n    api.get_contact(1)\n\n\n"
            "def case_client(credential):\n"
            "    from crm import report\n\n"
            '    report.contact(2)\n    report.contact(3, client_key=credential("c"))\n'
        ),
    }
    behaves(tmp_path / "getter", files, manual=0)


def test_a_bound_default_with_a_provider_function_stays_manual(tmp_path):
    """A provider function may hand out tokens that expire: one read when the
    function is defined would not be renewed."""
    files = {
        "crm/__init__.py": "",
        "crm/api.py": GETTER,
        "myauth.py": "def token():\n    return 'x'\n",
    }
    out = tree(tmp_path, files, spec="myauth:token")
    left_alone(out["crm/api.py"], "key of make_getter() defaults to the key")


def test_a_bound_default_a_caller_passes_none_for_stays_manual(tmp_path):
    source = GETTER + 'anonymous = make_getter("/x/{id}", None)\n'
    out = migrate(tmp_path, {"api.py": source})
    statuses, text, reasons = out["api.py"]
    assert text == source and Status.REWRITE not in statuses
    assert any("passes None for key" in r for r in reasons), reasons


# -- a settings line only the sites left for a person read --------------------

SETTINGS = "import os\n\nHAPIKEY = os.environ.get('HUBSPOT_API_KEY', '')\n"
BRIDGE = (
    "import requests\n\nfrom settings import *\n\n\n"
    "def owners():\n    return requests.get('https://api.hubapi.com/owners/v2/owners'"
    " + '?hapikey=' + HAPIKEY)\n\n\n"
    "def fetch(path, send_key=True):\n    q = {}\n    if send_key:\n"
    "        q['hapikey'] = HAPIKEY\n"
    "    return requests.get('https://api.hubapi.com' + path, params=q)\n"
)


def test_a_setting_read_only_by_sites_left_is_kept_naming_them(tmp_path):
    out = tree(tmp_path, {"settings.py": SETTINGS, "bridge.py": BRIDGE})
    bridge = key_sites(out["bridge.py"])
    assert [s.status for s in bridge] == [Status.REWRITE, Status.MANUAL]
    (site,) = key_sites(out["settings.py"])
    assert site.status == Status.KEPT, site.reason
    assert "read only by sites left for a person (bridge.py:13)" in site.reason
    assert "HUBSPOT_API_KEY stays set" in site.reason
    assert not out["settings.py"].changed


@pytest.mark.parametrize(
    "reader",
    [
        "import settings\n\n\ndef check():\n    if not settings.HAPIKEY:\n"
        "        raise SystemExit('set HUBSPOT_API_KEY')\n",
        "from settings import HAPIKEY\n\nMASKED = HAPIKEY[-4:]\n",
    ],
    ids=["start_up_check", "other_use"],
)
def test_a_setting_read_by_other_code_stays_manual(tmp_path, reader):
    files = {"settings.py": SETTINGS, "bridge.py": BRIDGE, "startup.py": reader}
    out = tree(tmp_path, files)
    (site,) = key_sites(out["settings.py"])
    assert site.status == Status.MANUAL
    assert "still read here after the migration" in site.reason


@pytest.mark.parametrize(
    "body,says",
    [
        (
            "if api_key != 'pat-na1-0000':\n    pass\nreturn HubSpotClient(api_key)",
            "(compared with '...')",
        ),
        (
            "audit.note(api_key)\nreturn HubSpotClient(api_key)",
            "(handed to audit.note())",
        ),
        (
            "print('key ' + api_key)\nreturn HubSpotClient(api_key)",
            "(built into a string",
        ),
    ],
    ids=["compared", "handed", "string"],
)
def test_the_other_read_is_said_plainly(tmp_path, body, says):
    """The reason says what the other read does, never a literal's text."""
    files = {"crm/__init__.py": "", "crm/client.py": CLIENT, "crm/jobs.py": jobs(body)}
    out = tree(tmp_path, files)
    left_alone(out["crm/client.py"], "api_key is also read at line 7 " + says)
    assert "pat-na1" not in " ".join(s.reason for s in key_sites(out["crm/client.py"]))


# -- a setting a test overrides or reads --------------------------------------

DJANGO_SETTINGS = (
    'import os\n\nHUBSPOT_API_KEY = os.environ["HUBSPOT_API_KEY"]\nTIMEOUT = 10\n'
)
DJANGO_CLIENT = (
    "import requests\n\nfrom crm import settings\n\n\n"
    "def owners():\n    return requests.get(\n"
    '        "https://api.hubapi.com/crm/v3/owners",\n'
    '        params={"hapikey": settings.HUBSPOT_API_KEY},\n'
    "        timeout=settings.TIMEOUT,\n    ).json()\n"
)


def test_a_setting_a_test_only_overrides_goes(tmp_path):
    """``@override_settings(HUBSPOT_API_KEY=...)`` sets it for a test, defined
    or not: no read, the definition goes."""
    tests = (
        "from django.test import SimpleTestCase, override_settings\n\n\n"
        '@override_settings(HUBSPOT_API_KEY="test-key", TIMEOUT=1)\n'
        "class T(SimpleTestCase):\n    pass\n"
    )
    files = {
        "crm/__init__.py": "",
        "crm/settings.py": DJANGO_SETTINGS,
        "crm/client.py": DJANGO_CLIENT,
        "crm/tests.py": tests,
    }
    statuses, text, reasons = migrate(tmp_path, files)["crm/settings.py"]
    assert statuses == [Status.REWRITE], reasons
    assert "HUBSPOT_API_KEY" not in text and "TIMEOUT = 10" in text


def test_a_setting_a_test_reads_is_said_to_be_read_by_a_test(tmp_path):
    tests = (
        "from crm import settings\n\n\n"
        "def test_key():\n    assert settings.HUBSPOT_API_KEY\n"
    )
    files = {
        "crm/__init__.py": "",
        "crm/settings.py": DJANGO_SETTINGS,
        "crm/client.py": DJANGO_CLIENT,
        "crm/test_settings.py": tests,
    }
    statuses, text, reasons = migrate(tmp_path, files)["crm/settings.py"]
    assert statuses == [Status.MANUAL] and text == DJANGO_SETTINGS
    assert "still read by test_settings.py:5 (a test)" in reasons[0]
