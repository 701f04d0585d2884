"""``headers=json_headers()`` with the function in another module of the tree
(header_fit.builds_plain_headers): when that module names no credential and the
function reads only its parameters, its locals and its module's literal values,
what it returns cannot hold an Authorization header, so the token's header is
merged into it and the request keeps its own headers. Anything else it might
return stays a manual site ("cannot see into")."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.trees import key_sites, run_against_standin, tree

HTTP = """\
JSON_HEADERS = {"Accept": "application/json", "User-Agent": "shopsync/2"}


def json_headers(extra=None):
    headers = dict(JSON_HEADERS)
    if extra:
        headers.update(extra)
    return headers
"""
SERVICE = """\
import os

import requests

from shop.http import json_headers

API = "https://api.hubapi.com"


def contact(email):
    resp = requests.get(
        API + "/contacts/v1/contact/email/%s/profile" % email,
        params={"hapikey": os.environ["HUBSPOT_API_KEY"], "property": "email"},
        headers=json_headers(),
    )
    return resp.status_code
"""


def files(http: str = HTTP, service: str = SERVICE) -> dict[str, str]:
    return {"shop/__init__.py": "", "shop/http.py": http, "shop/service.py": service}


def test_headers_another_module_builds_plainly_take_the_token(tmp_path):
    results = tree(tmp_path, files())
    sites = key_sites(results["shop/service.py"])
    assert [s.status for s in sites] == [Status.REWRITE]
    migrated = results["shop/service.py"].new.decode()
    (seen,) = run_against_standin(tmp_path, {"shop/service.py": migrated}, DRIVER)
    assert seen.authorization == "Bearer tok-main" and seen.hapikey is None
    assert seen.query == {"property": ["email"]}
    assert "User-Agent: shopsync/2" in seen.raw  # its own headers kept


DRIVER = "from shop import service\nassert service.contact('a@b.test') == 200\n"


@pytest.mark.parametrize(
    "http, service",
    [
        # the module has an OAuth mode: it may return Authorization
        (
            HTTP + "\n\ndef oauth_headers(token):\n"
            '    return {"Authorization": "Bearer " + token}\n',
            SERVICE,
        ),
        # the function reads what another module gives
        (
            "from shop.settings import EXTRA\n\n\n"
            "def json_headers():\n    return dict(EXTRA)\n",
            SERVICE,
        ),
        # called with a value of the caller's, which may hold anything
        (HTTP, SERVICE.replace("json_headers()", "json_headers(EXTRA)")),
    ],
    ids=["oauth_in_module", "imported_value", "argument"],
)
def test_other_imported_headers_stay_manual(tmp_path, http, service):
    results = tree(tmp_path, files(http, service))
    result = results["shop/service.py"]
    assert not result.changed
    (site,) = key_sites(result)
    assert site.status == Status.MANUAL


def test_headers_built_as_a_list_of_pairs_stay_manual(tmp_path):
    """httpx and aiohttp take headers as a list of pairs: ``{**pairs, ...}``
    would raise, so what the function returns must be a dict (review 15's R1)."""
    http = (
        'def json_headers(content_type="application/json"):\n'
        '    return [("Accept", "application/json"), ("Content-Type", content_type)]\n'
    )
    results = tree(tmp_path, files(http))
    result = results["shop/service.py"]
    assert not result.changed
    (site,) = key_sites(result)
    assert site.status == Status.MANUAL and "cannot see into" in site.reason
