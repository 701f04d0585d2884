"""A key definition that another module still reads after the migration stays,
whichever pass runs its module last (blind's async_enrichment_service: the
settings pass ran ``constants.py`` again without the tree-wide pass's list of
definitions read elsewhere, removed ``HUBSPOT_KEY``, and ``import enrich.hub``
failed on its ``from enrich.constants import HUBSPOT_KEY``)."""

from __future__ import annotations

import subprocess
import sys

from tests.trees import tree

CONSTANTS = """\
import os

HUBSPOT_KEY = os.getenv("HUBSPOT_KEY", "")
BASE = "https://api.hubapi.com"

CONTACT_URL = BASE + "/contacts/v1/contact/vid/{vid}/profile?hapikey=" + HUBSPOT_KEY
COMPANY_URL = BASE + "/companies/v2/companies/{company_id}?hapikey=" + HUBSPOT_KEY
OWNER_URL = BASE + "/owners/v2/owners/%s?hapikey=%s"

ENRICH_API = os.getenv("ENRICH_API", "https://api.enrichly.example/v2")
ENRICH_TOKEN = os.getenv("ENRICH_TOKEN", "")
"""
# the module as the corpus has it (httpx, a comprehension the tool leaves)
HUB = '''\
"""Async HubSpot calls (httpx)."""
import asyncio
from typing import Any, Dict, List, Optional

import httpx

from enrich.constants import BASE, COMPANY_URL, CONTACT_URL, HUBSPOT_KEY, OWNER_URL


async def get_contact(client: httpx.AsyncClient, vid: int) -> Dict[str, Any]:
    resp = await client.get(CONTACT_URL.format(vid=vid))
    resp.raise_for_status()
    return resp.json()


async def get_company(client: httpx.AsyncClient, company_id: int) -> Dict[str, Any]:
    resp = await client.get(COMPANY_URL.format(company_id=company_id))
    resp.raise_for_status()
    return resp.json()


async def get_owner(client: httpx.AsyncClient, owner_id: int) -> Dict[str, Any]:
    resp = await client.get(OWNER_URL % (owner_id, HUBSPOT_KEY))
    return resp.json()


def _query(options: str) -> str:
    return "?hapikey=" + HUBSPOT_KEY + "&" + options.lstrip("&")


async def recent_contacts(client: httpx.AsyncClient, count: int = 50,
                          options: str = "") -> List[Dict[str, Any]]:
    url = BASE + "/contacts/v1/lists/recently_updated/contacts/recent" + _query(
        "count=%d&%s" % (count, options))
    resp = await client.get(url)
    return resp.json()["contacts"]


async def update_company(client: httpx.AsyncClient, company_id: int,
                         values: Dict[str, Optional[str]]) -> int:
    query = {k: v for k, v in (("hapikey", HUBSPOT_KEY), ("source", "enrich")) if v}
    body = {"properties": [{"name": k, "value": v} for k, v in values.items() if v is not None]}
    resp = await client.put(BASE + "/companies/v2/companies/%d" % company_id, params=query, json=body)
    return resp.status_code


async def contacts_and_companies(client: httpx.AsyncClient, vids: List[int], company_ids: List[int]):
    contacts = await asyncio.gather(*(get_contact(client, v) for v in vids))
    companies = await asyncio.gather(*(get_company(client, c) for c in company_ids))
    return list(contacts), list(companies)
'''


def test_a_definition_read_by_a_site_left_for_a_person_stays(tmp_path):
    results = tree(
        tmp_path,
        {
            "enrich/__init__.py": "",
            "enrich/constants.py": CONSTANTS,
            "enrich/hub.py": HUB,
        },
    )
    constants = results["enrich/constants.py"]
    assert constants.changed  # the URL no longer holds the key
    contact_url = constants.new.decode().split("CONTACT_URL =")[1].split("\n")[0]
    assert "hapikey" not in contact_url
    assert 'HUBSPOT_KEY = os.getenv("HUBSPOT_KEY", "")' in constants.new.decode()
    for name, result in results.items():
        if result.changed:
            (tmp_path / name).write_bytes(result.new)
    imported = subprocess.run(
        [sys.executable, "-c", "import enrich.hub"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert imported.returncode == 0, imported.stderr
