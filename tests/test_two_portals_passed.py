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


# -- review 22: the call in another module, a class client, **kwargs ---------

LIBRARY = COPIER.split('\n\nif __name__ == "__main__":')[0] + "\n"
CLI = """\
import os
import sys

from copier import copy_workflow

if __name__ == "__main__":
    copy_workflow(sys.argv[1], os.environ["FROM_PORTAL_KEY"], os.environ["TO_PORTAL_KEY"])
"""


def test_a_caller_in_another_module_handing_both_keys(tmp_path):
    results = tree(tmp_path, {"copier.py": LIBRARY, "cli.py": CLI})
    for name in ("copier.py", "cli.py"):
        assert {s.status for s in key_sites(results[name])} <= {Status.MANUAL}, name
        assert not results[name].changed, name


COPIER_CLASS = """\
import requests

BASE = "https://api.hubapi.com"


class WorkflowCopier:
    def __init__(self, source_key, target_key):
        self.source_key = source_key
        self.target_key = target_key

    def workflows(self):
        url = BASE + "/automation/v3/workflows?hapikey=%s" % self.source_key
        return requests.get(url).json()["workflows"]

    def copy(self):
        for wf in self.workflows():
            requests.post(BASE + "/automation/v3/workflows", params={"hapikey": self.target_key}, json=wf)
"""
SETTINGS = """\
import os

SOURCE_PORTAL_KEY = os.environ["SOURCE_PORTAL_KEY"]
TARGET_PORTAL_KEY = os.environ["TARGET_PORTAL_KEY"]
"""
MAIN = """\
import settings
from lists import WorkflowCopier

if __name__ == "__main__":
    WorkflowCopier(settings.SOURCE_PORTAL_KEY, settings.TARGET_PORTAL_KEY).copy()
"""


def test_a_class_client_made_in_another_module_with_two_portals(tmp_path):
    files = {"lists.py": COPIER_CLASS, "settings.py": SETTINGS, "main.py": MAIN}
    results = tree(tmp_path, files)
    for name in files:
        assert not results[name].changed, name
    assert {s.status for s in key_sites(results["lists.py"])} == {Status.MANUAL}


def test_the_source_key_handed_through_kwargs(tmp_path):
    source = COPIER.replace(
        "def copy_workflow(workflow_id, from_key, to_key):",
        "def copy_workflow(workflow_id, to_key, **portals):",
    ).replace(
        "url_wf(workflow_id, from_key)", 'url_wf(workflow_id, portals["from_key"])'
    )
    source = source.replace(
        'copy_workflow(sys.argv[1], os.environ["FROM_PORTAL_KEY"], os.environ["TO_PORTAL_KEY"])',
        'copy_workflow(sys.argv[1], to_key=os.environ["TO_PORTAL_KEY"], '
        'from_key=os.environ["FROM_PORTAL_KEY"])',
    )
    result, sites = _sites(tmp_path, source)
    assert {s.status for s in sites} == {Status.MANUAL}
    assert not result.changed


def test_another_services_token_beside_the_key_is_no_second_portal(tmp_path):
    main = MAIN.replace(
        "WorkflowCopier(settings.SOURCE_PORTAL_KEY, settings.TARGET_PORTAL_KEY)",
        "Sync(settings.HUBSPOT_API_KEY, settings.SLACK_TOKEN)",
    ).replace("from lists import WorkflowCopier", "from sync import Sync")
    sync = """\
import requests


class Sync:
    def __init__(self, api_key, slack_token):
        self.api_key = api_key
        self.slack_token = slack_token

    def copy(self):
        return requests.get(
            "https://api.hubapi.com/crm/v3/objects/contacts",
            params={"hapikey": self.api_key},
        ).json()
"""
    settings = (
        'import os\n\nHUBSPOT_API_KEY = os.environ["HUBSPOT_API_KEY"]\n'
        'SLACK_TOKEN = os.environ["SLACK_TOKEN"]\n'
    )
    results = tree(
        tmp_path, {"sync.py": sync, "settings.py": settings, "main.py": main}
    )
    assert {s.status for s in key_sites(results["sync.py"])} == {Status.REWRITE}
    assert results["main.py"].changed


def test_a_portal_key_whose_name_holds_a_service_word(tmp_path):
    # review 22, R14: "mail" inside HUBSPOT_EMAIL_PORTAL_KEY is no other service
    cli = CLI.replace("FROM_PORTAL_KEY", "HUBSPOT_EMAIL_PORTAL_KEY").replace(
        "TO_PORTAL_KEY", "HUBSPOT_MAIN_PORTAL_KEY"
    )
    results = tree(tmp_path, {"copier.py": LIBRARY, "cli.py": cli})
    assert not results["cli.py"].changed
    assert not results["copier.py"].changed
