"""Three wrong rewrites of the twelfth round's review, each reproduced.

1. Two keys stay two for every key the tree sends (R32): a second configured
   key whose use stays manual for a reason of its own (a helper of another
   module not followed) is sent all the same, once that use is migrated by
   hand; a plain use of the other key must not become the one provider token.
2. A token read at import stays as lenient as the key's (R12): a module-level
   ``functools.partial``, session, SDK client made with ``os.environ.get(...)``
   must still import without the token.
3. A class's instance handed out by another module's factory (R23 variant):
   its ``.session`` may be sent anywhere by the factory's callers.
"""

from __future__ import annotations

import os
import subprocess
import sys

from hapimigrate.model import Status
from tests.trees import key_sites, tree

# -- 1. every key the tree sends ---------------------------------------------

CONFIG = """\
import os

MAIN_KEY = os.environ["HUBSPOT_API_KEY"]
SANDBOX_KEY = os.environ["HUBSPOT_SANDBOX_KEY"]
"""
AUTH = """\
def generate_auth(k):
    return {"hapikey": k}
"""
MAIN = """\
import requests

import config
from auth import generate_auth

URL = "https://api.hubapi.com/crm/v3/objects/contacts"


def main_contacts():
    return requests.get(URL, params=generate_auth(config.MAIN_KEY)).json()
"""
SANDBOX = """\
import requests

import config

URL = "https://api.hubapi.com/crm/v3/objects/contacts"


def sandbox_contacts():
    return requests.get(URL, params={"hapikey": config.SANDBOX_KEY}).json()
"""


def _statuses(result) -> set:
    return {s.status for s in key_sites(result)}


def test_a_key_beside_another_keys_manual_use_in_the_tree_stays_manual(tmp_path):
    files = {"config.py": CONFIG, "auth.py": AUTH, "a.py": MAIN, "b.py": SANDBOX}
    results = tree(tmp_path, files)
    assert _statuses(results["a.py"]) == {Status.MANUAL}  # the unfollowed helper
    sandbox = key_sites(results["b.py"])
    assert {s.status for s in sandbox} == {Status.MANUAL}
    assert "several keys are sent" in sandbox[0].reason
    assert not results["b.py"].changed
    assert not results["config.py"].changed  # the sandbox's key stays set


def test_a_key_beside_another_keys_manual_use_in_its_module_stays_manual(tmp_path):
    both = MAIN + "\n\n" + SANDBOX.split("\n\n\n", 1)[1]
    files = {"config.py": CONFIG, "auth.py": AUTH, "both.py": both}
    results = tree(tmp_path, files)
    assert _statuses(results["both.py"]) == {Status.MANUAL}
    assert not results["both.py"].changed


def test_a_key_a_producer_returns_to_a_manual_use_counts_too(tmp_path):
    config = CONFIG.replace(
        'SANDBOX_KEY = os.environ["HUBSPOT_SANDBOX_KEY"]\n',
        '\n\ndef sandbox_key():\n    return os.environ["HUBSPOT_SANDBOX_KEY"]\n',
    )
    sandbox = MAIN.replace("config.MAIN_KEY", "config.sandbox_key()")
    plain = SANDBOX.replace("config.SANDBOX_KEY", "config.MAIN_KEY")
    files = {"config.py": config, "auth.py": AUTH, "a.py": sandbox, "b.py": plain}
    results = tree(tmp_path, files)
    assert _statuses(results["b.py"]) == {Status.MANUAL}
    assert "several keys are sent" in key_sites(results["b.py"])[0].reason
    assert not results["b.py"].changed


def test_the_same_key_sent_by_a_manual_use_still_migrates_elsewhere(tmp_path):
    plain = SANDBOX.replace("config.SANDBOX_KEY", "config.MAIN_KEY")
    files = {"config.py": CONFIG, "auth.py": AUTH, "a.py": MAIN, "b.py": plain}
    results = tree(tmp_path, files)
    assert _statuses(results["b.py"]) == {Status.REWRITE}
    assert "HUBSPOT_ACCESS_TOKEN" in results["b.py"].new.decode()


