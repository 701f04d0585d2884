"""Examples for the modernize fixer (``--modernize``): v3/v4 paths whose 2026-03
twin has the same schemas move to the date-based path; every other versioned
path is left, with the reason; v1/v2 paths are never touched."""

from __future__ import annotations

import pytest

from hapimigrate import providers
from hapimigrate.model import Kind, RunOptions, Status
from hapimigrate.python import module as codemod

AUTH = "H = {'Authorization': 'Bearer t'}\n"
HEAD = "import requests\nBASE = 'https://api.hubapi.com'\n" + AUTH


def modernize(source: str, on: bool = True):
    options = RunOptions(providers.resolve(None), modernize=on)
    return codemod.process_source("example.py", source.encode(), options)


REWRITES = [
    (  # a literal URL
        "requests.get('https://api.hubapi.com/crm/v3/objects/contacts', headers=H)\n",
        "requests.get('https://api.hubapi.com/crm/objects/2026-03/contacts', headers=H)\n",
    ),
    (  # an f-string: the field stays
        "def f(i):\n    return requests.get(f'{BASE}/crm/v3/objects/deals/{i}', headers=H)\n",
        "def f(i):\n    return requests.get(f'{BASE}/crm/objects/2026-03/deals/{i}', headers=H)\n",
    ),
    (  # % formatting, the base through %s
        "def f(i):\n    return requests.get('%s/crm/v3/owners/%s' % (BASE, i), headers=H)\n",
        "def f(i):\n    return requests.get('%s/crm/owners/2026-03/%s' % (BASE, i), headers=H)\n",
    ),
    (  # a constant shared by two safe calls
        'URL = BASE + "/crm/v3/objects"\n'
        "def a():\n    return requests.get(URL + '/tickets', headers=H)\n"
        "def b(q):\n    return requests.post(URL + '/tickets/search', json=q, headers=H)\n",
        'URL = BASE + "/crm/objects/2026-03"\n'
        "def a():\n    return requests.get(URL + '/tickets', headers=H)\n"
        "def b(q):\n    return requests.post(URL + '/tickets/search', json=q, headers=H)\n",
    ),
    (  # v4 associations whose twin is identical
        "requests.post(BASE + '/crm/v4/associations/deals/contacts/batch/read', json={}, headers=H)\n",
        "requests.post(BASE + '/crm/associations/2026-03/deals/contacts/batch/read', json={}, headers=H)\n",
    ),
    (  # a wrapper taking the path: only the call that passes this string
        "class C:\n"
        "    def _get(self, path):\n        return requests.get(BASE + path, headers=H)\n"
        "    def a(self):\n        return self._get('/crm/v3/objects/companies')\n",
        "class C:\n"
        "    def _get(self, path):\n        return requests.get(BASE + path, headers=H)\n"
        "    def a(self):\n        return self._get('/crm/objects/2026-03/companies')\n",
    ),
    (  # CMS: the date goes after the API name
        "requests.get(BASE + '/cms/v3/blogs/posts', headers=H)\n",
        "requests.get(BASE + '/cms/blogs/2026-03/posts', headers=H)\n",
    ),
]

UNTOUCHED = [
    # v1/v2: the replacement answers differently; the report names it
    "requests.get(BASE + '/owners/v2/owners', headers=H)\n",
    "requests.get(BASE + '/contacts/v1/lists/all/contacts/all', headers=H)\n",
    # already date-based
    "requests.get(BASE + '/crm/objects/2026-03/contacts', headers=H)\n",
    # prose, docstrings and log lines
    "'''Calls /crm/v3/objects/contacts.'''\n",
    "import logging\nlogging.info('calling /crm/v3/objects/contacts')\n",
    # another API's v3
    "requests.get('https://api.example.com/v3/items')\n",
]

