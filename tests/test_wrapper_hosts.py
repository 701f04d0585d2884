"""A client method taking the whole URL from its callers (``def call(self,
method, url, **kwargs)``) sends the token wherever they point it once
migrated. Its own module's fixers see only its ``self.`` callers; the calls
through instances, in its module or others, are checked by the tree-wide step:
another host's URL, a form submission's, a URL whose host is unknown, or no
call seen at all keep the module as it is (review 24, R14: the token went to
Slack and with each visitor's form post). Callers handing HubSpot API URLs only
still migrate, and the requests carry the token."""

from __future__ import annotations

from hapimigrate.model import Status
from hapimigrate import run
from tests.trees import OPTIONS, key_sites, run_against_standin, tree

CLIENT = """\
import os

import requests


class Client:
    def __init__(self):
        self.key = os.environ["HUBSPOT_API_KEY"]

    def call(self, method, url, **kwargs):
        kwargs.setdefault("params", {})["hapikey"] = self.key
        return requests.request(method, url, **kwargs)


CLIENT = Client()
"""
OWNERS = (
    "\n\ndef owners():\n"
    '    return CLIENT.call("GET", "https://api.hubapi.com/owners/v2/owners",'
    ' params={"limit": 5}).json()\n'
)
ALERT = (
    "\n\ndef alert(text):\n"
    '    return CLIENT.call("POST", "https://hooks.slack.com/services/T0/B0/X",'
    ' json={"text": text})\n'
)


def _statuses(result):
    return {s.status for s in key_sites(result)}


def test_an_instance_call_in_the_same_module_handing_slack_keeps_it(tmp_path):
    results = tree(tmp_path, {"hs.py": CLIENT + OWNERS + ALERT})
    result = results["hs.py"]
    assert _statuses(result) == {Status.MANUAL}
    assert "hooks.slack.com" in key_sites(result)[0].reason
    assert result.new is None


def test_another_modules_call_handing_slack_keeps_it(tmp_path):
    jobs = "from hs import CLIENT\n" + OWNERS + ALERT
    results = tree(tmp_path, {"hs.py": CLIENT, "jobs.py": jobs})
    result = results["hs.py"]
    assert _statuses(result) == {Status.MANUAL}
    assert "jobs.py:" in key_sites(result)[0].reason
    assert result.new is None


def test_a_form_submission_handed_in_keeps_it(tmp_path):
    submit = (
        "\n\ndef submit(portal, guid, fields):\n"
        '    return CLIENT.call("POST", "https://forms.hubspot.com/uploads/form/v2/%s/%s"'
        " % (portal, guid), data=fields)\n"
    )
    jobs = "from hs import CLIENT\n" + OWNERS + submit
    results = tree(tmp_path, {"hs.py": CLIENT, "jobs.py": jobs})
    result = results["hs.py"]
    assert _statuses(result) == {Status.MANUAL}
    assert "form submission" in key_sites(result)[0].reason


def test_a_url_the_call_takes_from_a_variable_keeps_it(tmp_path):
    # the tree-wide step reads the call's argument only: a name is a host
    # known at run time, whatever it holds
    submit = (
        "\n\ndef submit(portal, guid, fields):\n"
        '    url = "https://forms.hubspot.com/uploads/form/v2/%s/%s" % (portal, guid)\n'
        '    return CLIENT.call("POST", url, data=fields)\n'
    )
    jobs = "from hs import CLIENT\n" + OWNERS + submit
    results = tree(tmp_path, {"hs.py": CLIENT, "jobs.py": jobs})
    result = results["hs.py"]
    assert _statuses(result) == {Status.MANUAL}
    assert "known only at run time at jobs.py:" in key_sites(result)[0].reason


def test_no_call_seen_keeps_it(tmp_path):
    results = tree(tmp_path, {"hs.py": CLIENT})
    result = results["hs.py"]
    assert _statuses(result) == {Status.MANUAL}
    assert "no call of it in the tree is seen" in key_sites(result)[0].reason


def test_hubspot_urls_only_migrate_and_send_the_token(tmp_path):
    jobs = "from hs import CLIENT\n" + OWNERS
    results = tree(tmp_path / "tree", {"hs.py": CLIENT, "jobs.py": jobs})
    result = results["hs.py"]
    assert _statuses(result) == {Status.REWRITE}
    migrated = result.new.decode()
    assert "hapikey" not in migrated
    seen = run_against_standin(
        tmp_path / "run",
        {"hs.py": migrated, "jobs.py": jobs},
        "import jobs\njobs.owners()\n",
    )
    assert len(seen) == 1
    assert seen[0].authorization == "Bearer tok-main"
    assert seen[0].hapikey is None
    assert seen[0].query.get("limit") == ["5"]


