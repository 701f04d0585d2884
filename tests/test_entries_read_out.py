"""A keyed params dict whose entries are read out (``params.items()``,
``params.values()``) where the flow does not follow them (pairs posted to a
replay proxy, values handed to an audit log) keeps its site for a person: once
the key entry goes, whatever received the pairs silently stops getting the key
(found by helper encoded14). Entries the flow follows (a copy handed to
``urlencode``, a filtered comprehension) still migrate."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.conftest import migrate

HEAD = (
    "import os\nfrom urllib.parse import urlencode\nimport requests\n\n"
    "KEY = os.environ['HUBSPOT_API_KEY']\n"
    "URL = 'https://api.hubapi.com/contacts/v1/lists/all/contacts/all'\n\n"
    "def contacts():\n    params = {'hapikey': KEY, 'count': 10}\n"
)
READ_OUT = {
    "pairs posted to a proxy": (
        "    r = requests.get(URL, params=params)\n"
        "    pairs = [[k, v] for k, v in params.items()]\n"
        "    requests.post('https://proxy.example.com/replay', json={'pairs': pairs})\n"
        "    return r\n"
    ),
    "values handed to an audit function": (
        "    r = requests.get(URL, params=params)\n"
        "    audit(list(params.values()))\n    return r\n\n"
        "def audit(values):\n"
        "    requests.post('https://audit.example.com/log', json=values)\n"
    ),
    "entries looped over for another request": (
        "    r = requests.get(URL, params=params)\n"
        "    for name, value in params.items():\n"
        "        requests.post('https://mirror.example.com/' + name, data=value)\n"
        "    return r\n"
    ),
}


@pytest.mark.parametrize("shape", sorted(READ_OUT))
def test_entries_read_out_elsewhere_keep_the_site(shape):
    result = migrate(HEAD + READ_OUT[shape])
    sites = [s for s in result.sites if s.kind.value not in ("call", "version")]
    assert sites and all(s.status == Status.MANUAL for s in sites), sites
    assert result.new is None


FOLLOWED = {
    "urlencoded sorted pairs": (
        "    return requests.get(URL + '?' + urlencode(sorted(params.items())))\n"
    ),
    "a filtered copy": (
        "    query = {k: v for k, v in params.items() if v is not None}\n"
        "    return requests.get(URL, params=query)\n"
    ),
}


@pytest.mark.parametrize("shape", sorted(FOLLOWED))
def test_entries_the_flow_follows_still_migrate(shape):
    result = migrate(HEAD + FOLLOWED[shape])
    sites = [s for s in result.sites if s.kind.value not in ("call", "version")]
    assert sites and all(s.status == Status.REWRITE for s in sites), sites
    new = result.new.decode()
    assert "hapikey" not in new and 'os.environ["HUBSPOT_ACCESS_TOKEN"]' in new
