"""Dual-auth functions whose branches each BIND the headers (a Prefect utility
library's ``get_all_owners(hapikey, app_private_token)``: ``headers = {}`` with
the key in the query, ``headers = {"Authorization": ...}`` in the other
branch): the key's branch alone changes, its own literal getting the token and
the key leaving the query, the OAuth branch byte for byte. Where that is not
proven (the key's literal already authorizes; the headers also go to another
request or are changed; bound again after the chain; a branch binding none;
an Authorization under a separate test; the key's own presence picking the
branch; the key under a test nested in its branch) the site stays manual
(:mod:`hapimigrate.analysis.bound_headers`)."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import behaves, migrate

RETRYING = """\
import functools


def retry(tries=5):
    def wrap(function):
        @functools.wraps(function)
        def run(*args, **kwargs):
            for _ in range(tries - 1):
                try:
                    return function(*args, **kwargs)
                except ValueError:
                    pass
            return function(*args, **kwargs)

        return run

    return wrap
"""

OWNERS = """\
import json
import urllib.parse

import requests

from hsutils.retrying import retry


@retry(tries=5)
def get_all_owners(hapikey, app_private_token, next_url=None):
    if hapikey is not None:
        url = "https://api.hubapi.com/crm/v3/owners/?"
        parameter_dict = {"hapikey": hapikey}
        headers = {}
    else:
        url = next_url if next_url is not None else "https://api.hubapi.com/crm/v3/owners/"
        headers = {"content-type": "application/json",
                   'Authorization': f"Bearer {app_private_token}"}
        parameter_dict = ""
    parameters = urllib.parse.urlencode(parameter_dict)
    get_url = url + parameters
    r = requests.get(url=get_url, headers=headers)
    return json.loads(r.text)
"""

OAUTH_BRANCH = """\
    else:
        url = next_url if next_url is not None else "https://api.hubapi.com/crm/v3/owners/"
        headers = {"content-type": "application/json",
                   'Authorization': f"Bearer {app_private_token}"}
        parameter_dict = ""
"""

FLOWS = """\
import os

from hsutils.owners import get_all_owners


def owners_with_key():
    return get_all_owners(hapikey=os.environ["HUBSPOT_API_KEY"], app_private_token=None)


def owners_with_app(token):
    return get_all_owners(None, app_private_token=token)
"""

SCENARIO = '''\
"""A utility library taking a key or a private app's token; two callers."""
ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/crm/v3/owners/", "json": {"results": [{"id": "1"}]}},
]


def case_key(credential):
    from hsutils import flows

    assert flows.owners_with_key() == {"results": [{"id": "1"}]}


def case_caller_key(credential):
    from hsutils.owners import get_all_owners

    assert get_all_owners(hapikey=credential("main"), app_private_token=None)


def case_private_app(credential):
    from hsutils import flows

    assert flows.owners_with_app(credential("app"))
