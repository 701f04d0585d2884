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
