"""Sites kept manual by a false reading of the code (sample 6, "Manual sites, by
shape", groups 1, 3 and 4), each in a small realistic variant, with the
near-misses that must stay manual:

- one key taken for several: ``f"{st.secrets['api_key']}"`` is the secret
  read itself, not a second key written in the code (:mod:`same_key`);
- another header taken for an OAuth mode: an ``oauth2client`` import nothing
  reads (:mod:`unused_imports`), the key's own variable named
  ``private_app_access_token`` (:mod:`own_name`);
- code that already sends the key's variable as Bearer on the same request:
  the ``hapikey`` parameter alone goes (:mod:`already_bearer`).
"""

from __future__ import annotations

import libcst as cst
import pytest

from hapimigrate.analysis import same_key
from hapimigrate.model import Status
from tests.trees import key_sites, tree

# made-up values of the right shape (never real credentials)
PAT = "pat-na1-11111111-2222-3333-4444-555555555555"
LITERAL = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"


def _statuses(result) -> list[Status]:
    return [s.status for s in key_sites(result)]


def _reasons(result) -> str:
    return " ".join(s.reason for s in key_sites(result))


# -- one key taken for several ---------------------------------------------

STREAMLIT = """\
import json
import requests
import streamlit as st
from hubspot import HubSpot


def create_note(message):
    url = "https://api.hubapi.com/crm/v3/objects/notes"
    querystring = {"hapikey": f"{st.secrets['api_key']}"}
    headers = {"accept": "application/json", "content-type": "application/json"}
    response = requests.request(
        "POST", url, data=json.dumps({"properties": {"hs_note_body": message}}),
        headers=headers, params=querystring,
    )
    return json.loads(response.content)["id"]


def associate(note_id, deal_id):
    url = f"https://api.hubapi.com/crm/v3/objects/notes/{note_id}/associations/Deals/{deal_id}/214"
    querystring = {"hapikey": f"{st.secrets['api_key']}"}
    requests.request("PUT", url, headers={"accept": "application/json"}, params=querystring)


api_client = HubSpot(api_key=st.secrets["api_key"])
"""


def test_an_f_string_around_the_one_secret_is_that_secret(tmp_path):
    result = tree(tmp_path, {"streamlit_app.py": STREAMLIT})["streamlit_app.py"]
    assert _statuses(result) == [Status.REWRITE] * 3, _reasons(result)
    new = result.new.decode()
    assert "hapikey" not in new and "api_key=" not in new
    assert (
        new.count('"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]')
        == 2
    )
    assert 'HubSpot(access_token=os.environ["HUBSPOT_ACCESS_TOKEN"])' in new


def test_format_and_concatenation_of_the_one_key_are_that_key(tmp_path):
    source = (
        "import os\nimport requests\n\nKEY = os.environ['HUBSPOT_API_KEY']\n\n\n"
        "def owners():\n"
        "    return requests.get('https://api.hubapi.com/owners/v2/owners',\n"
        "                        params={'hapikey': '{}'.format(KEY)})\n\n\n"
        "def deals():\n"
        "    return requests.get('https://api.hubapi.com/deals/v1/deal/paged',\n"
        "                        params={'hapikey': '' + KEY})\n\n\n"
        "def lists():\n"
        "    return requests.get('https://api.hubapi.com/contacts/v1/lists',\n"
        "                        params={'hapikey': KEY})\n"
    )
    result = tree(tmp_path, {"sync.py": source})["sync.py"]
    assert _statuses(result) == [Status.REWRITE] * 3, _reasons(result)
    assert b"hapikey" not in result.new


def test_two_secrets_stay_two_keys(tmp_path):
    source = STREAMLIT.replace(
        'HubSpot(api_key=st.secrets["api_key"])',
        'HubSpot(api_key=st.secrets["other_portal_key"])',
    )
    result = tree(tmp_path, {"streamlit_app.py": source})["streamlit_app.py"]
    assert _statuses(result) == [Status.MANUAL] * 3
    assert "several keys" in _reasons(result)
    assert result.new is None or b"hapikey" in result.new


def test_a_literal_beside_an_environment_read_stays_two_keys(tmp_path):
    source = (
        "import os\nimport requests\n\n"
        f"OLD_KEY = '{LITERAL}'\n\n\n"
        "def owners():\n"
        "    return requests.get('https://api.hubapi.com/owners/v2/owners',\n"
        "                        params={'hapikey': f'{OLD_KEY}'})\n\n\n"
        "def deals():\n"
        "    return requests.get('https://api.hubapi.com/deals/v1/deal/paged',\n"
        "                        params={'hapikey': os.environ['HUBSPOT_API_KEY']})\n"
    )
    result = tree(tmp_path, {"sync.py": source})["sync.py"]
    assert _statuses(result) == [Status.MANUAL] * 2
    assert "several keys" in _reasons(result)