def test_a_call_through_the_module_holding_the_instance_is_seen(tmp_path):
    # import hs; hs.CLIENT.call(...): seen, so its HubSpot URL lets it migrate,
    # and a Slack URL given that way keeps it
    jobs = OWNERS.replace("CLIENT.call", "hs.CLIENT.call")
    results = tree(tmp_path / "a", {"hs.py": CLIENT, "jobs.py": "import hs\n" + jobs})
    assert _statuses(results["hs.py"]) == {Status.REWRITE}
    slack = ALERT.replace("CLIENT.call", "hs.CLIENT.call")
    results = tree(
        tmp_path / "b", {"hs.py": CLIENT, "jobs.py": "import hs\n" + jobs + slack}
    )
    assert _statuses(results["hs.py"]) == {Status.MANUAL}
    assert "hooks.slack.com" in key_sites(results["hs.py"])[0].reason


def test_a_notebook_calling_the_method_keeps_it(tmp_path):
    # the tree-wide step reads .py modules' calls only: a notebook's are unseen
    import json

    cell = 'from hs import CLIENT\nCLIENT.call("POST", "https://hooks.slack.com/x")\n'
    notebook = {
        "cells": [
            {
                "cell_type": "code",
                "metadata": {},
                "outputs": [],
                "execution_count": None,
                "source": cell,
            }
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (tmp_path / "alerts.ipynb").write_text(json.dumps(notebook))
    (tmp_path / "hs.py").write_text(CLIENT)
    (tmp_path / "jobs.py").write_text("from hs import CLIENT\n" + OWNERS)
    paths = sorted(str(p) for p in tmp_path.iterdir())
    (result,) = [
        r for r in run.results(paths, OPTIONS, jobs=1) if r.path.endswith("hs.py")
    ]
    assert _statuses(result) == {Status.MANUAL}
    assert "alerts.ipynb" in key_sites(result)[0].reason


GUARDED = CLIENT.replace(
    '        kwargs.setdefault("params", {})["hapikey"] = self.key\n',
    '        if "hubspot" in url or "hubapi" in url:\n'
    '            kwargs["params"] = dict(kwargs.get("params") or {}, hapikey=self.key)\n',
)


def test_a_key_condition_admitting_form_submissions_keeps_it(tmp_path):
    # review 25, R15: the header goes where the key went, and the key went to
    # forms.hubspot.com too ("hubspot" in url): a token must not
    form = (
        "\n\ndef submit(portal, guid, fields):\n"
        '    return CLIENT.call("POST", "https://forms.hubspot.com/uploads/form/v2/%s/%s"'
        " % (portal, guid), data=fields)\n"
    )
    jobs = "from hs import CLIENT\n" + OWNERS + ALERT + form
    results = tree(tmp_path / "a", {"hs.py": GUARDED, "jobs.py": jobs})
    assert _statuses(results["hs.py"]) == {Status.MANUAL}
    assert "form submission" in key_sites(results["hs.py"])[0].reason
    # the same without the form: Slack is outside the key's condition
    jobs = "from hs import CLIENT\n" + OWNERS + ALERT
    results = tree(tmp_path / "b", {"hs.py": GUARDED, "jobs.py": jobs})
    assert _statuses(results["hs.py"]) == {Status.REWRITE}


def test_an_embedded_forms_multipart_submission_is_a_form(tmp_path):
    # review 25, R13: forms.hsforms.com/submissions/v3/public/submit/...
    form = (
        "\n\ndef submit(portal, guid, fields):\n"
        '    return CLIENT.call("POST", "https://forms.hsforms.com/submissions/v3/'
        'public/submit/formsnext/multipart/%s/%s" % (portal, guid), files=fields)\n'
    )
    jobs = "from hs import CLIENT\n" + OWNERS + form
    results = tree(tmp_path, {"hs.py": CLIENT, "jobs.py": jobs})
    assert _statuses(results["hs.py"]) == {Status.MANUAL}
    assert "form submission" in key_sites(results["hs.py"])[0].reason


def test_a_call_through_a_receiver_not_traced_is_still_checked(tmp_path):
    # review 25, R12: a container's, a factory's or a parameter's instance
    # handing Slack, beside a traced call handing HubSpot's URL
    jobs = (
        "from hs import CLIENT\n\nCLIENTS = {'hubspot': CLIENT}\n"
        + OWNERS
        + ALERT.replace("CLIENT.call", "CLIENTS['hubspot'].call")
    )
    results = tree(tmp_path, {"hs.py": CLIENT, "jobs.py": jobs})
    assert _statuses(results["hs.py"]) == {Status.MANUAL}
    assert "hooks.slack.com" in key_sites(results["hs.py"])[0].reason
