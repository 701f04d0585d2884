"""Examples for the calls finder: HubSpot API calls with or without a key, as
read-only sites of kind ``call`` (report: the calls no key site lists; check:
every call to an endpoint with an announced date). It never edits."""

from __future__ import annotations

import pytest

from hapimigrate import providers
from hapimigrate.model import CALLS_DATED, CALLS_UNLISTED, Kind, RunOptions, Status
from hapimigrate.python import module as codemod

H = "H = {'Authorization': 'Bearer t'}\n"


def calls(source: str, mode: str = CALLS_UNLISTED):
    options = RunOptions(providers.resolve(None), calls=mode)
    result = codemod.process_source("example.py", source.encode(), options)
    plain = codemod.process_source(
        "example.py", source.encode(), RunOptions(providers.resolve(None))
    )
    assert result.error is None and result.new == plain.new  # read-only
    return [
        (s.line, [f"{c.method} {c.path}" for c in s.calls])
        for s in result.sites
        if s.kind == Kind.CALL
    ]


FOUND = [
    (  # requests, a literal host
        "import requests\n"
        + H
        + "requests.get('https://api.hubapi.com/crm/v3/objects/contacts', headers=H)\n",
        [(3, ["GET /crm/v3/objects/contacts"])],
    ),
    (  # a session and a base constant; the method from the verb
        "import requests\nBASE = 'https://api.hubapi.com'\ns = requests.Session()\n"
        "s.post(BASE + '/crm/v3/objects/deals/search', json={})\n",
        [(4, ["POST /crm/v3/objects/deals/search"])],
    ),
    (  # no host known, but a path HubSpot's catalogs name
        "import requests\nfrom settings import BASE_URL\n"
        "requests.get(BASE_URL + '/owners/v2/owners')\n",
        [(3, ["GET /owners/v2/owners"])],
    ),
    (  # a wrapper taking method and path: a call per call site of the wrapper
        "import requests\nBASE = 'https://api.hubapi.com'\n"
        "def call(method, path):\n    return requests.request(method, BASE + path)\n"
        "def a():\n    return call('GET', '/deals/v1/deal/paged')\n"
        "def b():\n    return call('POST', '/crm/v3/objects/deals')\n",
        [(6, ["GET /deals/v1/deal/paged"]), (8, ["POST /crm/v3/objects/deals"])],
    ),
    (  # a helper returning the URL
        "import requests\n"
        "def url(path):\n    return 'https://api.hubapi.com' + path\n"
        "requests.delete(url('/crm/v3/objects/contacts/1'))\n",
        [(4, ["DELETE /crm/v3/objects/contacts/1"])],
    ),
    (  # an httpx client with a base_url
        "import httpx\nclient = httpx.Client(base_url='https://api.hubapi.com')\n"
        "client.get('/crm/objects/2026-03/companies')\n",
        [(3, ["GET /crm/objects/2026-03/companies"])],
    ),
    (  # urllib: POST with data
        "import urllib.request\n"
        "urllib.request.urlopen('https://api.hubapi.com/oauth/v1/token', data=b'x')\n",
        [(2, ["POST /oauth/v1/token"])],
    ),
]

NOT_HUBSPOT = [
    "import requests\nrequests.get('https://api.example.com/crm/v3/objects/contacts')\n",
    "import requests\nfrom settings import BASE\nrequests.get(BASE + '/api/v1/users')\n",
    "import requests\nrequests.get(url)\n",
    "import requests\nprint('https://api.hubapi.com/crm/v3/objects/contacts')\n",
]


@pytest.mark.parametrize("source, expected", FOUND)
def test_found(source, expected):
    assert calls(source) == expected


@pytest.mark.parametrize("source", NOT_HUBSPOT)
def test_not_hubspot(source):
    assert calls(source) == []


def test_off_unless_asked():
    options = RunOptions(providers.resolve(None))
    source = (
        "import requests\nrequests.get('https://api.hubapi.com/owners/v2/owners')\n"
    )
    assert codemod.process_source("a.py", source.encode(), options).sites == ()


def test_report_leaves_out_what_a_key_site_lists():
    source = (
        "import requests\nKEY = 'k'\n"
        "requests.get('https://api.hubapi.com/owners/v2/owners?hapikey=' + KEY)\n"
        "requests.get('https://api.hubapi.com/owners/v2/owners', headers={})\n"
        "requests.get('https://api.hubapi.com/deals/v1/deal/paged', headers={})\n"
    )
    assert calls(source) == [(5, ["GET /deals/v1/deal/paged"])]
    # check sees every call to an endpoint with a date, key or not
    assert calls(source, CALLS_DATED) == [
        (3, ["GET /owners/v2/owners"]),
        (4, ["GET /owners/v2/owners"]),
        (5, ["GET /deals/v1/deal/paged"]),
    ]


def test_check_leaves_out_current_endpoints():
    source = (
        "import requests\n"
        + H
        + "requests.get('https://api.hubapi.com/crm/objects/2026-03/contacts', headers=H)\n"
        "requests.get('https://api.hubapi.com/crm/v3/objects/contacts', headers=H)\n"
    )
    assert calls(source, CALLS_DATED) == [(4, ["GET /crm/v3/objects/contacts"])]


def test_call_sites_are_kept_and_do_not_hide_key_uses_from_the_text_scan():
    source = (
        "import requests\n"
        "requests.get('https://api.hubapi.com/owners/v2/owners')  # was ?hapikey=KEY\n"
    )
    options = RunOptions(
        providers.resolve(None), calls=CALLS_DATED, scan_text=True, strict=True
    )
    result = codemod.process_source("a.py", source.encode(), options)
    assert sorted((s.kind.value, s.status.value) for s in result.sites) == [
        ("call", "kept"),
        ("url", "manual"),  # the comment, which --strict counts, is still seen
    ]
