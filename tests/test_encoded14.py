"""Parameter dicts urlencoded by hand into the URL's text (real sample 4,
group (b)1: a contacts module's URL builders ``BASE + "...?%s" %
urllib.parse.urlencode(params)``, a deals module's filtered copy ``{k: v for
k, v in parameters.items() if k not in special}`` and its ``execute_request``
adding the key when missing before ``"?%s" % encoded``); also pairs joined by
hand, ``"&".join("%s=%s" % (k, v) for k, v in params.items())``.

The key's entry goes, every other field stays in its order, and the request
the URL reaches sends ``Authorization: Bearer``. Near misses stay manual: the
dict also posted to another host, a builder no code of the module calls, a
second portal's key, the dict's key moved under another name after encoding
and posted elsewhere, a comprehension that renames the keys, a ``%`` operand
that may be a tuple.
"""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, migrated, tree

CONFIG = 'import os\n\nHUBSPOT_HAPIKEY = os.environ["HUBSPOT_API_KEY"]\n'
HEADER = 'headers={"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]}'

CONTACTS = """\
import json
import urllib

import requests

import config

BASE_URL = 'https://api.hubapi.com/'


def fetch_contacts(offset):
    url = get_url_to_fetch_contacts(offset)
    response = requests.get(url)
    return json.loads(response.content.decode('utf-8'))


def get_url_to_fetch_contacts(offset, count=100):
    params = {
        'hapikey': config.HUBSPOT_HAPIKEY,
        'count': count,
        'vidOffset': offset,
    }
    return BASE_URL + 'contacts/v1/lists/all/contacts/all?%s' % urllib.parse.urlencode(params)


def find_contact(query):
    url = get_url_to_find_contact(query)
    response = requests.get(url)
    if response.status_code == 404:
        return None
    return json.loads(response.content.decode('utf-8'))


def get_url_to_find_contact(query):
    params = {
        'hapikey': config.HUBSPOT_HAPIKEY,
        'q': query,
    }
    return BASE_URL + 'contacts/v1/search/query?%s' % urllib.parse.urlencode(params)
"""

DEALS = """\
import json
import urllib

import requests

import config

BASE_URL = 'https://api.hubapi.com/'


def fetch_deals():
    parameters = {
        'hapikey': config.HUBSPOT_HAPIKEY,
        'includeAssociations': 'true',
        'limit': 250,
        'properties': ['name', 'pipeline', 'dealstage', 'amount'],
    }

    special_parameter_keys = ['properties']
    special_parameters_encoded = '&'.join([('properties=%s' % p) for p in parameters['properties']])

    plain_parameters = {k: v for k, v in parameters.items() if k not in special_parameter_keys}
    plain_parameters_encoded = urllib.parse.urlencode(plain_parameters)

    parameters_encoded = plain_parameters_encoded + '&' + special_parameters_encoded
    url = BASE_URL + 'deals/v1/deal/paged?' + parameters_encoded
    response = requests.get(url)
    return json.loads(response.content.decode('utf-8'))


def execute_request(endpoint, parameters):
    if 'hapikey' not in parameters:
        parameters['hapikey'] = config.HUBSPOT_HAPIKEY

    encoded_parameters = urllib.parse.urlencode(parameters)
    url = BASE_URL + endpoint + '?%s' % encoded_parameters
    response = requests.get(url)
    return json.loads(response.content.decode('utf-8'))
"""


def _migrate(tmp_path, source: str, name: str = "hubspot_api.py"):
    return tree(tmp_path, {name: source, "config.py": CONFIG})[name]


# -- the three real shapes ------------------------------------------------------
def test_a_url_builder_with_other_fields_loses_only_the_key(tmp_path):
    text = migrated(_migrate(tmp_path, CONTACTS))
    assert "hapikey" not in text and "HUBSPOT_HAPIKEY" not in text
    assert (
        "    params = {\n        'count': count,\n        'vidOffset': offset,\n    }"
        in text
    )
    assert "    params = {\n        'q': query,\n    }" in text
    # the URL text is unchanged; the callers' requests send the token
    assert text.count("?%s' % urllib.parse.urlencode(params)") == 2
    assert text.count(f"requests.get(url, {HEADER})") == 2