LEFT_FOR_A_PERSON = [
    (
        "requests.get(BASE + '/crm/v3/pipelines/deals', headers=H)\n",
        "differs (response 200: results[].stages[] requires writePermissions)",
    ),
    (
        "def f(i):\n    return requests.get(BASE + '/crm/v3/objects/contacts/%s/associations/companies' % i, headers=H)\n",
        "no 2026-03 twin of GET /crm/v3/objects/contacts/{i}/associations/companies is known",
    ),
    (
        "requests.get(BASE + '/crm/v3/objects/payments', headers=H)\n",
        "HubSpot's 2026-03 spec has no counterpart of GET /crm/v3/objects/payments",
    ),
    (  # a constant also used for a call whose twin differs
        "URL = BASE + '/crm/v3/properties'\n"
        "def a():\n    return requests.get(URL + '/deals', headers=H)\n"
        "def b():\n    return requests.get(URL + '/deals/groups', headers=H)\n",
        "the 2026-03 twin of GET /crm/v3/properties/deals/groups differs",
    ),
    (
        "CRM = BASE + '/crm/v3'\nrequests.get(CRM + '/objects/contacts', headers=H)\n",
        "the versioned prefix /crm/v3/objects is split across strings",
    ),
    (
        "PATHS = {'contacts': '/crm/v3/objects/contacts'}\n",
        "used in a dict entry",
    ),
    (
        "print('https://api.hubapi.com/crm/v3/objects/contacts')\n",
        "no request using this path was found in this module",
    ),
    (
        "CONTACTS = 'https://api.hubapi.com/crm/v3/objects/contacts'\n",
        "CONTACTS is not used in this module",
    ),
    (
        "requests.get('https://api.hubapi.com\\x2fcrm/v3/objects/contacts', headers=H)\n",
        "escape sequences",
    ),
    (
        "def f(method):\n    return requests.request(method, BASE + '/crm/v3/lists/search', headers=H)\n",
        "the HTTP method of /crm/v3/lists/search is not known from the source",
    ),
]


@pytest.mark.parametrize("before, after", REWRITES)
def test_rewrites(before, after):
    result = modernize(HEAD + before)
    assert result.error is None
    assert result.new is not None, [s.reason for s in result.sites]
    assert result.new.decode() == HEAD + after
    assert [s.status for s in result.sites] == [Status.REWRITE]
    assert [s.kind for s in result.sites] == [Kind.VERSION]
    again = modernize(result.new.decode())
    assert again.new is None and again.sites == ()  # idempotent
    assert modernize(HEAD + before, on=False).new is None  # opt-in


@pytest.mark.parametrize("source", UNTOUCHED)
def test_untouched(source):
    result = modernize(HEAD + source)
    assert result.error is None and result.new is None
    assert result.sites == ()


@pytest.mark.parametrize("source, reason", LEFT_FOR_A_PERSON)
def test_left_for_a_person(source, reason):
    result = modernize(HEAD + source)
    assert result.new is None
    [site] = result.sites
    assert (site.kind, site.status) == (Kind.VERSION, Status.MANUAL)
    assert reason in site.reason


def test_the_key_goes_and_the_path_moves_in_one_string():
    result = modernize(
        "import requests\nKEY = 'k'\n"
        "requests.get('https://api.hubapi.com/crm/v3/objects/contacts?hapikey=' + KEY + '&limit=5')\n"
    )
    assert result.new.decode() == (
        "import os\n\nimport requests\n"
        "requests.get('https://api.hubapi.com/crm/objects/2026-03/contacts?limit=5', "
        'headers={"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]})\n'
    )
    assert [(s.kind, s.status) for s in result.sites] == [
        (Kind.URL, Status.REWRITE),
        (Kind.VERSION, Status.REWRITE),
    ]


def test_formatting_and_line_endings_are_kept():
    source = (
        "import requests\r\n"
        "URL = (\r\n"
        "    'https://api.hubapi.com'  # the host\r\n"
        '    "/crm/v3/objects/contacts"  # the path\r\n'
        ")\r\n"
        "requests.get(URL, headers={})\r\n"
    )
    result = modernize(source)
    assert result.new.decode() == source.replace(
        "/crm/v3/objects", "/crm/objects/2026-03"
    )
