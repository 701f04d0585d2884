"""A table of portals' keys another module defines (review 21, R1).

``settings.REGIONAL_KEYS[region]`` sends a key per region: a plain use of the
main key elsewhere must not become the one provider token, whatever the
table's spelling (``.get``, ``import app.settings``, ``dict(...)``, filled item
by item, read with python-decouple, chosen under an ``if``) or when a settings
function picks the key by its argument.
"""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.trees import key_sites, tree

SETTINGS = """\
import os

HUBSPOT_API_KEY = os.environ["HUBSPOT_API_KEY"]
REGIONAL_KEYS = {
    "us": HUBSPOT_API_KEY,
    "eu": os.environ.get("HUBSPOT_EU_API_KEY"),
}


def regional_key(region):
    return {"us": HUBSPOT_API_KEY, "eu": os.environ.get("HUBSPOT_EU_API_KEY")}[region]
"""
CONTACTS = """\
import requests

from app.settings import HUBSPOT_API_KEY


def all_contacts():
    return requests.get(
        "https://api.hubapi.com/contacts/v1/lists/all/contacts/all",
        params={"hapikey": HUBSPOT_API_KEY, "count": 100},
    ).json()
"""
GDPR = """\
import requests

{imports}


def delete_contact(region, vid):
    key = {lookup}
    return requests.delete(
        "https://api.hubapi.com/contacts/v1/contact/vid/%s" % vid, params={{"hapikey": key}}
    )
"""
FROM_APP = "from app import settings"


def _results(tmp_path, settings: str, imports: str, lookup: str):
    files = {
        "app/__init__.py": "",
        "app/settings.py": settings,
        "app/contacts.py": CONTACTS,
        "app/gdpr.py": GDPR.format(imports=imports, lookup=lookup),
    }
    return tree(tmp_path, files)


@pytest.mark.parametrize(
    "settings, imports, lookup",
    [
        (SETTINGS, FROM_APP, "settings.REGIONAL_KEYS[region]"),
        (SETTINGS, FROM_APP, "settings.REGIONAL_KEYS.get(region)"),
        (SETTINGS, "import app.settings", "app.settings.REGIONAL_KEYS[region]"),
        (SETTINGS, FROM_APP, "settings.regional_key(region)"),
        (
            SETTINGS.replace(
                '{\n    "us": HUBSPOT_API_KEY,\n    "eu": os.environ.get("HUBSPOT_EU_API_KEY"),\n}',
                'dict(us=HUBSPOT_API_KEY, eu=os.environ.get("HUBSPOT_EU_API_KEY"))',
            ),
            FROM_APP,
            "settings.REGIONAL_KEYS[region]",
        ),
        (
            SETTINGS.replace(
                '{\n    "us": HUBSPOT_API_KEY,\n    "eu": os.environ.get("HUBSPOT_EU_API_KEY"),\n}',
                '{}\nREGIONAL_KEYS["us"] = HUBSPOT_API_KEY\n'
                'REGIONAL_KEYS["eu"] = os.environ.get("HUBSPOT_EU_API_KEY")',
            ),
            FROM_APP,
            "settings.REGIONAL_KEYS[region]",
        ),
        (
            "from decouple import config\n\n"
            'HUBSPOT_API_KEY = config("HUBSPOT_API_KEY")\n'
            'REGIONAL_KEYS = {"us": HUBSPOT_API_KEY, "eu": config("HUBSPOT_EU_API_KEY")}\n',
            "from app.settings import REGIONAL_KEYS",
            "REGIONAL_KEYS[region]",
        ),
        (
            'import os\n\nHUBSPOT_API_KEY = os.environ["HUBSPOT_API_KEY"]\n'
            'if os.environ.get("HUBSPOT_EU_API_KEY"):\n'
            '    REGIONAL_KEYS = {"us": HUBSPOT_API_KEY, "eu": os.environ["HUBSPOT_EU_API_KEY"]}\n'
            "else:\n"
            '    REGIONAL_KEYS = {"us": HUBSPOT_API_KEY}\n',
            FROM_APP,
            "settings.REGIONAL_KEYS[region]",
        ),
        (
            'HUBSPOT_API_KEY = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f"\n'
            'REGIONAL_KEYS = {"us": HUBSPOT_API_KEY, '
            '"eu": "0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d"}\n',
            FROM_APP,
            "settings.REGIONAL_KEYS[region]",
        ),
    ],
    ids=[
        "index",
        "get",
        "dotted",
        "picker",
        "dict_call",
        "items",
        "decouple",
        "if",
        "written",
    ],
)
def test_the_main_keys_plain_use_stays_manual(tmp_path, settings, imports, lookup):
    results = _results(tmp_path, settings, imports, lookup)
    contacts = key_sites(results["app/contacts.py"])
    assert [s.status for s in contacts] == [Status.MANUAL]
    assert "several keys" in contacts[0].reason
    assert not results["app/contacts.py"].changed
    assert not results["app/settings.py"].changed


def test_a_settings_mapping_read_by_a_literal_name_is_one_key(tmp_path):
    # .get("...") with a literal name reads one key: no table per region
    settings = SETTINGS + 'HUBSPOT = {"api_key": HUBSPOT_API_KEY}\n'
    contacts = CONTACTS.replace(
        "from app.settings import HUBSPOT_API_KEY", "from app.settings import HUBSPOT"
    ).replace('"hapikey": HUBSPOT_API_KEY', '"hapikey": HUBSPOT.get("api_key")')
    files = {"app/__init__.py": "", "app/settings.py": settings}
    files["app/contacts.py"] = contacts
    results = tree(tmp_path, files)
    sites = key_sites(results["app/contacts.py"])
    assert [s.status for s in sites] == [Status.REWRITE]


@pytest.mark.parametrize(
    "lookup",
    [
        'os.environ["HUBSPOT_API_KEY_" + region.upper()]',
        'os.getenv(f"HUBSPOT_{region.upper()}_API_KEY")',
        'getattr(settings, "HUBSPOT_%s_API_KEY" % region.upper(), settings.HUBSPOT_API_KEY)',
    ],
    ids=["environ", "getenv", "getattr"],
)
def test_a_key_picked_by_a_name_made_at_run_time(tmp_path, lookup):
    # review 22, R3: one key per region, whatever the spelling of the pick
    results = _results(tmp_path, SETTINGS, "import os\n\n" + FROM_APP, lookup)
    contacts = key_sites(results["app/contacts.py"])
    assert [s.status for s in contacts] == [Status.MANUAL]
    assert not results["app/contacts.py"].changed
