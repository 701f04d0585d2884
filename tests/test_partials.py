"""A key bound by ``functools.partial`` (issue #12): blind6 sdk_partial_closures
raw.py:10, blind4 hubsync api.py:13 (``hs_get = functools.partial(requests.get,
params={"hapikey": KEY}, timeout=15)``) were left manual ("the value is passed
to functools.partial(), which hapimigrate does not follow").

- A partial of a request function whose every call is seen, keeps the
  partial's arguments and sends to HubSpot: the key leaves the partial, which
  gets the header (its other params stay); the project sends the same requests
  with the token (behaviour harness). So with ``from functools import
  partial``, a key bound in the URL, and a partial a factory makes with its
  caller's key and returns.
- Each condition that does not hold keeps every line as it was, the use a
  manual site saying which: a call passing ``headers=`` (it replaces the
  partial's) or ``params=`` (it sent no key), the partial handed on as a value,
  a call to another host (so in other modules that import and call it:
  tests/test_imported_partials.py), one wrapping a function of the tree, one
  made at import with a provider function.
"""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, left_alone, migrate, migrated, tree

API = """\
import functools
import os

import requests

HS = "https://api.hubapi.com"
KEY = os.environ.get("HUBSPOT_API_KEY")

hs_get = functools.partial(requests.get, params={"hapikey": KEY, "limit": 10}, timeout=15)


def contact_properties():
    return [p["name"] for p in hs_get(HS + "/properties/v1/contacts/properties").json()]


def owners():
    return hs_get(HS + "/owners/v2/owners").json()
"""

SCENARIO = '''\
"""A key bound by functools.partial."""
ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/properties/v1/contacts/properties", "json": [{"name": "email"}]},
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 4}]},
]


def case_calls(credential):
    from crm import api

    assert api.contact_properties() == ["email"]
    assert api.owners() == [{"ownerId": 4}]
'''


def project(api: str = API, scenario: str = SCENARIO, **more: str) -> dict[str, str]:
    files = {"src/crm/__init__.py": "", "src/crm/api.py": api, "scenario.py": scenario}
    files.update({f"src/crm/{name}.py": text for name, text in more.items()})
    return files


def only(out: dict, name: str = "api.py") -> tuple[list, str, list]:
    return out[name]


# -- migrated ---------------------------------------------------------------------


def test_a_module_level_partial_gets_the_header_and_keeps_its_other_params(tmp_path):
    out = migrate(tmp_path, {"api.py": API})
    statuses, text, reasons = only(out)
    assert statuses == [Status.REWRITE], reasons
    assert "hapikey" not in text and "HUBSPOT_API_KEY" not in text
    assert (
        'hs_get = functools.partial(requests.get, params={"limit": 10}, timeout=15, '
        # made at import, from a key read leniently: so is the token (R12)
        'headers={"Authorization": "Bearer " + '
        'os.environ.get("HUBSPOT_ACCESS_TOKEN", "")})'
    ) in text
    assert 'hs_get(HS + "/owners/v2/owners")' in text  # its calls as they were


def test_a_module_level_partial_behaves_the_same_with_the_token(tmp_path):
    behaves(tmp_path, project(), manual=0)


def test_its_endpoints_are_those_its_calls_give(tmp_path):
    (tmp_path / "api.py").write_text(API)
    result = tree(tmp_path, {"api.py": API})["api.py"]
    paths = {c.path for s in result.sites for c in s.calls}
    assert paths >= {"/properties/v1/contacts/properties", "/owners/v2/owners"}


SHORT = """\
import os
from functools import partial

import requests

KEY = os.environ["HUBSPOT_API_KEY"]
BASE = "https://api.hubapi.com"

hs_owners = partial(requests.get, BASE + "/owners/v2/owners?hapikey=" + KEY)
hs_post = partial(requests.post, params={"hapikey": KEY})


def owners():
    return hs_owners().json()


def create(body):
    return hs_post(BASE + "/crm/v3/objects/contacts", json=body).json()
"""