def test_a_filtered_copy_joined_to_other_text_loses_only_the_key(tmp_path):
    result = _migrate(tmp_path, DEALS)
    text = migrated(result)
    assert len(key_sites(result)) == 2
    assert "hapikey" not in text and "HUBSPOT_HAPIKEY" not in text
    assert (
        "    parameters = {\n        'includeAssociations': 'true',\n"
        "        'limit': 250,\n" in text
    )
    assert (
        "plain_parameters = {k: v for k, v in parameters.items() "
        "if k not in special_parameter_keys}" in text
    )
    assert text.count(f"requests.get(url, {HEADER})") == 2


def test_the_add_if_missing_guard_goes_with_the_key(tmp_path):
    text = migrated(_migrate(tmp_path, DEALS))
    assert "if 'hapikey' not in parameters" not in text
    assert (
        "def execute_request(endpoint, parameters):\n\n"
        "    encoded_parameters = urllib.parse.urlencode(parameters)\n"
        "    url = BASE_URL + endpoint + '?%s' % encoded_parameters\n" in text
    )


# -- the same shapes in other spellings ---------------------------------------------
CLIENT = """\
from urllib.parse import urlencode

import requests

from app import settings


class HubSpotClient:
    base = "https://api.hubapi.com"

    def search(self, query, count=20):
        params = {"q": query, "hapikey": settings.HUBSPOT_KEY, "count": count}
        url = self.base + "/contacts/v1/search/query?%s" % urlencode(params)
        return requests.get(url, timeout=10).json()
"""
SETTINGS = 'import os\n\nHUBSPOT_KEY = os.environ["HUBSPOT_API_KEY"]\n'


def test_a_class_client_sends_the_token_and_keeps_the_other_fields(tmp_path):
    result = tree(
        tmp_path,
        {"app/client.py": CLIENT, "app/settings.py": SETTINGS, "app/__init__.py": ""},
    )["app/client.py"]
    text = migrated(result)
    assert 'params = {"q": query, "count": count}' in text
    assert f"requests.get(url, timeout=10, {HEADER})" in text


@pytest.mark.parametrize(
    "encode",
    ["urllib.urlencode(params)", "requests.compat.urlencode(params)"],
)
def test_python2_and_requests_compat_urlencode(tmp_path, encode):
    source = CONTACTS.replace("urllib.parse.urlencode(params)", encode)
    if encode.startswith("requests"):
        source = source.replace("import urllib\n", "")
    text = migrated(_migrate(tmp_path, source))
    assert "hapikey" not in text
    assert text.count(f"?%s' % {encode}") == 2
    assert text.count(f"requests.get(url, {HEADER})") == 2


def test_text_after_the_field_is_kept(tmp_path):
    source = CONTACTS.replace(
        "'contacts/v1/search/query?%s' % urllib.parse.urlencode(params)",
        "'contacts/v1/search/query?%s&sort=asc' % urllib.parse.urlencode(params)",
    )
    text = migrated(_migrate(tmp_path, source))
    assert "?%s&sort=asc' % urllib.parse.urlencode(params)" in text
    assert "    params = {\n        'q': query,\n    }" in text


JOINED = """\
import requests

import config

BASE = 'https://api.hubapi.com'


def recent(count):
    params = {'hapikey': config.HUBSPOT_HAPIKEY, 'count': count}
    query = '&'.join('%s=%s' % (k, v) for k, v in params.items())
    return requests.get(BASE + '/contacts/v1/lists/recently_updated/contacts/recent?' + query).json()


def owners():
    params = {'hapikey': config.HUBSPOT_HAPIKEY, 'includeInactive': 'true'}
    url = '%s/owners/v2/owners?%s' % (BASE, '&'.join([f"{k}={v}" for k, v in params.items() if v]))
    return requests.get(url).json()
"""


def test_pairs_joined_by_hand_lose_only_the_key(tmp_path):
    text = migrated(_migrate(tmp_path, JOINED))
    assert "params = {'count': count}" in text
    assert "params = {'includeInactive': 'true'}" in text
    assert "'&'.join('%s=%s' % (k, v) for k, v in params.items())" in text
    assert text.count(HEADER) == 2


def test_pairs_joined_with_a_call_in_each_pair_stay(tmp_path):
    # quote(v): a call the pair's text goes through, not proven to keep it
    source = JOINED.replace(
        "'%s=%s' % (k, v) for k, v in params.items()",
        "'%s=%s' % (k, quote(v)) for k, v in params.items()",
    ).replace(
        "import requests\n", "from urllib.parse import quote\n\nimport requests\n"
    )
    result = _migrate(tmp_path, source)
    first = next(s for s in key_sites(result) if s.line == 11)
    assert first.status == Status.MANUAL