def test_a_script_with_a_literal_and_a_service_reading_the_environment(tmp_path):
    """Two files, two sources (NHorde__afam-hubspot): nothing proves the
    literal is the environment's value, so both stay, naming both keys."""
    files = {
        "1.py": (
            "import requests\n"
            f"MY_HUBSPOT_API_KEY = '{LITERAL}'\n"
            "querystring = {'limit': '100', 'hapikey': MY_HUBSPOT_API_KEY}\n"
            "response = requests.request('GET', 'https://api.hubapi.com/crm/v3/objects/contacts',\n"
            "                            headers={'accept': 'application/json'}, params=querystring)\n"
            "print(response.text)\n"
        ),
        "app/services/api/properties.py": (
            "import os\nimport requests\n\n\n"
            "def request_properties_api():\n"
            "    API_KEY = os.getenv('API_KEY')\n"
            "    querystring = {'archived': 'false', 'hapikey': API_KEY}\n"
            "    return requests.request('GET', 'https://api.hubapi.com/crm/v3/properties/Contact',\n"
            "                            headers={'accept': 'application/json'}, params=querystring)\n"
        ),
    }
    results = tree(tmp_path, files)
    for name in files:
        assert _statuses(results[name]) == [Status.MANUAL], name
        reasons = _reasons(results[name])
        assert "several keys" in reasons and "API_KEY" in reasons
        assert "MY_HUBSPOT_API_KEY" in reasons


@pytest.mark.parametrize(
    "code, inner",
    [
        ('f"{KEY}"', "KEY"),
        ("f\"{st.secrets['k']}\"", "st.secrets['k']"),
        ('f"{KEY!s}"', "KEY"),
        ('"{}".format(KEY)', "KEY"),
        ('"%s" % KEY', "KEY"),
        ('"%s" % (KEY,)', "KEY"),
        ('"" + KEY', "KEY"),
        ('KEY + ""', "KEY"),
        ('f"key-{KEY}"', None),
        ('f"{KEY!r}"', None),
        ('f"{KEY:>40}"', None),
        ('f"{KEY=}"', None),
        ('f"{A}{B}"', None),
        ('"{}".format(A, B)', None),
        ('"%s%s" % (A, B)', None),
        ('"x" + KEY', None),
    ],
)
def test_sole_content(code, inner):
    found = same_key.sole_content(cst.parse_expression(code))
    shown = cst.Module([]).code_for_node(found) if found is not None else None
    assert shown == inner


# -- another header taken for an OAuth mode --------------------------------

DEPOSIT = """\
def deposit_check():
    import os
    import json
    import requests
    from oauth2client.service_account import ServiceAccountCredentials

    hs_api_key = os.environ['hapikey']
    api_key = os.environ['sunrise_api_key']
    headers = {'api-key': api_key}
    r = requests.get(url='https://api.sunrise.example.com/v1/tasks', headers=headers)
    tasks = json.loads(r.text)
    for deal_id in tasks:
        url = 'https://api.hubapi.com/crm/v3/objects/deals/' + str(deal_id)
        querystring = {"hapikey": hs_api_key}
        headers = {'accept': "application/json", 'content-type': "application/json"}
        requests.request("PATCH", url, data='{}', headers=headers, params=querystring)
"""


def test_an_unused_oauth_import_is_no_oauth_mode(tmp_path):
    result = tree(tmp_path, {"check.py": DEPOSIT})["check.py"]
    assert _statuses(result) == [Status.REWRITE], _reasons(result)
    new = result.new.decode()
    assert "hapikey" not in new.replace("os.environ['hapikey']", "")
    # the token is added at the HubSpot request only, never into Sunrise's dict
    assert 'headers={**headers, "Authorization"' in new
    assert (
        "requests.get(url='https://api.sunrise.example.com/v1/tasks', headers=headers)"
        in new
    )
    assert "{'api-key': api_key}" in new


def test_a_used_oauth_import_stays_a_sign(tmp_path):
    source = DEPOSIT.replace(
        "    hs_api_key =",
        "    creds = ServiceAccountCredentials.from_json_keyfile_name('k.json')\n"
        "    hs_api_key =",
    )
    result = tree(tmp_path, {"check.py": source})["check.py"]
    assert _statuses(result) == [Status.MANUAL]
    assert "Authorization header on another path" in _reasons(result)


def test_a_plain_oauth_import_nothing_reads_stays_a_sign(tmp_path):
    """``import requests_oauthlib_patch`` may be loaded for what it does."""
    source = DEPOSIT.replace(
        "from oauth2client.service_account import ServiceAccountCredentials",
        "import oauth_session_patch",
    )
    result = tree(tmp_path, {"check.py": source})["check.py"]
    assert _statuses(result) == [Status.MANUAL]