SHORT_SCENARIO = '''\
"""partial imported from functools, a key in a bound URL."""
ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 4}]},
    {"method": "POST", "url": r"/crm/v3/objects/contacts", "json": {"id": "1"}},
]


def case_calls(credential):
    from crm import api

    assert api.owners() == [{"ownerId": 4}]
    assert api.create({"properties": {"email": "a@x.io"}}) == {"id": "1"}
'''


def test_partial_imported_from_functools_and_a_key_in_the_bound_url(tmp_path):
    out = migrate(tmp_path, {"api.py": SHORT})
    statuses, text, reasons = only(out)
    assert statuses == [Status.REWRITE, Status.REWRITE], reasons
    assert "hapikey" not in text
    assert (
        'hs_owners = partial(requests.get, BASE + "/owners/v2/owners", headers='
    ) in text
    assert 'hs_post = partial(requests.post, headers={"Authorization"' in text
    behaves(tmp_path / "run", project(SHORT, SHORT_SCENARIO), manual=0)


FACTORY = """\
import functools
import os

import requests

HS = "https://api.hubapi.com"
KEY = os.environ["HUBSPOT_API_KEY"]


def make_getter(timeout):
    return functools.partial(requests.get, params={"hapikey": KEY}, timeout=timeout)


def owners():
    get = make_getter(10)
    return get(HS + "/owners/v2/owners").json()


def owner(owner_id):
    return make_getter(5)(HS + "/owners/v2/owners/%s" % owner_id).json()
"""

FACTORY_SCENARIO = '''\
"""A partial a factory makes and returns."""
ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/owners/v2/owners/4", "json": {"ownerId": 4}},
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 4}]},
]


def case_calls(credential):
    from crm import api

    assert api.owners() == [{"ownerId": 4}]
    assert api.owner(4) == {"ownerId": 4}
'''


def test_a_partial_a_factory_returns_is_followed_to_its_callers_calls(tmp_path):
    """Made in a function, the token is read each time, whatever the provider."""
    files = {
        "crm/__init__.py": "",
        "crm/api.py": FACTORY,
        "myauth.py": "def token():\n    return 'x'\n",
    }
    text = migrated(tree(tmp_path, files, spec="myauth:token")["crm/api.py"])
    assert "hapikey" not in text and "HUBSPOT_API_KEY" not in text
    assert (
        'functools.partial(requests.get, timeout=timeout, headers={"Authorization": '
        '"Bearer " + token()})'
    ) in text
    behaves(tmp_path / "run", project(FACTORY, FACTORY_SCENARIO), manual=0)


def test_a_factory_of_a_callers_key_other_modules_may_call_keeps_it(tmp_path):
    """A module-level factory binding its caller's key: other modules may call
    it and use what it returns where hapimigrate does not follow."""
    source = FACTORY.replace(
        "def make_getter(timeout):", "def make_getter(timeout, key):"
    )
    source = source.replace('{"hapikey": KEY}', '{"hapikey": key}')
    source = source.replace("make_getter(10)", "make_getter(10, KEY)")
    source = source.replace("make_getter(5)", "make_getter(5, KEY)")
    _left(
        tmp_path, source, "make_getter is a module-level value other modules may import"
    )


# -- left for a person --------------------------------------------------------------


def _left(tmp_path, source: str, *words: str) -> None:
    out = migrate(tmp_path, {"api.py": source})
    statuses, text, reasons = only(out)
    assert text == source
    assert statuses and Status.REWRITE not in statuses, reasons
    said = " ".join(reasons)
    for word in words:
        assert word in said, (word, reasons)


def test_a_call_passing_headers_keeps_it(tmp_path):
    """``hs_get(url, headers=...)`` replaces the partial's headers: the
    Authorization header would not be sent there."""
    source = API.replace(
        'hs_get(HS + "/owners/v2/owners")',
        'hs_get(HS + "/owners/v2/owners", headers={"Accept": "application/json"})',
    )
    _left(tmp_path, source, "passes headers=", "line 17")


