"""A request that already sends the key's variable as a Bearer token loses
only its ``hapikey`` parameter, and only when that variable is the
configured key read nowhere else: a start-up check of its format (which would
refuse a token), a hard-coded API key (``Bearer <api key>`` cannot work) or a
tenant's stored key (each tenant's row would need a token) keep the site for
a person (review 24, R2, R11). Another request sending the same variable as
Bearer is the same token, no obstacle."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.trees import key_sites, tree

SEARCH = (
    "\n\ndef contact_id(email):\n"
    '    url = f"https://api.hubapi.com/crm/v3/objects/contacts/search'
    '?hapikey={HUBSPOT_TOKEN}"\n'
    '    headers = {"Authorization": f"Bearer {HUBSPOT_TOKEN}", '
    '"Content-Type": "application/json"}\n'
    "    return requests.post(url, json={}, headers=headers).json()\n"
)
ENV = 'import os\nimport re\nimport sys\n\nimport requests\n\nHUBSPOT_TOKEN = os.getenv("HUBSPOT_TOKEN")\n'
NEAR_MISSES = {
    "a start-up format check": ENV
    + 'if not re.fullmatch(r"[0-9a-f-]{36}", HUBSPOT_TOKEN or ""):\n'
    + '    sys.exit("HUBSPOT_TOKEN must be your portal API key")\n'
    + SEARCH,
    "a hard-coded API key": 'import requests\n\nHUBSPOT_TOKEN = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"\n'
    + SEARCH,
    "a tenant's stored key": "import requests\n"
    + SEARCH.replace(
        "def contact_id(email):", "def contact_id(portal, email):"
    ).replace("    url = f", "    HUBSPOT_TOKEN = portal.hubspot_key\n    url = f"),
}


@pytest.mark.parametrize("case", sorted(NEAR_MISSES))
def test_the_variable_must_be_the_configured_key_read_nowhere_else(tmp_path, case):
    results = tree(tmp_path, {"app.py": NEAR_MISSES[case]})
    sites = key_sites(results["app.py"])
    assert sites and Status.REWRITE not in [s.status for s in sites]
    assert results["app.py"].new is None


def test_another_request_sending_it_as_bearer_is_no_obstacle(tmp_path):
    other = (
        "\n\ndef log_email(body):\n"
        '    headers = {"Authorization": f"Bearer {HUBSPOT_TOKEN}"}\n'
        '    return requests.post("https://api.hubapi.com/crm/v3/objects/emails",'
        " json=body, headers=headers)\n"
    )
    results = tree(tmp_path, {"app.py": ENV + SEARCH + other})
    (site,) = key_sites(results["app.py"])
    assert site.status == Status.REWRITE and "must hold a token" in site.reason
    migrated = results["app.py"].new.decode()
    assert "hapikey" not in migrated and migrated.count("Bearer {HUBSPOT_TOKEN}") == 2