INLINE_ONLY_KEY = """\
import http.client
import json
import urllib.parse

import config

HOST = "api.hubapi.com"


def deal_pipelines():
    conn = http.client.HTTPSConnection(HOST)
    path = "/deals/v1/pipelines?%s" % urllib.parse.urlencode({"hapikey": config.HUBSPOT_HAPIKEY})
    conn.request("GET", path)
    return json.loads(conn.getresponse().read())
"""


def test_an_inline_dict_holding_only_the_key_leaves_no_bare_question_mark(tmp_path):
    text = migrated(_migrate(tmp_path, INLINE_ONLY_KEY))
    assert '    path = "/deals/v1/pipelines"\n' in text
    assert f'conn.request("GET", path, {HEADER})' in text


def test_a_template_with_other_percent_text_keeps_its_operation(tmp_path):
    # "%%" is one "%" only through the % operation: the string stays as it is
    source = INLINE_ONLY_KEY.replace(
        '"/deals/v1/pipelines?%s"', '"/deals/v1/pipelines/100%%25?%s"'
    )
    text = migrated(_migrate(tmp_path, source))
    assert '"/deals/v1/pipelines/100%%25?%s" % urllib.parse.urlencode({})' in text


# -- near misses that stay manual ----------------------------------------------------
def _manual_and_unchanged(result, *words: str) -> None:
    assert result.error is None, result.error
    sites = key_sites(result)
    assert sites and all(s.status == Status.MANUAL for s in sites), [
        (s.status, s.reason) for s in sites
    ]
    reasons = " ".join(s.reason for s in sites)
    for word in words:
        assert word in reasons, (word, reasons)
    if result.changed:
        assert "'hapikey': config.HUBSPOT_HAPIKEY" in result.new.decode()


def _one_builder(source: str) -> str:
    """CONTACTS with its first builder and caller only."""
    return source.split("\n\ndef find_contact(query):")[0] + "\n"


def test_the_dict_also_posted_to_another_host_stays(tmp_path):
    source = _one_builder(CONTACTS).replace(
        "    return BASE_URL + 'contacts",
        "    requests.post('https://audit.example.com/log', json=params)\n"
        "    return BASE_URL + 'contacts",
    )
    _manual_and_unchanged(_migrate(tmp_path, source))


def test_a_builder_no_code_of_the_module_calls_stays(tmp_path):
    source = _one_builder(CONTACTS).replace(
        "def fetch_contacts(offset):\n"
        "    url = get_url_to_fetch_contacts(offset)\n"
        "    response = requests.get(url)\n"
        "    return json.loads(response.content.decode('utf-8'))\n\n\n",
        "",
    )
    assert "def fetch_contacts" not in source
    _manual_and_unchanged(_migrate(tmp_path, source))


def test_a_builder_whose_url_is_handed_to_an_unfollowed_helper_stays(tmp_path):
    source = _one_builder(CONTACTS).replace(
        "    response = requests.get(url)\n",
        "    response = transport.fetch(url)\n",
    )
    source = source.replace("import config\n", "import config\nimport transport\n")
    _manual_and_unchanged(_migrate(tmp_path, source))


def test_a_second_portals_key_stays(tmp_path):
    source = CONTACTS.replace(
        "        'hapikey': config.HUBSPOT_HAPIKEY,\n        'q': query,",
        "        'hapikey': config.OTHER_PORTAL_HAPIKEY,\n        'q': query,",
    )
    config = CONFIG + 'OTHER_PORTAL_HAPIKEY = os.environ["OTHER_PORTAL_KEY"]\n'
    result = tree(tmp_path, {"hubspot_api.py": source, "config.py": config})[
        "hubspot_api.py"
    ]
    sites = key_sites(result)
    assert sites and all(s.status == Status.MANUAL for s in sites), [
        (s.status, s.reason) for s in sites
    ]
    assert result.new is None or "OTHER_PORTAL_HAPIKEY" in result.new.decode()


BUILDER_PARAMETER = """\
import urllib

import requests

import config

BASE = 'https://api.hubapi.com/'


def url_for(api_key, q):
    params = {'hapikey': api_key, 'q': q}
    return BASE + 'contacts/v1/search/query?%s' % urllib.parse.urlencode(params)


def main_search(q):
    return requests.get(url_for(config.MAIN_KEY, q)).json()


def other_search(q):
    return requests.get(url_for(config.OTHER_KEY, q)).json()
"""
TWO_KEYS = 'import os\n\nMAIN_KEY = os.environ["MAIN_KEY"]\nOTHER_KEY = os.environ["OTHER_KEY"]\n'