def test_a_call_passing_params_keeps_it(tmp_path):
    """A call-time ``params=`` replaces the partial's: no key went there."""
    source = API.replace(
        'hs_get(HS + "/owners/v2/owners")',
        'hs_get(HS + "/owners/v2/owners", params={"email": "a@x.io"})',
    )
    _left(tmp_path, source, "passes params=", "no key was sent there")


def test_another_credential_beside_the_key_keeps_it(tmp_path):
    """``auth=`` would replace the Authorization header (requests applies it
    after the headers), in the partial or at a call."""
    source = API.replace("timeout=15)", 'timeout=15, auth=("user", "secret"))')
    _left(tmp_path / "bound", source, "passes auth=, another credential")
    source = API.replace(
        'hs_get(HS + "/owners/v2/owners")',
        'hs_get(HS + "/owners/v2/owners", auth=("user", "secret"))',
    )
    _left(tmp_path / "given", source, "the call at line 17 of the partial passes auth=")


def test_a_partial_handed_on_as_a_value_keeps_it(tmp_path):
    source = API + "\n\ndef each(urls):\n    return list(map(hs_get, urls))\n"
    _left(tmp_path, source, "bound to hs_get, passed to map() at line 21")


def test_a_call_to_another_host_keeps_it(tmp_path):
    source = (
        API + '\n\ndef status():\n    return hs_get("https://status.example.com/x")\n'
    )
    _left(tmp_path, source, "sends to status.example.com")


def test_a_partial_of_a_function_of_the_tree_keeps_it(tmp_path):
    source = (
        "import functools\nimport os\n\nimport requests\n\n"
        'KEY = os.environ["HUBSPOT_API_KEY"]\n\n\n'
        "def call(base, path, auth_params=None):\n"
        "    return requests.get(base + path, params=auth_params).json()\n\n\n"
        'hubspot = functools.partial(call, "https://api.hubapi.com", '
        'auth_params={"hapikey": KEY})\n\n\n'
        'def owners():\n    return hubspot("/owners/v2/owners")\n'
    )
    _left(tmp_path, source, "to call(), which is not a request function")


def test_a_partial_listed_in_all_keeps_it(tmp_path):
    _left(tmp_path, '__all__ = ["hs_get"]\n' + API, "listed in __all__")


def test_a_partial_made_at_import_with_a_provider_function_keeps_it(tmp_path):
    files = {
        "crm/__init__.py": "",
        "crm/api.py": API,
        "myauth.py": "def token():\n    return 'x'\n",
    }
    out = tree(tmp_path, files, spec="myauth:token")
    left_alone(out["crm/api.py"], "made once, at import")


CONTACTS = """\
from crm.api import HS, hs_get


def contact(vid):
    return hs_get(HS + "/contacts/v1/contact/vid/%s/profile" % vid).json()
"""

IMPORTED_SCENARIO = SCENARIO + """

def case_contact(credential):
    from crm import contacts

    contacts.contact(5)
"""


def test_a_partial_another_module_imports_and_calls_migrates_with_it(tmp_path):
    """Another module's calls of the partial are checked there as this
    module's are (tests/test_imported_partials.py: those that keep it): they
    keep its arguments and send to HubSpot, so the partial gets the header and
    the project runs the same with the token."""
    out = migrate(
        tmp_path / "tree",
        {"crm/__init__.py": "", "crm/api.py": API, "crm/contacts.py": CONTACTS},
    )
    statuses, text, reasons = out["crm/api.py"]
    assert statuses == [Status.REWRITE], reasons
    assert "hapikey" not in text and "HUBSPOT_ACCESS_TOKEN" in text
    statuses, text, reasons = out["crm/contacts.py"]
    assert text == CONTACTS and statuses == [Status.REWRITE], reasons
    scenario = IMPORTED_SCENARIO.replace(
        "RESPONSES = [",
        'RESPONSES = [\n    {"method": "GET", "url": r"/contacts/v1/contact/vid/5", "json": {}},',
    )
    behaves(tmp_path / "run", project(scenario=scenario, contacts=CONTACTS), manual=0)


