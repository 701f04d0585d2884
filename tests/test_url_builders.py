"""Keyed URLs made by a helper or a shared template and requested elsewhere in
the module (real code: tunga-api's ``get_authed_hubspot_endpoint_url(endpoint,
api_key)``, a tastypie client's ``API_KEY_QUERY_STRING = 'hapikey=%s'`` joined
to endpoint templates that hold fields of their own).

- A builder whose every caller passes the one configured key: the URL loses
  the key where it is built, each request it reaches sends the provider's token.
- A key field formatted after other text with fields: the argument dropped is
  the key's, counted in the whole template (it was the first argument, the
  list id, while the key went into the path).
- Near misses stay manual: two keys, a caller's own credential, None, a builder
  other modules call, a URL sent to another host, text of unknown fields
  before the key.
"""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, left_alone, tree

BUILDER = """\
import requests

from app.settings import HUBSPOT_API_KEY

BASE = "https://api.hubapi.com"
CREATE = "/contacts/v1/contact/createOrUpdate/email/{email}"


def endpoint_url(endpoint):
    return "%s%s" % (BASE, endpoint)


def authed_url(endpoint, api_key):
    return "%s?hapikey=%s" % (endpoint_url(endpoint), api_key)


def create_contact(email, **properties):
    body = {"properties": [{"property": k, "value": v} for k, v in properties.items()]}
    r = requests.post(authed_url(CREATE.format(email=email), HUBSPOT_API_KEY), json=body)
    return r.status_code
"""
# the same builder written with + and with an f-string
SYNTAXES = {
    "percent": BUILDER,
    "plus": BUILDER.replace(
        'return "%s?hapikey=%s" % (endpoint_url(endpoint), api_key)',
        'return endpoint_url(endpoint) + "?hapikey=" + api_key',
    ),
    "fstring": BUILDER.replace(
        'return "%s?hapikey=%s" % (endpoint_url(endpoint), api_key)',
        'return f"{endpoint_url(endpoint)}?hapikey={api_key}"',
    ),
}
WITHOUT_KEY = {
    "percent": 'return "%s" % (endpoint_url(endpoint),)',
    "plus": "return endpoint_url(endpoint)",
    "fstring": 'return f"{endpoint_url(endpoint)}"',
}
SETTINGS = 'import os\n\nHUBSPOT_API_KEY = os.environ.get("HUBSPOT_API_KEY")\n'


def _builder_tree(module: str = BUILDER, **more: str) -> dict[str, str]:
    return {
        "app/__init__.py": "",
        "app/settings.py": SETTINGS,
        "app/hubspot_utils.py": module,
        **more,
    }


@pytest.mark.parametrize("syntax", sorted(SYNTAXES))
def test_a_builder_given_the_configured_key_by_every_caller_is_migrated(
    tmp_path, syntax
):
    result = tree(tmp_path, _builder_tree(SYNTAXES[syntax]))["app/hubspot_utils.py"]
    sites = key_sites(result)
    assert [s.status for s in sites] == [Status.REWRITE], [s.reason for s in sites]
    assert "every call in this module gives the configured key" in sites[0].reason
    text = result.new.decode()
    assert "hapikey" not in text
    assert WITHOUT_KEY[syntax] in text
    assert (
        'headers={"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]}'
        in text
    )
    # the builder keeps its parameter; its caller hands it the token, not the key
    assert "def authed_url(endpoint, api_key):" in text
    assert "HUBSPOT_API_KEY" not in text


SCENARIO = (
    '"""A helper builds the keyed URL, its caller posts it."""\n'
    'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
    "def case_create(credential):\n"
    "    from app import hubspot_utils\n\n"
    '    hubspot_utils.create_contact("a@example.com", firstname="Ann")\n'
)


@pytest.mark.parametrize("syntax", ["percent", "plus"])
def test_the_builder_behaves_as_before_with_a_token(tmp_path, syntax):
    files = _builder_tree(SYNTAXES[syntax])
    project = {f"src/{name}": text for name, text in files.items()}
    behaves(tmp_path / "builder", project | {"scenario.py": SCENARIO}, manual=0)


@pytest.mark.parametrize(
    "extra, words",
    [
        (  # a second portal's key through the same builder
            'OTHER_KEY = "00000000-0000-0000-0000-000000000000"\n\n\n'
            "def copy_contact(email):\n"
            "    return requests.post(authed_url(CREATE.format(email=email), OTHER_KEY))\n",
            ["several keys"],
        ),
        (  # a tenant's key, handed in by the caller's own caller
            "def create_for(portal_key, email):\n"
            "    return requests.post(authed_url(CREATE.format(email=email), portal_key))\n",
            ["the key comes from the caller"],
        ),
        (  # None: hapikey=None was sent, and refused
            "def anonymous(email):\n"
            "    return requests.post(authed_url(CREATE.format(email=email), None))\n",
            ["the key comes from the caller"],
        ),
    ],
    ids=["second_key", "tenant_key", "none"],
)
@pytest.mark.parametrize("syntax", ["percent", "plus"])
def test_a_builder_some_caller_hands_another_key_stays_manual(
    tmp_path, extra, words, syntax
):
    module = SYNTAXES[syntax] + "\n\n" + extra
    left_alone(tree(tmp_path, _builder_tree(module))["app/hubspot_utils.py"], *words)


