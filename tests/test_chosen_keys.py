"""Two portals' keys stay two even where the use choosing between them stays
manual. Found on real public code: a module picks ``PROD_HAPIKEY`` or
``test_hapikey`` by a flag for most calls (left manual: several keys) and
sends ``os.environ["test_hapikey"]`` alone in one more; that one became the
provider's single token, standing for the test portal's key beside the
production one."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, tree

CHOOSER = """\
import os

import requests


def objects(kind, prod=False):
    if prod:
        hapikey = os.environ["PROD_HAPIKEY"]
    else:
        hapikey = os.environ["test_hapikey"]
    query = {"limit": "5", "hapikey": hapikey}
    return requests.get("https://api.hubapi.com/crm/v3/objects/" + kind, params=query).json()
"""
PLAIN = """\
import os

import requests


def properties(kind):
    query = {"hapikey": os.environ["test_hapikey"]}
    return requests.get("https://api.hubapi.com/crm/v3/properties/" + kind, params=query).json()
"""


def _statuses(result) -> set:
    return {s.status for s in key_sites(result)}


def test_a_key_beside_a_choice_of_keys_in_its_module_stays_manual(tmp_path):
    both = CHOOSER + "\n\n" + PLAIN.split("\n\n\n", 1)[1]
    results = tree(tmp_path, {"hs/__init__.py": "", "hs/utils.py": both})
    assert _statuses(results["hs/utils.py"]) == {Status.MANUAL}
    assert not results["hs/utils.py"].changed


def test_a_key_another_module_chooses_between_stays_manual(tmp_path):
    files = {"hs/__init__.py": "", "hs/pick.py": CHOOSER, "hs/props.py": PLAIN}
    results = tree(tmp_path, files)
    assert _statuses(results["hs/props.py"]) == {Status.MANUAL}
    assert "test_hapikey" in key_sites(results["hs/props.py"])[0].reason
    assert not results["hs/props.py"].changed


def test_one_key_alone_still_migrates(tmp_path):
    results = tree(tmp_path, {"hs/__init__.py": "", "hs/props.py": PLAIN})
    assert _statuses(results["hs/props.py"]) == {Status.REWRITE}


def test_keys_chosen_through_a_dict_of_portals_count_too(tmp_path):
    """A review: the same choice made by a lookup in a module's dict."""
    chooser = (
        "import os\n\nimport requests\n\n"
        'KEYS = {"prod": os.environ.get("PROD_HAPIKEY"), '
        '"test": os.environ.get("test_hapikey")}\n\n\n'
        'def objects(kind, portal="test"):\n'
        '    query = {"limit": "5", "hapikey": KEYS[portal]}\n'
        '    return requests.get("https://api.hubapi.com/crm/v3/objects/" + kind,'
        " params=query).json()\n"
    )
    files = {"hs/__init__.py": "", "hs/pick.py": chooser, "hs/props.py": PLAIN}
    results = tree(tmp_path, files)
    assert _statuses(results["hs/props.py"]) == {Status.MANUAL}
    assert not results["hs/props.py"].changed


def test_keys_chosen_through_a_dict_built_by_a_comprehension_count_too(tmp_path):
    """A review: the portals' dict built per portal name, its variables made
    at run time."""
    chooser = (
        "import os\n\nimport requests\n\n"
        'KEYS = {p: os.environ.get("HUBSPOT_KEY_" + p.upper()) for p in ("prod", "test")}\n\n\n'
        'def objects(kind, portal="test"):\n'
        '    query = {"limit": "5", "hapikey": KEYS[portal]}\n'
        '    return requests.get("https://api.hubapi.com/crm/v3/objects/" + kind,'
        " params=query).json()\n"
    )
    plain = PLAIN.replace("test_hapikey", "HUBSPOT_KEY_TEST")
    files = {"hs/__init__.py": "", "hs/pick.py": chooser, "hs/props.py": plain}
    results = tree(tmp_path, files)
    assert _statuses(results["hs/props.py"]) == {Status.MANUAL}