def test_a_partial_only_other_modules_call_migrates_with_them(tmp_path):
    """csv_batch_importer: ``post`` is called in other modules only. Each of
    their calls keeps the partial's arguments and sends to HubSpot: the
    partial gets the header, its callers stay as they are
    (tests/test_imported_partials.py: the calls that keep it)."""
    api = API.split("\n\ndef contact_properties")[0] + "\n"
    out = migrate(
        tmp_path,
        {"crm/__init__.py": "", "crm/api.py": api, "crm/contacts.py": CONTACTS},
    )
    statuses, text, reasons = out["crm/api.py"]
    assert statuses == [Status.REWRITE], reasons
    assert "hapikey" not in text and "HUBSPOT_ACCESS_TOKEN" in text
    statuses, text, reasons = out["crm/contacts.py"]
    assert text == CONTACTS and statuses == [Status.REWRITE], reasons
    scenario = SCENARIO.split("\n\ndef case_calls")[0].replace(
        "RESPONSES = [",
        'RESPONSES = [\n    {"method": "GET", "url": r"/contacts/v1/contact/vid/5", "json": {}},',
    )
    scenario += (
        "\n\ndef case_contact(credential):\n"
        "    from crm import contacts\n\n    contacts.contact(5)\n"
    )
    behaves(tmp_path / "run", project(api, scenario, contacts=CONTACTS), manual=0)


# -- a key given at a call of a partial ----------------------------------------

CALLED = """\
import functools
import os

import requests

HS = "https://api.hubapi.com"
KEY = os.environ.get("HUBSPOT_API_KEY")

get_company = functools.partial(requests.get, timeout=10)


def company_name(company_id):
    r = get_company(HS + "/companies/v2/companies/%s" % company_id, params={"hapikey": KEY})
    return r.json()["properties"]["name"]["value"]
"""

CALLED_SCENARIO = '''\
"""A key given at a call of a partial binding no credential."""
ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/companies/v2/companies/7", "json": {"properties": {"name": {"value": "Acme"}}}},
]


def case_company(credential):
    from crm import api

    assert api.company_name(7) == "Acme"
'''


def test_a_key_given_at_a_call_of_a_partial_gets_the_header_there(tmp_path):
    """blind3 multitenant_webhook_hub hubspot.py:42: ``get_company(url,
    params={"hapikey": key})`` of ``functools.partial(requests.get, timeout=10)``."""
    out = migrate(tmp_path, {"api.py": CALLED})
    statuses, text, reasons = only(out)
    assert statuses == [Status.REWRITE], reasons
    assert (
        'get_company(HS + "/companies/v2/companies/%s" % company_id, headers='
        '{"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]})'
    ) in text
    behaves(tmp_path / "run", project(CALLED, CALLED_SCENARIO), manual=0)


def test_a_partial_binding_headers_keeps_the_key_given_at_its_call(tmp_path):
    """A header given at the call would replace the partial's own headers."""
    source = CALLED.replace(
        "timeout=10)", 'timeout=10, headers={"Accept": "application/json"})'
    )
    _left(
        tmp_path, source, "get_company() is a functools.partial() that binds headers="
    )


def test_a_partial_of_a_session_with_its_own_auth_stays_manual(tmp_path):
    """Review 18's T7: ``session.auth = (...)`` replaces a per-call Authorization
    header (requests applies auth last): the HubSpot credential would be lost."""
    source = (
        "import functools\nimport requests\n\n"
        'HS = "https://api.hubapi.com"\n'
        "session = requests.Session()\n"
        'session.auth = ("svc", "pw")\n'
        "fetch = functools.partial(session.get, timeout=10)\n\n\n"
        "def company(cid, key):\n"
        '    return fetch(HS + "/companies/v2/companies/" + cid, params={"hapikey": key}).json()\n'
    )
    results = tree(tmp_path, {"hs.py": source})
    (site,) = key_sites(results["hs.py"])
    assert site.status == Status.MANUAL and ".auth" in site.reason
    assert not results["hs.py"].changed