@pytest.mark.parametrize(
    "imports, key",
    [("", "key"), ("from app.settings import HUBSPOT_API_KEY\n", "HUBSPOT_API_KEY")],
    ids=["its_callers_key", "the_configured_key"],
)
@pytest.mark.parametrize("syntax", ["percent", "plus"])
def test_a_builder_other_modules_call_stays_manual(tmp_path, imports, key, syntax):
    """Their calls would keep passing a key the builder no longer sends, or
    lose an argument the builder still takes: both change together, by hand."""
    other = (
        "import requests\n\n"
        f"from app.hubspot_utils import authed_url\n{imports}\n\n"
        f"def sync(key=None):\n"
        f'    return requests.get(authed_url("/contacts/v1/lists/all/contacts/all", {key}))\n'
    )
    files = _builder_tree(SYNTAXES[syntax], **{"app/sync.py": other})
    results = tree(tmp_path, files)
    result = results["app/hubspot_utils.py"]
    assert not result.changed
    assert {s.status for s in key_sites(result)} == {Status.MANUAL}


@pytest.mark.parametrize("syntax", ["percent", "plus"])
def test_a_built_url_also_sent_to_another_host_stays_manual(tmp_path, syntax):
    module = (
        SYNTAXES[syntax]
        .replace(
            "def create_contact(",
            "def mirror(email):\n"
            '    return requests.post(authed_url("https://mirror.example.com/c", HUBSPOT_API_KEY))\n\n\n'
            "def create_contact(",
        )
        .replace(
            'return "%s%s" % (BASE, endpoint)',
            "return endpoint if '://' in endpoint else BASE + endpoint",
        )
    )
    result = tree(tmp_path, _builder_tree(module))["app/hubspot_utils.py"]
    assert "hapikey" in (result.new.decode() if result.changed else module)
    assert {s.status for s in key_sites(result)} == {Status.MANUAL}


# -- a key field formatted after other fields ------------------------------------

CLIENT = """\
import requests

BASE_API_URL = "https://api.hubapi.com"
CONTACT_API = "/contacts/v1/contact/vid/%s/profile?"
CONTACT_LIST_API = "/contacts/v1/lists/%s/contacts/all?"
API_KEY_QUERY_STRING = "hapikey=%s"


class HubSpotClient(object):
    def __init__(self, api_key):
        self._api_key = api_key

    def _request_handler(self, url):
        resp = requests.get(url)
        resp.raise_for_status()
        return resp

    def get_contact(self, contact_id):
        return self._request_handler(
            (BASE_API_URL + CONTACT_API + API_KEY_QUERY_STRING) % (contact_id, self._api_key)
        ).json()

    def get_contact_list(self, list_id):
        return self._request_handler(
            (BASE_API_URL + CONTACT_LIST_API + API_KEY_QUERY_STRING) % (list_id, self._api_key)
        ).json()
"""


def test_a_shared_key_template_drops_the_keys_argument_not_the_first(tmp_path):
    result = tree(tmp_path, {"client.py": CLIENT})["client.py"]
    sites = key_sites(result)
    assert [s.status for s in sites] == [Status.REWRITE], [s.reason for s in sites]
    assert "api_key" in sites[0].reason and "contact_id" not in sites[0].reason
    text = result.new.decode()
    assert "% (contact_id,)" in text and "% (list_id,)" in text
    assert (
        'requests.get(url, headers={"Authorization": "Bearer " + self._api_key})'
        in text
    )
    assert 'API_KEY_QUERY_STRING = ""' in text


CLIENT_SCENARIO = (
    '"""A client class formatting a shared key template after the path\'s field."""\n'
    'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
    "def case_contact(credential):\n"
    "    import client\n\n"
    '    client.HubSpotClient(credential("main")).get_contact(42)\n'
    '    client.HubSpotClient(credential("main")).get_contact_list(7)\n'
)


def test_the_shared_key_template_behaves_as_before_with_a_token(tmp_path):
    project = {"src/client.py": CLIENT, "scenario.py": CLIENT_SCENARIO}
    behaves(tmp_path / "client", project, manual=0)