'''


def files(owners: str = OWNERS, flows: str = FLOWS) -> dict[str, str]:
    return {
        "hsutils/__init__.py": "",
        "hsutils/retrying.py": RETRYING,
        "hsutils/owners.py": owners,
        "hsutils/flows.py": flows,
    }


def site(tmp_path, owners: str = OWNERS, flows: str = FLOWS):
    out = migrate(tmp_path, files(owners, flows))
    statuses, text, reasons = out["hsutils/owners.py"]
    return statuses, text, " ".join(reasons), out


def manual(tmp_path, owners: str, *words: str) -> str:
    statuses, text, reasons, _ = site(tmp_path, owners)
    assert statuses == [Status.MANUAL], reasons
    assert text == owners
    for word in words:
        assert word in reasons, (word, reasons)
    return reasons


# -- migrated -------------------------------------------------------------------


def test_the_key_branch_literal_gets_the_callers_token(tmp_path):
    statuses, text, reasons, out = site(tmp_path)
    assert statuses == [Status.REWRITE], reasons
    assert "hapikey" not in text.replace("def get_all_owners(hapikey", "").replace(
        "if hapikey", ""
    ).replace('"Bearer " + hapikey', "")
    assert (
        "        parameter_dict = {}\n"
        '        headers = {"Authorization": "Bearer " + hapikey}\n'
    ) in text
    assert OAUTH_BRANCH in text  # byte for byte
    # the caller's configured key gives way to the provider's token
    flows = out["hsutils/flows.py"][1]
    assert "HUBSPOT_API_KEY" not in flows and "HUBSPOT_ACCESS_TOKEN" in flows
    assert "app_private_token=token" in flows


def test_the_library_behaves_the_same_with_the_token(tmp_path):
    tree = {f"src/{n}": t for n, t in files().items()}
    behaves(tmp_path, {**tree, "scenario.py": SCENARIO}, manual=0)


def test_a_literal_with_entries_keeps_them_and_its_layout(tmp_path):
    one_line = OWNERS.replace(
        "        headers = {}\n", '        headers = {"accept": "application/json"}\n'
    )
    _, text, reasons, _ = site(tmp_path / "a", one_line)
    assert (
        '        headers = {"accept": "application/json", '
        '"Authorization": "Bearer " + hapikey}\n'
    ) in text, reasons
    lines = OWNERS.replace(
        "        headers = {}\n",
        "        headers = {\n"
        '            "accept": "application/json",\n'
        '            "content-type": "application/json",\n'
        "        }\n",
    )
    _, text, reasons, _ = site(tmp_path / "b", lines)
    assert (
        "        headers = {\n"
        '            "accept": "application/json",\n'
        '            "content-type": "application/json",\n'
        '            "Authorization": "Bearer " + hapikey,\n'
        "        }\n"
    ) in text, reasons


ELIF = """\
import os

import requests

HUBSPOT_API_KEY = os.environ["HUBSPOT_API_KEY"]


def get_oauth_token():
    return os.environ["HUBSPOT_OAUTH_TOKEN"]


def deals(mode, app_token=None):
    if mode == "app":
        headers = {"Authorization": "Bearer " + app_token}
        params = {"limit": 10}
    elif mode == "key":
        params = {"limit": 10, "hapikey": HUBSPOT_API_KEY}
        headers = {"accept": "application/json"}
    else:
        headers = {"Authorization": "Bearer " + get_oauth_token()}
        params = {"limit": 10}
    r = requests.get("https://api.hubapi.com/crm/v3/objects/deals", params=params, headers=headers)
    return r.json()
"""


def test_a_configured_key_in_an_elif_branch_stays_for_a_person(tmp_path):
    # review 21's R18: a configured key's presence may choose the branch
    # through a name (USE_KEY = HAPIKEY is not None); the branch would never
    # run once the key is gone: only a caller's parameter is proven here
    out = migrate(tmp_path, {"deals.py": ELIF})
    statuses, text, reasons = out["deals.py"]
    assert statuses == [Status.MANUAL], reasons
    assert text == ELIF


def test_a_caller_naming_the_parameter_hands_in_the_token_positional_too(tmp_path):
    # hapikey= names the parameter the function now sends as the token: not a
    # key of the caller's own beside it (tree_handed), as a positional one
    flows = FLOWS.replace("get_all_owners(hapikey=", "get_all_owners(")
    for where, text in (("kw", FLOWS), ("pos", flows)):
        out = migrate(tmp_path / where, files(OWNERS, text))
        statuses, after, reasons = out["hsutils/flows.py"]
        assert statuses and set(statuses) == {Status.REWRITE}, reasons
        assert 'os.environ["HUBSPOT_ACCESS_TOKEN"]' in after
        assert out["hsutils/owners.py"][0] == [Status.REWRITE]


def test_a_caller_handing_in_a_key_in_its_params_still_stays(tmp_path):
    owners = OWNERS.replace(
        "def get_all_owners(hapikey, app_private_token, next_url=None):",
        "def get_all_owners(hapikey, app_private_token, next_url=None, params=None):",
    )
    flows = FLOWS + (
        "\n\ndef tenant_owners(portal):\n"
        '    return get_all_owners(hapikey=None, app_private_token="x", '
        'params={"hapikey": portal.key})\n'
    )
    out = migrate(tmp_path, files(owners, flows))
    statuses, text, reasons = out["hsutils/owners.py"]
    assert statuses == [Status.MANUAL] and text == owners
    assert "hands in a key of its own" in " ".join(reasons)


# -- left manual ------------------------------------------------------------------


def test_a_key_branch_literal_already_authorizing_stays(tmp_path):
    owners = OWNERS.replace(
        "        headers = {}\n",
        '        headers = {"Authorization": "Basic " + app_private_token}\n',
    )
    manual(tmp_path, owners, "Authorization header")


def test_a_spread_in_the_key_branch_literal_stays(tmp_path):
    owners = OWNERS.replace(
        "        headers = {}\n", "        headers = {**EXTRA}\n"
    ).replace("import requests\n", "import requests\n\nEXTRA = {}\n")
    manual(tmp_path, owners)


def test_headers_also_sent_to_another_host_stay(tmp_path):
    owners = OWNERS.replace(
        "    return json.loads(r.text)\n",
        '    requests.post("https://hooks.slack.com/services/T0/B0", json={}, '
        "headers=headers)\n"
        "    return json.loads(r.text)\n",
    )
    manual(tmp_path, owners)


def test_headers_updated_stay(tmp_path):
    owners = OWNERS.replace(
        "def get_all_owners(hapikey, app_private_token, next_url=None):\n",
        "def get_all_owners(hapikey, app_private_token, next_url=None, extra=None):\n",
    ).replace(
        "    parameters = urllib.parse.urlencode(parameter_dict)\n",
        "    headers.update(extra or {})\n"
        "    parameters = urllib.parse.urlencode(parameter_dict)\n",
    )
    manual(tmp_path, owners)


def test_headers_bound_again_after_the_chain_stay(tmp_path):
    owners = OWNERS.replace(
        "    parameters = urllib.parse.urlencode(parameter_dict)\n",
        "    headers = dict(headers)\n"
        "    parameters = urllib.parse.urlencode(parameter_dict)\n",
    )
    manual(tmp_path, owners)


def test_a_branch_binding_no_headers_stays(tmp_path):
    # the else binds none: headers is the value from before the test
    owners = OWNERS.replace(
        "    if hapikey is not None:\n",
        '    headers = {"Authorization": "Bearer " + str(app_private_token)}\n'
        "    if hapikey is not None:\n",
    ).replace(
        '        headers = {"content-type": "application/json",\n'
        "                   'Authorization': f\"Bearer {app_private_token}\"}\n",
        "",
    )
    manual(tmp_path, owners)
    # no else at all: headers unbound on the other paths
    owners = OWNERS.replace("    else:\n", "    elif app_private_token:\n")
    manual(tmp_path / "b", owners)


SEPARATE = """\
import requests


def owners(hapikey=None, app_private_token=None):
    if hapikey is not None:
        params = {"hapikey": hapikey}
        headers = {}
    else:
        params = {}
        headers = {}
    if app_private_token is not None:
        headers = {"Authorization": "Bearer " + app_private_token}
    r = requests.get("https://api.hubapi.com/crm/v3/owners/", params=params, headers=headers)
    return r.json()
"""


def test_an_authorization_under_a_separate_test_stays_with_the_reason(tmp_path):
    out = migrate(tmp_path, {"owners.py": SEPARATE})
    statuses, text, reasons = out["owners.py"]
    assert statuses == [Status.MANUAL] and text == SEPARATE
    assert (
        "the key is added under the test hapikey is not None (line 6) and an "
        "Authorization header under another, app_private_token is not None "
        "(line 12): both may hold for one request"
    ) in " ".join(reasons)


PRESENCE = """\
import os

import requests


def owners():
    if os.environ.get("HUBSPOT_API_KEY"):
        params = {"hapikey": os.environ["HUBSPOT_API_KEY"]}
        headers = {}
    else:
        params = {}
        headers = {"Authorization": "Bearer " + os.environ["HUBSPOT_APP_TOKEN"]}
    r = requests.get("https://api.hubapi.com/crm/v3/owners/", params=params, headers=headers)
    return r.json()
"""


def test_a_configured_keys_presence_choosing_the_branch_stays_with_the_reason(
    tmp_path,
):
    out = migrate(tmp_path, {"owners.py": PRESENCE})
    statuses, text, reasons = out["owners.py"]
    assert statuses == [Status.MANUAL] and text == PRESENCE
    assert "the key's presence chooses the auth mode" in " ".join(reasons)
    assert "line 7" in " ".join(reasons)


def test_a_key_under_a_test_nested_in_its_branch_stays(tmp_path):
    owners = OWNERS.replace(
        '        parameter_dict = {"hapikey": hapikey}\n',
        '        parameter_dict = ""\n'
        "        if next_url is None:\n"
        '            parameter_dict = {"hapikey": hapikey}\n',
    )
    statuses, text, reasons, _ = site(tmp_path, owners)
    assert statuses == [Status.MANUAL] and text == owners, reasons


def test_headers_handed_to_another_function_stay(tmp_path):
    owners = OWNERS.replace(
        "    parameters = urllib.parse.urlencode(parameter_dict)\n",
        "    print(headers)\n    parameters = urllib.parse.urlencode(parameter_dict)\n",
    )
    manual(tmp_path, owners)


def test_the_token_entry_follows_the_literals_layout():
    import libcst as cst

    from hapimigrate.analysis.bound_headers import with_token

    bearer = cst.parse_expression('"Bearer " + hapikey')
    shown = {
        src: cst.Module([]).code_for_node(with_token(cst.parse_expression(src), bearer))
        for src in ("{}", '{"a": 1,}', '{\n    "a": 1,\n}')
    }
    assert shown == {
        "{}": '{"Authorization": "Bearer " + hapikey}',
        '{"a": 1,}': '{"a": 1, "Authorization": "Bearer " + hapikey,}',
        '{\n    "a": 1,\n}': '{\n    "a": 1,\n    "Authorization": "Bearer " + hapikey,\n}',
    }
