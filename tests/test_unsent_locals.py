"""A function's keyed dict that no request can see (never read, or bound
again before any read) goes once the function's requests migrate: it was
"parameter_dict is not used in this module", left for a person although only
the key kept it alive (real sample 3: a Flask app's contact pulls)."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, tree

APP = """\
import os
from urllib.parse import urlencode

import requests

api_key = os.environ["HUBSPOT_API_KEY"]
ALL = "https://api.hubapi.com/contacts/v1/lists/all/contacts/all?"


def get_others(other):
    parameter_dict = {"hapikey": api_key}
    found = []
    parameter_dict = {"hapikey": api_key, "property": other}
    has_more = True
    while has_more:
        response = requests.get(url=ALL + urlencode(parameter_dict)).json()
        found += response["contacts"]
        has_more = response["has-more"]
    return found


def hub_pull():
    parameter_dict = {"hapikey": api_key}
    return {name: get_others(name) for name in ("city", "email")}
"""


def test_keyed_locals_no_request_sees_go_with_the_migration(tmp_path):
    result = tree(tmp_path, {"app.py": APP})["app.py"]
    assert {s.status for s in key_sites(result)} == {Status.REWRITE}
    text = result.new.decode()
    assert "hapikey" not in text and "HUBSPOT_API_KEY" not in text
    assert 'parameter_dict = {"property": other}' in text


def test_a_local_bound_again_on_one_path_only_stays_manual(tmp_path):
    source = APP.replace(
        '    found = []\n    parameter_dict = {"hapikey": api_key, "property": other}\n',
        '    found = []\n    if other:\n        parameter_dict = {"hapikey": api_key, "property": other}\n',
    )
    result = tree(tmp_path, {"app.py": source})["app.py"]
    # the first dict reaches the request when `other` is empty: never removed
    # as unsent (whatever else becomes of the site)
    first = next(s for s in key_sites(result) if s.line == 11)
    assert "nothing reads or sends it" not in first.reason
    assert result.new is None or '{"hapikey": api_key}' not in result.new.decode()


def test_keyed_locals_behave(tmp_path):
    files = {
        "src/app.py": APP,
        "scenario.py": (
            '"""A Flask app pulling contacts page by page."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
            "def case_pull(credential):\n    import app\n\n    app.hub_pull()\n"
        ),
    }
    behaves(tmp_path / "pull", files, manual=0)


def test_a_keyed_local_read_through_locals_stays(tmp_path):
    # review 21's R11: "...".format(**locals()) reads every local by name;
    # the keyed dict removed as unread made the format raise KeyError
    source = APP.replace(
        'def hub_pull():\n    parameter_dict = {"hapikey": api_key}\n',
        'def hub_pull():\n    parameter_dict = {"hapikey": api_key}\n'
        '    print("pulling with {parameter_dict}".format(**locals()))\n',
    )
    assert source != APP
    result = tree(tmp_path, {"app.py": source})["app.py"]
    text = result.new.decode() if result.new else source
    assert "def hub_pull():\n    parameter_dict = " in text
