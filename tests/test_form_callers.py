"""A module-level helper that adds the key to whatever URL it is given
(``def send(method, url, **kw)``) sends the token there once migrated, so every
call in the tree must hand it a HubSpot API URL. A form submission
(``forms.hubspot.com/uploads/form/v2/...``) takes no credential: a call in
another module handing one in keeps the helper as it is, for a person. Before,
only other hosts and developer-key APIs were refused there, and each visitor's
form submission went out with ``Authorization: Bearer <token>`` (review 24,
R14)."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, tree

HS = """\
import os

import requests

KEY = os.environ["HUBSPOT_API_KEY"]


def send(method, url, **kwargs):
    kwargs.setdefault("params", {})["hapikey"] = KEY
    return requests.request(method, url, **kwargs)
"""
OWNERS = (
    "from hs import send\n\n\ndef owners():\n"
    '    return send("GET", "https://api.hubapi.com/owners/v2/owners").json()\n'
)
SUBMIT = (
    "\n\ndef submit(portal_id, form_guid, fields):\n"
    '    url = "https://forms.hubspot.com/uploads/form/v2/%s/%s" % (portal_id, form_guid)\n'
    "    return send('POST', url, data=fields)\n"
)


def test_a_callers_form_submission_keeps_the_helper_manual(tmp_path):
    results = tree(tmp_path, {"hs.py": HS, "jobs.py": OWNERS + SUBMIT})
    sites = key_sites(results["hs.py"])
    assert sites and {s.status for s in sites} == {Status.MANUAL}
    assert all("form submission URL" in s.reason for s in sites)
    assert "jobs.py" in sites[0].reason
    assert results["hs.py"].new is None  # the key stays where it was


def test_api_callers_only_still_migrate(tmp_path):
    results = tree(tmp_path, {"hs.py": HS, "jobs.py": OWNERS})
    sites = key_sites(results["hs.py"])
    assert sites and {s.status for s in sites} == {Status.REWRITE}
    migrated = results["hs.py"].new.decode()
    assert "hapikey" not in migrated and "Authorization" in migrated


def test_a_form_url_from_a_constant_of_the_callers_module_too(tmp_path):
    jobs = OWNERS + (
        '\nFORMS = "https://forms.hubspot.com/uploads/form/v2/"\n'
        "\n\ndef submit(portal_id, form_guid, fields):\n"
        "    return send('POST', FORMS + portal_id + '/' + form_guid, data=fields)\n"
    )
    results = tree(tmp_path, {"hs.py": HS, "jobs.py": jobs})
    sites = key_sites(results["hs.py"])
    assert sites and Status.REWRITE not in {s.status for s in sites}
    assert results["hs.py"].new is None


def test_a_form_url_constant_read_by_another_module_says_no_token_is_added(tmp_path):
    # review 24, R8: the constant's reason said its readers "now send the token"
    constants = (
        'CONTACT_URL = "https://api.hubapi.com/contacts/v1/contact/vid/{vid}'
        '/profile?hapikey={hs_key}"\n'
        'FORM_URL = "https://forms.hubspot.com/uploads/form/v2/{portal_id}'
        '/{form_guid}?hapikey={hs_key}"\n'
    )
    client = (
        "import requests\n\nfrom hs.constants import CONTACT_URL, FORM_URL\n\n\n"
        "def contact(vid, hs_key):\n"
        "    return requests.get(CONTACT_URL.format(vid=vid, hs_key=hs_key)).json()\n"
        "\n\ndef submit(portal_id, form_guid, fields, hs_key):\n"
        "    url = FORM_URL.format(portal_id=portal_id, form_guid=form_guid,"
        " hs_key=hs_key)\n"
        "    return requests.post(url, data=fields)\n"
    )
    main = (
        "import os\n\nfrom hs import client\n\n"
        'KEY = os.environ["HUBSPOT_API_KEY"]\nprint(client.contact(1, KEY))\n'
        'client.submit(123, "guid", {"email": "a@example.com"}, KEY)\n'
    )
    results = tree(
        tmp_path,
        {
            "hs/__init__.py": "",
            "hs/constants.py": constants,
            "hs/client.py": client,
            "main.py": main,
        },
    )
    contact_site, form_site = key_sites(results["hs/constants.py"])
    assert form_site.status == Status.REWRITE
    assert "no token is added" in form_site.reason
    assert "now send the token" not in form_site.reason
    assert "now send the token" in contact_site.reason
