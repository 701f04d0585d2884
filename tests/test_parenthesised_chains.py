"""A ``+`` chain in parentheses (``url = (BASE + path\\n + "?hapikey=" + KEY)``,
as black writes a long one) is the same chain: its key is cut and the header
added. It was "a hapikey use the codemod does not recognise"."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, tree

CHAINS = """\
import os

import requests

KEY = os.environ["HUBSPOT_API_KEY"]
BASE = "https://api.hubapi.com"


def everyone():
    url = ("https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=" + KEY)
    return requests.get(url).json()


def profile(vid, prop):
    url = (
        BASE
        + "/contacts/v1/contact/vid/"
        + str(vid)
        + "/profile?hapikey="
        + KEY
        + "&property="
        + prop
    )
    return requests.get(url).json()


def deal(deal_id):
    return requests.get(
        (BASE + "/deals/v1/deal/" + str(deal_id)) + "?hapikey=" + KEY
    ).json()
"""


def test_a_parenthesised_chain_is_cut_like_a_bare_one(tmp_path):
    result = tree(tmp_path, {"hs.py": CHAINS})["hs.py"]
    assert [s.status for s in key_sites(result)] == [Status.REWRITE] * 3
    text = result.new.decode()
    assert "hapikey" not in text and "HUBSPOT_API_KEY" not in text
    assert 'url = ("https://api.hubapi.com/contacts/v1/lists/all/contacts/all")' in text
    assert '+ "/profile?property="\n        + prop\n    )' in text
    assert '(BASE + "/deals/v1/deal/" + str(deal_id))' in text


def test_parenthesised_chains_behave(tmp_path):
    files = {
        "src/hs.py": CHAINS,
        "scenario.py": (
            '"""Long URLs built in parentheses."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
            "def case_everyone(credential):\n    import hs\n\n    hs.everyone()\n\n\n"
            "def case_profile(credential):\n    import hs\n\n"
            '    hs.profile(7, "email")\n\n\n'
            "def case_deal(credential):\n    import hs\n\n    hs.deal(9)\n"
        ),
    }
    behaves(tmp_path / "chains", files, manual=0)