def test_a_developer_key_sent_by_a_manual_use_does_not_count(tmp_path):
    config = CONFIG + 'DEVELOPER_KEY = os.environ["HUBSPOT_DEVELOPER_KEY"]\n'
    developer = MAIN.replace("config.MAIN_KEY", "config.DEVELOPER_KEY")
    plain = SANDBOX.replace("config.SANDBOX_KEY", "config.MAIN_KEY")
    files = {"config.py": config, "auth.py": AUTH, "dev.py": developer, "b.py": plain}
    results = tree(tmp_path, files)
    assert _statuses(results["b.py"]) == {Status.REWRITE}


def test_a_tenants_key_sent_by_a_manual_use_does_not_count(tmp_path):
    tenant = MAIN.replace("def main_contacts():", "def main_contacts(portal):").replace(
        "config.MAIN_KEY", "portal.hubspot_key"
    )
    plain = SANDBOX.replace("config.SANDBOX_KEY", "config.MAIN_KEY")
    files = {"config.py": CONFIG, "auth.py": AUTH, "t.py": tenant, "b.py": plain}
    results = tree(tmp_path, files)
    assert _statuses(results["b.py"]) == {Status.REWRITE}


# -- 2. the token read at import ---------------------------------------------

PARTIAL = """\
import functools
import os

import requests

BASE = "https://api.hubapi.com"

get = functools.partial(requests.get, params={"hapikey": os.environ.get("HUBSPOT_API_KEY")})


def contacts():
    return get(BASE + "/crm/v3/objects/contacts").json()
"""
PARTIAL_NAME = """\
import os
from functools import partial

import requests

KEY = os.getenv("HUBSPOT_API_KEY")
get = partial(requests.get, params={"hapikey": KEY})


def contacts():
    return get("https://api.hubapi.com/crm/v3/objects/contacts").json()
"""
SESSION = """\
import os

import requests

session = requests.Session()
session.params = {"hapikey": os.getenv("HUBSPOT_API_KEY")}


def contacts():
    return session.get("https://api.hubapi.com/crm/v3/objects/contacts").json()
"""
SDK = """\
import os

from hubspot import HubSpot

client = HubSpot(api_key=os.environ.get("HUBSPOT_API_KEY"))


def contacts():
    return client.crm.contacts.basic_api.get_page()
"""
LENIENT_BEARER = '"Bearer " + os.environ.get("HUBSPOT_ACCESS_TOKEN", "")'


def _imports_without_token(root, module: str, text: str) -> None:
    """The migrated module imports with no HubSpot variable set."""
    (root / f"{module}.py").write_text(text)
    env = {k: v for k, v in os.environ.items() if not k.startswith("HUBSPOT")}
    env["PYTHONPATH"] = os.pathsep.join(
        [str(root), os.path.dirname(os.path.dirname(__file__))]
    )
    done = subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


def test_a_partial_made_at_import_reads_the_token_leniently(tmp_path):
    result = tree(tmp_path, {"client.py": PARTIAL})["client.py"]
    assert _statuses(result) == {Status.REWRITE}
    new = result.new.decode()
    assert f'headers={{"Authorization": {LENIENT_BEARER}}}' in new
    _imports_without_token(tmp_path, "client", new)


def test_a_partial_of_a_name_read_leniently_reads_the_token_leniently(tmp_path):
    result = tree(tmp_path, {"client.py": PARTIAL_NAME})["client.py"]
    assert _statuses(result) == {Status.REWRITE}
    new = result.new.decode()
    assert LENIENT_BEARER in new
    _imports_without_token(tmp_path, "client", new)


def test_a_module_level_session_reads_the_token_leniently(tmp_path):
    result = tree(tmp_path, {"client.py": SESSION})["client.py"]
    assert _statuses(result) == {Status.REWRITE}
    new = result.new.decode()
    assert f'session.headers["Authorization"] = {LENIENT_BEARER}' in new
    _imports_without_token(tmp_path, "client", new)


def test_a_module_level_sdk_client_reads_the_token_leniently(tmp_path):
    result = tree(tmp_path, {"client.py": SDK})["client.py"]
    assert _statuses(result) == {Status.REWRITE}
    new = result.new.decode()
    assert 'HubSpot(access_token=os.environ.get("HUBSPOT_ACCESS_TOKEN"))' in new