SHIFTED = """\
import os

import requests

BASE = "https://api.hubapi.com"
LIST_API = "/contacts/v1/lists/%s/contacts/all?"
KEY_QS = "hapikey=%s"
LIST_ID = os.environ["HUBSPOT_LIST_ID"]
API_KEY = os.environ["HUBSPOT_API_KEY"]


def members():
    return requests.get((BASE + LIST_API + KEY_QS) % (LIST_ID, API_KEY)).json()
"""


def test_the_key_goes_not_the_list_id_before_it(tmp_path):
    """Before: the list id was dropped and the key put into the path."""
    text = tree(tmp_path, {"m.py": SHIFTED})["m.py"].new.decode()
    assert "% (LIST_ID,)" in text
    assert 'API_KEY = os.environ["HUBSPOT_API_KEY"]' not in text


def test_text_of_unknown_fields_before_the_key_stays_manual(tmp_path):
    module = SHIFTED.replace(
        "def members():\n    return requests.get((BASE + LIST_API + KEY_QS)",
        "def members(path=LIST_API):\n    return requests.get((BASE + path + KEY_QS)",
    )
    left_alone(tree(tmp_path, {"m.py": module})["m.py"], "cannot be told apart")


# -- a builder whose key parameter defaults to the configured key ----------------

DEFAULTED = {
    "bound": BUILDER.replace(
        "def authed_url(endpoint, api_key):",
        "def authed_url(endpoint, api_key=HUBSPOT_API_KEY):",
    ).replace(
        "authed_url(CREATE.format(email=email), HUBSPOT_API_KEY)",
        "authed_url(CREATE.format(email=email))",
    ),
    "or": BUILDER.replace(
        "def authed_url(endpoint, api_key):\n",
        "def authed_url(endpoint, api_key=None):\n"
        "    api_key = api_key or HUBSPOT_API_KEY\n",
    ).replace(
        "authed_url(CREATE.format(email=email), HUBSPOT_API_KEY)",
        "authed_url(CREATE.format(email=email))",
    ),
}


@pytest.mark.parametrize("default", ["bound"])
def test_a_builder_defaulting_to_the_configured_key_is_migrated(tmp_path, default):
    module = DEFAULTED[default] + (
        "\n\ndef update_contact(email):\n"
        "    return requests.post(authed_url(CREATE.format(email=email), HUBSPOT_API_KEY))\n"
    )
    result = tree(tmp_path, _builder_tree(module))["app/hubspot_utils.py"]
    sites = key_sites(result)
    assert [s.status for s in sites] == [Status.REWRITE], [s.reason for s in sites]
    text = result.new.decode()
    assert "hapikey" not in text and "HUBSPOT_API_KEY" not in text
    assert text.count('"Authorization": "Bearer "') == 2


@pytest.mark.parametrize("default", ["bound"])
def test_the_defaulted_builder_behaves_as_before_with_a_token(tmp_path, default):
    files = _builder_tree(DEFAULTED[default])
    project = {f"src/{name}": text for name, text in files.items()}
    behaves(tmp_path / "defaulted", project | {"scenario.py": SCENARIO}, manual=0)


@pytest.mark.parametrize(
    "extra",
    [
        'OTHER_KEY = "00000000-0000-0000-0000-000000000000"\n\n\n'
        "def copy_contact(email):\n"
        "    return requests.post(authed_url(CREATE.format(email=email), OTHER_KEY))\n",
        "def create_for(portal_key, email):\n"
        "    return requests.post(authed_url(CREATE.format(email=email), portal_key))\n",
    ],
    ids=["second_key", "tenant_key"],
)
@pytest.mark.parametrize("default", sorted(DEFAULTED))
def test_a_defaulted_builder_some_caller_hands_another_key_stays_manual(
    tmp_path, extra, default
):
    module = DEFAULTED[default] + "\n\n" + extra
    left_alone(tree(tmp_path, _builder_tree(module))["app/hubspot_utils.py"])


def test_a_fallback_in_the_body_stays_manual(tmp_path):
    """``api_key = api_key or HUBSPOT_API_KEY`` tests the key: left to a person."""
    result = tree(tmp_path, _builder_tree(DEFAULTED["or"]))["app/hubspot_utils.py"]
    assert "hapikey" in (result.new.decode() if result.changed else DEFAULTED["or"])
    assert Status.REWRITE not in {s.status for s in key_sites(result)}


def test_a_bound_default_given_none_stays_manual(tmp_path):
    """``authed_url(path, None)`` sent hapikey=None, refused: not the default."""
    module = DEFAULTED["bound"] + (
        "\n\ndef anonymous(email):\n"
        "    return requests.post(authed_url(CREATE.format(email=email), None))\n"
    )
    left_alone(tree(tmp_path, _builder_tree(module))["app/hubspot_utils.py"])