def test_a_builders_key_parameter_filled_with_two_portals_keys_stays(tmp_path):
    result = tree(tmp_path, {"m.py": BUILDER_PARAMETER, "config.py": TWO_KEYS})["m.py"]
    sites = key_sites(result)
    assert sites and all(s.status == Status.MANUAL for s in sites)
    assert "several keys" in sites[0].reason
    assert not result.changed


def test_a_builders_key_parameter_filled_with_one_key_migrates(tmp_path):
    source = BUILDER_PARAMETER.replace("config.OTHER_KEY", "config.MAIN_KEY")
    result = tree(tmp_path, {"m.py": source, "config.py": TWO_KEYS})["m.py"]
    text = migrated(result)
    assert "params = {'q': q}" in text
    assert text.count(HEADER) == 2


def test_the_key_moved_under_another_name_after_encoding_stays(tmp_path):
    source = _one_builder(CONTACTS).replace(
        "    return BASE_URL + 'contacts/v1/lists/all/contacts/all?%s' "
        "% urllib.parse.urlencode(params)\n",
        "    url = BASE_URL + 'contacts/v1/lists/all/contacts/all?%s' "
        "% urllib.parse.urlencode(params)\n"
        "    params['portal_key'] = params.pop('hapikey')\n"
        "    requests.post('https://mirror.example.com/contacts', data=params)\n"
        "    return url\n",
    )
    _manual_and_unchanged(_migrate(tmp_path, source))


def test_a_filtered_copy_also_posted_to_another_host_stays(tmp_path):
    # the copy is followed now (it used to be taken for sending nothing)
    source = DEALS.replace(
        "    plain_parameters_encoded = urllib.parse.urlencode(plain_parameters)\n",
        "    plain_parameters_encoded = urllib.parse.urlencode(plain_parameters)\n"
        "    requests.post('https://audit.example.com/deals', json=plain_parameters)\n",
    )
    result = _migrate(tmp_path, source)
    fetch = next(s for s in key_sites(result) if s.line == 13)
    assert fetch.status == Status.MANUAL
    assert "json" in fetch.reason


def test_a_comprehension_renaming_the_keys_stays(tmp_path):
    source = DEALS.replace(
        "{k: v for k, v in parameters.items() if k not in special_parameter_keys}",
        "{k.lower(): v for k, v in parameters.items() if k not in special_parameter_keys}",
    )
    result = _migrate(tmp_path, source)
    fetch = next(s for s in key_sites(result) if s.line == 13)
    assert fetch.status == Status.MANUAL


def test_a_percent_operand_not_proven_text_stays(tmp_path):
    # "?%s" % pairs: an operand that is no str for certain (a tuple would
    # fill several fields, or raise)
    source = _one_builder(CONTACTS).replace(
        "% urllib.parse.urlencode(params)", "% sorted(params.items())"
    )
    result = _migrate(tmp_path, source)
    _manual_and_unchanged(result, "combined with '%'")


def test_an_encoded_name_bound_twice_once_not_text_stays(tmp_path):
    source = DEALS.replace(
        "    encoded_parameters = urllib.parse.urlencode(parameters)\n",
        "    encoded_parameters = urllib.parse.urlencode(parameters)\n"
        "    if endpoint.startswith('batch'):\n"
        "        encoded_parameters = tuple(parameters.items())\n",
    )
    result = _migrate(tmp_path, source)
    guard = next(s for s in key_sites(result) if s.line > 30)
    assert guard.status == Status.MANUAL, guard.reason


# -- behaviour: the token sent, no key, the other fields intact ---------------------------
SCENARIO = (
    '"""Contacts and deals modules encoding their parameters into the URL."""\n'
    'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
    "def case_contacts(credential):\n"
    "    import contacts\n\n"
    "    contacts.fetch_contacts(30)\n"
    '    contacts.find_contact("ann")\n\n\n'
    "def case_deals(credential):\n"
    "    import deals\n\n"
    "    deals.fetch_deals()\n"
    '    deals.execute_request("deals/v1/deal/recent/modified", {"count": 5})\n'
)


def test_the_encoded_parameters_behave_as_before_with_a_token(tmp_path):
    files = {
        "src/config.py": CONFIG,
        "src/contacts.py": CONTACTS,
        "src/deals.py": DEALS,
        "scenario.py": SCENARIO,
    }
    behaves(tmp_path / "encoded", files, manual=0)
