"""A key parameter forwarded by a wrapper (real code: ``get_contacts_df(hapikey)``
calls ``get_contacts(hapikey)``, which sends ``params={"hapikey": hapikey}``):
the wrapper's argument is the key the header now carries, not "a key of its
own" beside it, so the function migrates as any key parameter does (callers
pass access tokens now), and a configured key handed in by a caller becomes
the token there. Two configured keys handed in stay two."""

from __future__ import annotations

from hapimigrate.model import Kind, Status
from tests.conftest import migrate

LIBRARY = (
    "import os\nimport requests\n\n\n"
    "def get_contacts(hapikey, offset=0):\n"
    "    params = {'hapikey': hapikey, 'count': 100, 'vidOffset': offset}\n"
    "    return requests.get('https://api.hubapi.com/contacts/v1/lists/all/contacts/all', params=params)\n\n\n"
    "def get_contacts_df(hapikey, offset=0):\n"
    "    return get_contacts(hapikey, offset)\n"
)


def key_sites(result):
    return [s for s in result.sites if s.kind not in (Kind.CALL, Kind.VERSION)]


def test_the_forwarding_wrapper_does_not_hold_the_function_back():
    result = migrate(LIBRARY)
    (site,) = key_sites(result)
    assert site.status == Status.REWRITE, site.reason
    text = result.new.decode()
    assert "'hapikey'" not in text
    assert 'headers={"Authorization": "Bearer " + hapikey}' in text
    assert "return get_contacts(hapikey, offset)\n" in text


def test_the_configured_key_handed_to_the_wrapper_becomes_the_token():
    source = LIBRARY.replace(
        "import requests\n", "import requests\n\nKEY = os.environ['HUBSPOT_API_KEY']\n"
    ) + ("\n\ndef main():\n    return get_contacts_df(KEY)\n")
    result = migrate(source)
    assert [s.status for s in key_sites(result)] == [Status.REWRITE]
    text = result.new.decode()
    assert 'get_contacts_df(os.environ["HUBSPOT_ACCESS_TOKEN"])' in text
    assert "HUBSPOT_API_KEY" not in text


def test_two_configured_keys_handed_in_stay_for_a_person():
    source = LIBRARY.replace(
        "import requests\n",
        "import requests\n\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "SANDBOX = os.environ['HUBSPOT_SANDBOX_KEY']\n",
    ) + (
        "\n\ndef main():\n    return get_contacts_df(KEY)\n"
        "\n\ndef sandbox():\n    return get_contacts(SANDBOX)\n"
    )
    result = migrate(source)
    (site,) = key_sites(result)
    assert site.status == Status.MANUAL
    assert "several keys are sent" in site.reason
    assert result.new is None


def test_a_key_of_its_own_beside_the_function_key_stays_for_a_person():
    # the function adds its configured key when the caller's params lack one:
    # a caller handing in a key of its own would now send two credentials
    source = (
        "import os\nimport requests\nKEY = os.environ['HUBSPOT_API_KEY']\n\n\n"
        "def get(path, params=None):\n"
        "    params = dict(params or {})\n"
        "    if 'hapikey' not in params:\n"
        "        params['hapikey'] = KEY\n"
        "    return requests.get('https://api.hubapi.com' + path, params=params)\n\n\n"
        "def partner(partner_key):\n"
        "    return get('/contacts/v1/lists', {'hapikey': partner_key})\n"
    )
    result = migrate(source)
    assert result.new is None
    assert all(s.status == Status.MANUAL for s in key_sites(result))
