"""Two portals' keys handed in by callers (review 21, R19).

A portal copier passes the source and the destination portal's keys to one
function, which hands the source key on to a URL builder whose site stays
manual. The destination key's plain use must not become the one provider token
(the copy would land in whichever portal the token belongs to): every key the
module's callers pass for a manual site's key parameter counts as sent.
"""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, tree

COPIER = """\
import os
import sys

import requests

BASE = "https://api.hubapi.com"


def url_wf(workflow_id, hapikey):
    return BASE + "/automation/v3/workflows/%s?hapikey=%s" % (workflow_id, hapikey)


def copy_workflow(workflow_id, from_key, to_key):
    wf = requests.get(url_wf(workflow_id, from_key)).json()
    wf.pop("id", None)
    return requests.post(BASE + "/automation/v3/workflows?hapikey=" + to_key, json=wf).json()


if __name__ == "__main__":
    copy_workflow(sys.argv[1], os.environ["FROM_PORTAL_KEY"], os.environ["TO_PORTAL_KEY"])
"""


def _sites(tmp_path, source: str):
    results = tree(tmp_path, {"copier.py": source})
    return results["copier.py"], key_sites(results["copier.py"])


def test_the_destination_key_is_not_made_the_one_token(tmp_path):
    result, sites = _sites(tmp_path, COPIER)
    assert {s.status for s in sites} == {Status.MANUAL}
    assert not result.changed
    assert all("FROM_PORTAL_KEY, TO_PORTAL_KEY" in s.reason for s in sites)


def test_the_source_key_reached_through_format(tmp_path):
    source = COPIER.replace(
        '"/automation/v3/workflows/%s?hapikey=%s" % (workflow_id, hapikey)',
        '"/automation/v3/workflows/{}?hapikey={}".format(workflow_id, hapikey)',
    )
    result, sites = _sites(tmp_path, source)
    assert {s.status for s in sites} == {Status.MANUAL}
    assert not result.changed


def test_keyword_arguments_and_a_module_constant(tmp_path):
    source = COPIER.replace(
        '    copy_workflow(sys.argv[1], os.environ["FROM_PORTAL_KEY"], '
        'os.environ["TO_PORTAL_KEY"])',
        "    copy_workflow(sys.argv[1], to_key=TO_KEY, from_key=FROM_KEY)",
    ).replace(
        'BASE = "https://api.hubapi.com"',
        'BASE = "https://api.hubapi.com"\n'
        'FROM_KEY = os.environ["FROM_PORTAL_KEY"]\n'
        'TO_KEY = os.environ["TO_PORTAL_KEY"]',
    )
    result, sites = _sites(tmp_path, source)
    assert {s.status for s in sites} == {Status.MANUAL}
    assert not result.changed


def test_one_portal_handed_to_both_still_migrates(tmp_path):
    # the same configured key for both parameters: one portal, one token
    source = COPIER.replace(
        'os.environ["FROM_PORTAL_KEY"], os.environ["TO_PORTAL_KEY"]',
        'os.environ["HUBSPOT_API_KEY"], os.environ["HUBSPOT_API_KEY"]',
    )
    result, sites = _sites(tmp_path, source)
    post = [s for s in sites if s.line == 16]
    assert [s.status for s in post] == [Status.REWRITE]
    new = result.new.decode()
    assert '"/automation/v3/workflows", json=wf, headers=' in new