CLIENT = """\
import os

import requests

API_KEY = os.getenv("HUBSPOT_API_KEY")


class Client:
    def __init__(self, api_key):
        self.api_key = api_key

    def contacts(self):
        return requests.get("https://api.hubapi.com/crm/v3/objects/contacts", params={"hapikey": self.api_key}).json()


client = Client(API_KEY)
"""
OTHER = """\
import os

from client import Client

hub = Client(os.environ.get("HUBSPOT_API_KEY"))


def run():
    return hub.contacts()
"""


def test_a_client_made_at_import_is_handed_the_token_read_leniently(tmp_path):
    results = tree(tmp_path, {"client.py": CLIENT, "other.py": OTHER})
    lenient = 'Client(os.environ.get("HUBSPOT_ACCESS_TOKEN"))'
    assert f"client = {lenient}" in results["client.py"].new.decode()
    assert f"hub = {lenient}" in results["other.py"].new.decode()
    _imports_without_token(tmp_path, "client", results["client.py"].new.decode())


def test_a_strict_key_read_at_import_stays_strict(tmp_path):
    strict = PARTIAL.replace(
        'os.environ.get("HUBSPOT_API_KEY")', 'os.environ["HUBSPOT_API_KEY"]'
    )
    new = tree(tmp_path, {"client.py": strict})["client.py"].new.decode()
    assert '"Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]' in new


def test_a_lenient_key_read_in_a_function_is_not_read_at_import(tmp_path):
    inside = """\
import os

import requests


def contacts():
    params = {"hapikey": os.getenv("HUBSPOT_API_KEY")}
    return requests.get("https://api.hubapi.com/crm/v3/objects/contacts", params=params).json()
"""
    new = tree(tmp_path, {"client.py": inside})["client.py"].new.decode()
    assert '"Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]' in new


# -- 3. an instance handed out by another module's factory -------------------

HUB = """\
import os

import requests

BASE = "https://api.hubapi.com"


class HubClient:
    def __init__(self):
        self.session = requests.Session()
        self.session.params = {"hapikey": os.environ["HUBSPOT_API_KEY"]}

    def contacts(self):
        return self.session.get(BASE + "/crm/v3/objects/contacts").json()
"""
FACTORY = """\
from hub import HubClient

_client = None


def get_client():
    global _client
    if _client is None:
        _client = HubClient()
    return _client
"""
SYNC = """\
from factory import get_client


def run():
    return get_client().contacts()
"""
CDN = """\
from factory import get_client


def download(path):
    client = get_client()
    return client.session.get("https://cdn.example.com/" + path).content
"""


def test_an_instance_another_module_hands_out_keeps_the_session_manual(tmp_path):
    files = {"hub.py": HUB, "factory.py": FACTORY, "sync.py": SYNC, "cdn.py": CDN}
    results = tree(tmp_path, files)
    assert _statuses(results["hub.py"]) == {Status.MANUAL}
    assert not results["hub.py"].changed


def test_an_instance_another_module_keeps_to_itself_still_migrates(tmp_path):
    kept = """\
from hub import HubClient

_client = HubClient()


def contacts():
    return _client.contacts()
"""
    results = tree(tmp_path, {"hub.py": HUB, "user.py": kept})
    assert _statuses(results["hub.py"]) == {Status.REWRITE}


SETTINGS = 'import os\n\nHUBSPOT_API_KEY = os.environ.get("HUBSPOT_API_KEY")\n'
BUILDER = """import requests

from settings import HUBSPOT_API_KEY

BASE = "https://api.hubapi.com"


def authed_url(endpoint, api_key=HUBSPOT_API_KEY):
    return "%s%s?hapikey=%s" % (BASE, endpoint, api_key)


def create_contact(email, body):
    return requests.post(authed_url("/contacts/v1/contact/createOrUpdate/email/" + email), json=body)
"""


def test_a_builder_default_imported_from_lenient_settings_reads_the_token_leniently(
    tmp_path,
):
    # review 20's R10: the default became os.environ["HUBSPOT_ACCESS_TOKEN"],
    # evaluated when the def runs: importing the module raised without it
    results = tree(tmp_path, {"settings.py": SETTINGS, "hubspot_utils.py": BUILDER})
    result = results["hubspot_utils.py"]
    assert _statuses(result) == {Status.REWRITE}
    new = result.new.decode()
    assert 'api_key=os.environ.get("HUBSPOT_ACCESS_TOKEN")' in new
    settings = results["settings.py"].new
    (tmp_path / "settings.py").write_bytes(settings if settings is not None else b"")
    _imports_without_token(tmp_path, "hubspot_utils", new)


