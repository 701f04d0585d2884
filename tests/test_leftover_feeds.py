"""An old key variable still read in a file whose migrated code now sends a
value given at run time as the token (``--api-key`` defaulting to
``$HUBSPOT_API_KEY``) is reported so that nobody keeps a key in it: that
value may become the Bearer token, so the advice is to put a token there,
not "keep the old variable set" (which sends the key as a Bearer token: 401;
review 23, R8)."""

from __future__ import annotations

from hapimigrate.model import Kind, Status
from tests.trees import tree

SCRIPT = """\
import argparse
import os

import requests

parser = argparse.ArgumentParser(description="Copy HubSpot owners")
parser.add_argument("--api-key", default=os.environ.get("HUBSPOT_API_KEY"))
args = parser.parse_args()

r = requests.get("https://api.hubapi.com/owners/v2/owners", params={"hapikey": args.api_key})
r.raise_for_status()
"""


def _setting(result):
    (site,) = [s for s in result.sites if s.kind == Kind.SETTING]
    return site


def test_a_default_of_the_sent_value_must_hold_a_token(tmp_path):
    results = tree(tmp_path, {"sync_owners.py": SCRIPT})
    result = results["sync_owners.py"]
    assert b"Bearer" in result.new
    site = _setting(result)
    assert site.status == Status.MANUAL and site.line == 7
    assert "HUBSPOT_API_KEY must hold an access token now" in site.reason
    assert "(line 10)" in site.reason


def test_a_read_beside_the_providers_token_keeps_the_old_advice(tmp_path):
    script = SCRIPT.replace(
        'params={"hapikey": args.api_key}',
        'params={"hapikey": os.environ["HUBSPOT_API_KEY"]}',
    ).replace(
        "args = parser.parse_args()", "args = parser.parse_args()\nprint(args.api_key)"
    )
    results = tree(tmp_path, {"sync_owners.py": script})
    result = results["sync_owners.py"]
    assert b"HUBSPOT_ACCESS_TOKEN" in result.new
    site = _setting(result)
    assert "access token now" not in site.reason and "keep" in site.reason


def test_the_old_variable_feeding_a_bearer_already_sent_must_hold_a_token(tmp_path):
    # review 24, R15: "keep it set" would send the API key as the only Bearer
    app = (
        "import os\nimport requests\n\n"
        'HUBSPOT_TOKEN = os.environ["HUBSPOT_API_KEY"]\n\n\n'
        "def contact_id(email):\n"
        '    url = f"https://api.hubapi.com/crm/v3/objects/contacts/search'
        '?hapikey={HUBSPOT_TOKEN}"\n'
        '    headers = {"Authorization": f"Bearer {HUBSPOT_TOKEN}"}\n'
        "    return requests.post(url, json={}, headers=headers).json()\n"
    )
    results = tree(tmp_path, {"app.py": app})
    site = _setting(results["app.py"])
    assert "HUBSPOT_API_KEY must hold an access token now" in site.reason
