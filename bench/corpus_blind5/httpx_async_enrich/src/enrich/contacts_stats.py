"""Contact counts by lifecycle stage, one v1 call per stage, all at once."""
import asyncio
import os

import httpx

STAGES = ("subscriber", "lead", "customer")


async def _count(client, stage):
    url = "https://api.hubapi.com/contacts/v1/search/query"
    params = {"q": stage, "count": 1, "hapikey": os.environ["HUBSPOT_API_KEY"]}
    resp = await client.get(url, params=params)
    return stage, resp.json().get("total", 0)


async def stage_counts():
    async with httpx.AsyncClient(timeout=10) as client:
        pairs = await asyncio.gather(*(_count(client, s) for s in STAGES))
    return dict(pairs)
