"""An import of a tree module's URL constant written over several lines, as
black writes a long one (``from app.http import (\\n    HUBSPOT_URL,\\n)``),
names that constant as the one-line import does: a request built on it whose
host is another service's stays for a person, and one whose host is HubSpot's
migrates. Before, the parenthesised list was read as importing nothing, the
host was unknown, and the token went to the proxy."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.trees import key_sites, tree

IMPORTS = {
    "one line": "from app.http import HUBSPOT_URL, OTHER\n",
    "parenthesised": "from app.http import (\n    HUBSPOT_URL,\n    OTHER,\n)\n",
    "parenthesised, with comments": (
        "from app.http import (  # the endpoints (see http.py)\n"
        "    HUBSPOT_URL,  # contacts)\n    OTHER,\n)\n"
    ),
    "parenthesised, aliased": (
        "from app.http import (\n    OTHER,\n    HUBSPOT_URL as HUBSPOT_URL,\n)\n"
    ),
}


def sync(imports: str) -> str:
    return (
        "import os\nimport requests\n" + imports + "\n\ndef push(vid):\n"
        "    return requests.post(HUBSPOT_URL + str(vid), "
        "params={'hapikey': os.environ['HUBSPOT_API_KEY']})\n"
    )


def http(host: str) -> str:
    return f'HUBSPOT_URL = "https://{host}/contacts/v1/contact/"\nOTHER = "x"\n'


@pytest.mark.parametrize("imports", sorted(IMPORTS))
def test_another_hosts_constant_imported_keeps_the_key(tmp_path, imports):
    results = tree(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/http.py": http("proxy.example.com"),
            "app/sync.py": sync(IMPORTS[imports]),
        },
    )
    (site,) = key_sites(results["app/sync.py"])
    assert site.status == Status.MANUAL and "proxy.example.com" in site.reason
    assert results["app/sync.py"].new is None


@pytest.mark.parametrize("imports", sorted(IMPORTS))
def test_hubspots_constant_imported_migrates(tmp_path, imports):
    results = tree(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/http.py": http("api.hubapi.com"),
            "app/sync.py": sync(IMPORTS[imports]),
        },
    )
    (site,) = key_sites(results["app/sync.py"])
    assert site.status == Status.REWRITE
    assert "HUBSPOT_ACCESS_TOKEN" in results["app/sync.py"].new.decode()
