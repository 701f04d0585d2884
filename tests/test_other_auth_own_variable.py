"""An environment read sent only to another host counts as another service's
token (``analysis/other_auth.py``) only when its variable names no HubSpot
credential: ``relay_token = os.environ["HUBSPOT_ACCESS_TOKEN"]`` posted to a
partner's relay is the very variable the migrated request would read, another
account's token; the site stays manual (review 23, R6). A Slack variable still
clears."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, tree

NOTIFY = """\
import os
import requests
HUBSPOT_API_KEY = os.environ["HUBSPOT_API_KEY"]
def log_call(contact_id, note):
    r = requests.post(
        "https://api.hubapi.com/engagements/v1/engagements?hapikey=" + HUBSPOT_API_KEY,
        json={"metadata": {"body": note}},
    )
    r.raise_for_status()
    relay_token = os.environ["{variable}"]
    requests.post("https://relay.partner-tools.example.com/v1/notify",
                  headers={"Authorization": "Bearer " + relay_token}, json={"c": contact_id})
"""


def test_the_providers_variable_sent_elsewhere_keeps_the_site(tmp_path):
    source = NOTIFY.replace("{variable}", "HUBSPOT_ACCESS_TOKEN")
    result = tree(tmp_path, {"notify.py": source})["notify.py"]
    (site,) = key_sites(result)
    assert site.status == Status.MANUAL
    assert result.new is None


def test_a_slack_variable_sent_elsewhere_still_clears(tmp_path):
    source = NOTIFY.replace("{variable}", "SLACK_ACCESS_TOKEN")
    result = tree(tmp_path, {"notify.py": source})["notify.py"]
    (site,) = key_sites(result)
    assert site.status == Status.REWRITE
    assert "SLACK_ACCESS_TOKEN" in result.new.decode()
