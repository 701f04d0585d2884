"""Extract CRM objects. Companies go through raw v2 endpoints with httpx because the
SDK's paging was too slow; contacts/deals through hubspot3."""
import asyncio

import httpx

from etl import clients
from etl.settings import BATCH_SIZE, HUBSPOT


def iter_companies(client=None):
    own = client is None
    client = client or httpx.Client(
        base_url=HUBSPOT["base_url"],
        params={"hapikey": HUBSPOT["api_key"]},
        timeout=HUBSPOT["timeout"],
    )
    try:
        offset = 0
        while True:
            r = client.get("/companies/v2/companies/paged",
                           params={"limit": BATCH_SIZE, "offset": offset, "properties": "name"})
            r.raise_for_status()
            data = r.json()
            yield from data.get("companies", [])
            if not data.get("has-more"):
                return
            offset = data["offset"]
    finally:
        if own:
            client.close()


async def _company_details(ids):
    async with httpx.AsyncClient(
        base_url=HUBSPOT["base_url"], params={"hapikey": HUBSPOT["api_key"]}
    ) as client:
        async def one(cid):
            r = await client.get("/companies/v2/companies/%s" % cid)
            return r.json()
        results = []
        for cid in ids:
            results.append(await one(cid))
        return results


def company_details(ids):
    return asyncio.run(_company_details(ids))


def recent_contacts(api_key=None):
    cc = clients.contacts_client(api_key or HUBSPOT["api_key"])
    return cc.get_recently_created(limit=BATCH_SIZE)


def all_deals():
    return clients.hubspot.deals.get_all(extra_properties=["amount", "dealstage"])