REGIONAL = """import os
import requests

HUBSPOT_API_KEY = os.environ["HUBSPOT_API_KEY"]
REGIONAL_KEYS = {"us": HUBSPOT_API_KEY, "eu": os.environ.get("HUBSPOT_EU_API_KEY")}


def all_contacts():
    return requests.get(
        "https://api.hubapi.com/contacts/v1/lists/all/contacts/all",
        params={"hapikey": HUBSPOT_API_KEY, "count": 100},
    ).json()


def delete_contact(region, vid):
    key = REGIONAL_KEYS[region]
    return requests.delete(
        "https://api.hubapi.com/contacts/v1/contact/vid/%s" % vid, params={"hapikey": key}
    )
"""


def test_a_dict_of_portals_naming_the_main_key_keeps_its_plain_use_manual(tmp_path):
    # review 20's R9: the dict named the main key by its variable, so only the
    # EU key counted, and the plain use of the main key became the one token
    result = tree(tmp_path, {"hs.py": REGIONAL})["hs.py"]
    assert _statuses(result) == {Status.MANUAL}
    assert result.new is None
    reasons = " ".join(s.reason for s in key_sites(result))
    assert "HUBSPOT_API_KEY, HUBSPOT_EU_API_KEY" in reasons


PER_PORTAL = """import os
import requests


def api_key(portal="prod"):
    return os.environ["HUBSPOT_%s_API_KEY" % portal.upper()]


def prod_contacts():
    return requests.get(
        "https://api.hubapi.com/contacts/v1/lists/all/contacts/all",
        params={"hapikey": api_key()},
    ).json()


def copy_to_sandbox(contact):
    return requests.post(
        "https://api.hubapi.com/contacts/v1/contact",
        params={"hapikey": api_key("sandbox")},
        json=contact,
    )
"""


def test_a_key_function_picking_a_portals_variable_keeps_its_default_call_manual(
    tmp_path,
):
    # review 20's R9 variant: api_key() (the default portal) became the one
    # token while api_key("sandbox") was left manual as another portal's key
    result = tree(tmp_path, {"hs.py": PER_PORTAL})["hs.py"]
    assert _statuses(result) == {Status.MANUAL}
    assert result.new is None


def test_a_lookup_in_a_table_does_not_hold_back_the_configured_key(tmp_path):
    source = (
        "import os\nimport requests\n\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "TENANT_KEYS = {}\n\n\n"
        "def key_for(portal):\n    return TENANT_KEYS[portal]\n\n\n"
        "def owners():\n    return requests.get('https://api.hubapi.com/owners/v2/owners',"
        " params={'hapikey': KEY})\n\n\n"
        "def tenant_owners(portal):\n    return requests.get("
        "'https://api.hubapi.com/owners/v2/owners', params={'hapikey': key_for(portal)})\n"
    )
    result = tree(tmp_path, {"hs.py": source})["hs.py"]
    statuses = sorted(s.status.value for s in key_sites(result))
    assert statuses == ["manual", "rewrite"]


REGIONAL_SETTINGS = """\
import os

HUBSPOT_API_KEY = os.environ["HUBSPOT_API_KEY"]
REGIONAL_KEYS = {
    "us": HUBSPOT_API_KEY,
    "eu": os.environ.get("HUBSPOT_EU_API_KEY"),
}
"""
PLAIN_USE = """\
import requests

from app.settings import HUBSPOT_API_KEY


def all_contacts():
    return requests.get(
        "https://api.hubapi.com/contacts/v1/lists/all/contacts/all",
        params={"hapikey": HUBSPOT_API_KEY, "count": 100},
    ).json()
"""
REGION_BY_MODULE = """\
import requests

from app import settings


def delete_contact(region, vid):
    key = settings.REGIONAL_KEYS[region]
    return requests.delete(
        "https://api.hubapi.com/contacts/v1/contact/vid/%s" % vid, params={"hapikey": key}
    )
"""
REGION_BY_NAME = """\
import requests

from app.settings import REGIONAL_KEYS


def delete_contact(region, vid):
    return requests.delete(
        "https://api.hubapi.com/contacts/v1/contact/vid/%s" % vid,
        params={"hapikey": REGIONAL_KEYS[region]},
    )
"""