def test_a_shared_headers_dict_sent_to_the_other_api_gets_no_token(tmp_path):
    source = (
        "import os\nimport requests\n\n\n"
        "def sync(deal_id):\n"
        "    headers = {'accept': 'application/json'}\n"
        "    params = {'hapikey': os.environ['HUBSPOT_API_KEY']}\n"
        "    requests.get('https://api.hubapi.com/crm/v3/objects/deals/' + deal_id,\n"
        "                 headers=headers, params=params)\n"
        "    requests.get('https://api.sunrise.example.com/v1/tasks', headers=headers)\n"
    )
    result = tree(tmp_path, {"sync.py": source})["sync.py"]
    assert _statuses(result) == [Status.REWRITE]
    new = result.new.decode()  # the token only at HubSpot's request
    assert 'headers={**headers, "Authorization"' in new
    assert (
        "requests.get('https://api.sunrise.example.com/v1/tasks', headers=headers)"
        in new
    )
    assert "headers['Authorization']" not in new and "headers.update" not in new


def _utils(name: str = "private_app_access_token", extra: str = "") -> str:
    return (
        "import requests\n\n\n"
        "def update_contact(vid, name, value):\n"
        f"    {name} = '{PAT}'\n"
        "    endpoint = f'https://api.hubapi.com/contacts/v1/contact/vid/{vid}/profile'\n"
        "    headers = {'Content-Type': 'application/json'}\n"
        "    data = {'properties': [{'property': name, 'value': value}]}\n"
        f"    params = {{'hapikey': {name}}}\n"
        f"{extra}"
        "    return requests.post(endpoint, json=data, headers=headers, params=params)\n"
    )


def test_the_keys_own_name_is_no_oauth_mode(tmp_path):
    result = tree(tmp_path, {"utils.py": _utils()})["utils.py"]
    assert _statuses(result) == [Status.REWRITE], _reasons(result)
    new = result.new.decode()
    assert "hapikey" not in new and PAT not in new
    assert '"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]' in new


def test_the_same_name_bound_again_to_an_oauth_token_stays_a_sign(tmp_path):
    extra = (
        "    access_token = refresh_oauth()\n"
        "    requests.get('https://api.hubapi.com/crm/v3/owners',\n"
        "                 headers={'Authorization': 'Bearer ' + access_token})\n"
    )
    source = _utils("access_token", extra).replace(
        "import requests\n", "import requests\nfrom auth import refresh_oauth\n"
    )
    result = tree(tmp_path, {"utils.py": source})["utils.py"]
    assert Status.MANUAL in _statuses(result)


def test_an_authorization_built_by_a_helper_stays_a_sign(tmp_path):
    """A header dict from another function that holds an Authorization and
    reaches the key's HubSpot request: an OAuth mode, manual."""
    source = (
        "import os\nimport requests\n\n\n"
        "def auth_headers():\n"
        "    return {'Authorization': 'Bearer ' + os.environ['OAUTH_TOKEN']}\n\n\n"
        "def owners():\n"
        "    private_key_access_token = os.environ['HUBSPOT_API_KEY']\n"
        "    return requests.get('https://api.hubapi.com/owners/v2/owners',\n"
        "                        headers=auth_headers(),\n"
        "                        params={'hapikey': private_key_access_token})\n"
    )
    result = tree(tmp_path, {"owners.py": source})["owners.py"]
    assert _statuses(result) == [Status.MANUAL]
    assert "Authorization header on another path" in _reasons(result)


# -- code that already sends the key's variable as Bearer -------------------

APP = """\
import os
import requests

HUBSPOT_TOKEN = os.getenv("HUBSPOT_TOKEN")


def contact_id(email):
    url = f"https://api.hubapi.com/crm/v3/objects/contacts?hapikey={HUBSPOT_TOKEN}&properties=email"
    headers = {
        "Authorization": f"Bearer {HUBSPOT_TOKEN}",
        "Content-Type": "application/json",
    }
    response = requests.get(url + f"&filters=email%3D{email}", headers=headers)
    results = response.json().get("results", [])
    return results[0]["id"] if results else None
"""


def test_a_request_already_sending_the_variable_as_bearer_loses_hapikey_only(
    tmp_path,
):
    result = tree(tmp_path, {"app.py": APP})["app.py"]
    (site,) = key_sites(result)
    assert site.status == Status.REWRITE
    assert "already sends HUBSPOT_TOKEN as a Bearer token" in site.reason
    assert "must hold a token" in site.reason
    new = result.new.decode()
    assert new == APP.replace("?hapikey={HUBSPOT_TOKEN}&", "?").replace(
        'url = f"https://api.hubapi.com/crm/v3/objects/contacts?properties=email"',
        'url = "https://api.hubapi.com/crm/v3/objects/contacts?properties=email"',
    )