def test_a_partial_of_another_module_s_session_with_its_own_auth_stays(tmp_path):
    """Review 18's T21: the session gets an OAuth header in its own module."""
    net = (
        "import os\nimport requests\n\n"
        "session = requests.Session()\n"
        'OAUTH = os.environ.get("HUBSPOT_OAUTH_TOKEN")\n'
        "if OAUTH:\n"
        '    session.headers["Authorization"] = "Bearer " + OAUTH\n'
    )
    hs = (
        "import functools\n\nfrom net import session\n\n"
        'HS = "https://api.hubapi.com"\n'
        "fetch = functools.partial(session.get, timeout=10)\n\n\n"
        "def company(cid, key):\n"
        '    return fetch(HS + "/companies/v2/companies/" + cid, params={"hapikey": key}).json()\n'
    )
    results = tree(tmp_path, {"net.py": net, "hs.py": hs})
    (site,) = key_sites(results["hs.py"])
    assert site.status == Status.MANUAL and "net.py" in site.reason
    assert not results["hs.py"].changed


def test_a_partial_of_a_session_a_third_module_gives_a_header_stays(tmp_path):
    """Review 18's T30: ``boot.py`` sets ``net.session.headers["Authorization"]``."""
    net = "import requests\n\nsession = requests.Session()\n"
    boot = (
        "import os\n\nimport net\n\n"
        'net.session.headers["Authorization"] = "Bearer " + os.environ["OAUTH"]\n'
    )
    hs = (
        "import functools\n\nfrom net import session\n\n"
        'HS = "https://api.hubapi.com"\n'
        "fetch = functools.partial(session.get, timeout=10)\n\n\n"
        "def company(cid, key):\n"
        '    return fetch(HS + "/companies/v2/companies/" + cid, params={"hapikey": key}).json()\n'
    )
    results = tree(tmp_path, {"net.py": net, "boot.py": boot, "hs.py": hs})
    (site,) = key_sites(results["hs.py"])
    assert site.status == Status.MANUAL and "another of the package" in site.reason


EXPORTER = """\
import functools

import requests

HUBSPOT = "https://api.hubapi.com"


class Exporter(object):
    def __init__(self, hapikey, timeout=30):
        self.hapikey = hapikey
        self.session = requests.Session()
        self._get = functools.partial(self.session.get, timeout=timeout)

    def owners(self):
        return self._get(HUBSPOT + "/owners/v2/owners", params={"hapikey": self.hapikey}).json()
"""


def test_a_partial_set_once_on_self_is_followed_to_its_calls(tmp_path):
    """blind8's click_cli_export: ``self._get = functools.partial(self.session.get,
    timeout=t)`` in ``__init__``; ``self._get(url, params={"hapikey": ...})``."""
    results = tree(tmp_path, {"exporter.py": EXPORTER})
    (site,) = key_sites(results["exporter.py"])
    assert site.status == Status.REWRITE, site.reason
    assert 'headers={"Authorization": "Bearer " + self.hapikey}' in (
        results["exporter.py"].new.decode()
    )
    project = {
        "src/exporter.py": EXPORTER,
        "scenario.py": (
            '"""An exporter for a portal whose key its caller gives."""\n'
            'RESPONSES = [{"method": "GET", "url": r"/owners/v2/owners", "json": []}]\n\n\n'
            "def case_owners(credential):\n"
            "    from exporter import Exporter\n\n"
            '    Exporter(credential("key-main")).owners()\n'
        ),
    }
    behaves(tmp_path / "behaves", project, manual=0)


def test_a_partial_on_self_set_again_elsewhere_stays(tmp_path):
    rebound = EXPORTER + (
        "\n\ndef quiet(exporter):\n"
        "    exporter._get = functools.partial(exporter.session.get, timeout=1)\n"
    )
    results = tree(tmp_path, {"exporter.py": rebound})
    (site,) = key_sites(results["exporter.py"])
    assert site.status == Status.MANUAL