def test_a_settings_dict_of_portals_read_from_another_module_keeps_the_plain_use_manual(
    tmp_path,
):
    # review 20's R9 rest: the portals' dict lives in the settings module and
    # is looked up from another module; the plain use of the main key became
    # the one token, so the EU portal's requests, migrated by hand with that
    # token, would have gone to the US portal's data
    for gdpr in (REGION_BY_MODULE, REGION_BY_NAME):
        files = {
            "app/__init__.py": "",
            "app/settings.py": REGIONAL_SETTINGS,
            "app/contacts.py": PLAIN_USE,
            "app/gdpr.py": gdpr,
        }
        results = tree(tmp_path / str(len(gdpr)), files)
        contacts = results["app/contacts.py"]
        assert _statuses(contacts) == {Status.MANUAL}
        assert contacts.new is None
        reasons = " ".join(s.reason for s in key_sites(contacts))
        assert "HUBSPOT_API_KEY, HUBSPOT_EU_API_KEY" in reasons


def test_a_settings_dict_holding_the_one_key_does_not_hold_back_its_plain_use(tmp_path):
    settings = REGIONAL_SETTINGS.replace(
        '    "eu": os.environ.get("HUBSPOT_EU_API_KEY"),\n', ""
    )
    files = {
        "app/__init__.py": "",
        "app/settings.py": settings,
        "app/contacts.py": PLAIN_USE,
        "app/gdpr.py": REGION_BY_MODULE,
    }
    contacts = tree(tmp_path, files)["app/contacts.py"]
    assert _statuses(contacts) == {Status.REWRITE}


PORTAL_COPY = """\
import requests

# APIKey for FROM portal
FromAPIKey = ""
# APIKey for TO portal
ToAPIKey = ""

get_url = "https://api.hubapi.com/contacts/v1/lists?count=250&hapikey=" + FromAPIKey
post_url = "https://api.hubapi.com/contacts/v1/lists?count=250&hapikey=" + ToAPIKey


def copy_lists():
    for hs_list in requests.get(url=get_url).json()["lists"]:
        requests.post(url=post_url, json=hs_list)
"""


def test_two_names_holding_the_same_text_are_two_portals_keys(tmp_path):
    # real sample 3: a portal-copy script published with both keys emptied;
    # taken for one key (same text), both URLs got the one token, and the
    # script copied the portal's lists into itself
    result = tree(tmp_path, {"copy_lists.py": PORTAL_COPY})["copy_lists.py"]
    assert _statuses(result) == {Status.MANUAL}
    assert result.new is None


def test_two_names_holding_the_same_placeholder_are_two_portals_keys(tmp_path):
    # review 21's R16: "YOUR_API_KEY" under both names was one key again
    source = PORTAL_COPY.replace('= ""', '= "YOUR_API_KEY"')
    result = tree(tmp_path, {"copy_lists.py": source})["copy_lists.py"]
    assert _statuses(result) == {Status.MANUAL}
    assert result.new is None


def test_one_name_holding_a_written_key_sent_twice_is_one_key(tmp_path):
    source = PORTAL_COPY.replace("+ ToAPIKey", "+ FromAPIKey")
    result = tree(tmp_path, {"copy_lists.py": source})["copy_lists.py"]
    assert _statuses(result) == {Status.REWRITE}


def test_a_written_key_named_once_and_given_as_a_default_is_one_key(tmp_path):
    # real sample 2: the same written key as a parameter's default and as the
    # module's variable the callers pass: one portal's key, not two
    key = "4f2c9a1e-7b3d-4e5f-8a9b-0c1d2e3f4a5b"
    source = (
        "import requests\n\n\n"
        f'def get_owner(owner_id, apikey="{key}"):\n'
        "    return requests.get(\n"
        '        "https://api.hubapi.com/crm/v3/owners/" + owner_id,\n'
        '        params={"hapikey": apikey},\n'
        "    ).json()\n\n\n"
        f'hubspot_apikey = "{key}"\n'
        'owner = get_owner("7", apikey=hubspot_apikey)\n'
    )
    result = tree(tmp_path, {"owners.py": source})["owners.py"]
    assert _statuses(result) == {Status.REWRITE}