@pytest.mark.parametrize(
    "bearer", ['"Bearer " + HUBSPOT_TOKEN', '"Bearer %s" % HUBSPOT_TOKEN']
)
def test_other_spellings_of_the_same_bearer(tmp_path, bearer):
    source = APP.replace('f"Bearer {HUBSPOT_TOKEN}"', bearer)
    result = tree(tmp_path, {"app.py": source})["app.py"]
    assert _statuses(result) == [Status.REWRITE]
    assert "hapikey" not in result.new.decode()


def test_a_bearer_of_another_variable_stays_manual(tmp_path):
    source = APP.replace(
        'HUBSPOT_TOKEN = os.getenv("HUBSPOT_TOKEN")',
        'HUBSPOT_TOKEN = os.getenv("HUBSPOT_TOKEN")\nOAUTH_TOKEN = os.getenv("OAUTH_TOKEN")',
    ).replace('f"Bearer {HUBSPOT_TOKEN}"', 'f"Bearer {OAUTH_TOKEN}"')
    result = tree(tmp_path, {"app.py": source})["app.py"]
    assert _statuses(result) == [Status.MANUAL]
    assert result.new is None


def test_a_bearer_dict_written_into_later_stays_manual(tmp_path):
    source = APP.replace(
        "    response = requests.get(",
        "    headers.update(extra_headers())\n    response = requests.get(",
    )
    result = tree(tmp_path, {"app.py": source})["app.py"]
    assert _statuses(result) == [Status.MANUAL]


def test_a_url_also_sent_without_the_bearer_stays_manual(tmp_path):
    source = APP.replace(
        "    results = response.json()",
        "    requests.get(url)\n    results = response.json()",
    )
    result = tree(tmp_path, {"app.py": source})["app.py"]
    assert _statuses(result) == [Status.MANUAL]
    assert result.new is None


def test_a_dual_mode_stays_manual(tmp_path):
    """The key if configured, else an OAuth Bearer (sample 6,
    hubspot_api.py:21): two credentials, a person decides."""
    source = (
        "import requests\nimport secrets_store as secrets\n\n"
        "session = requests.Session()\n"
        "if secrets.hubspot_hapikey:\n"
        "    session.params = {'hapikey': secrets.hubspot_hapikey}\n"
        "else:\n"
        "    session.headers.update({'Authorization': 'Bearer ' + secrets.oauth_token()})\n\n\n"
        "def owners():\n"
        "    return session.get('https://api.hubapi.com/crm/v3/owners').json()\n"
    )
    result = tree(tmp_path, {"hubspot_api.py": source})["hubspot_api.py"]
    assert _statuses(result) == [Status.MANUAL]


def test_a_url_built_at_import_time_stays_manual(tmp_path):
    """The URL reads the variable when the module loads, the header when the
    request is made: another module may set it in between."""
    source = APP.replace(
        "\n\ndef contact_id(email):\n"
        '    url = f"https://api.hubapi.com/crm/v3/objects/contacts?hapikey={HUBSPOT_TOKEN}&properties=email"\n',
        '\nURL = f"https://api.hubapi.com/crm/v3/objects/contacts?hapikey={HUBSPOT_TOKEN}&properties=email"\n'
        "\n\ndef contact_id(email):\n    url = URL\n",
    )
    assert "URL = f" in source
    result = tree(tmp_path, {"app.py": source})["app.py"]
    assert _statuses(result) == [Status.MANUAL]
    assert "only the hapikey parameter goes" not in _reasons(result)


def test_already_bearer_waits_when_another_module_names_the_variable(tmp_path):
    # review 25, R1: a task setting hs.HUBSPOT_TOKEN per tenant, or a start-up
    # check of its format, in another module
    hs = (
        "import os\nimport requests\n\n"
        'HUBSPOT_TOKEN = os.environ.get("HUBSPOT_TOKEN")\n\n\n'
        "def contact_id(email):\n"
        '    url = f"https://api.hubapi.com/contacts/v1/contact/email/{email}/profile'
        '?hapikey={HUBSPOT_TOKEN}"\n'
        '    headers = {"Authorization": f"Bearer {HUBSPOT_TOKEN}"}\n'
        '    return requests.get(url, headers=headers).json()["vid"]\n'
    )
    tasks = (
        "import hs\n\n\ndef sync_all(portals, emails):\n"
        "    for portal in portals:\n"
        "        hs.HUBSPOT_TOKEN = portal.hubspot_api_key\n"
        "        for email in emails:\n            hs.contact_id(email)\n"
    )
    results = tree(tmp_path, {"hs.py": hs, "tasks.py": tasks})
    assert Status.REWRITE not in [s.status for s in key_sites(results["hs.py"])]
    assert results["hs.py"].new is None
