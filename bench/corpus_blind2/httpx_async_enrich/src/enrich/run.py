"""python -m enrich.run: fill employees/industry on companies that lack them."""
import asyncio
import logging
from typing import Dict

import httpx

from . import config, provider
from .hubspot import AsyncHubSpot

log = logging.getLogger("enrich")

FIELDS = {"employees": "numberofemployees", "industry": "industry"}


async def enrich_one(cfg, hub, outside, company, sem) -> bool:
    props = company.get("properties", {})
    domain = (props.get("domain") or {}).get("value")
    if not domain or (props.get("numberofemployees") or {}).get("value"):
        return False
    async with sem:
        found = await provider.lookup(outside, cfg.provider_url, cfg.provider_token, domain)
    if not found:
        return False
    values: Dict[str, str] = {prop: str(found[key]) for key, prop in FIELDS.items() if found.get(key)}
    if values:
        await hub.update(company["companyId"], values)
    return bool(values)


async def main(cfg=None) -> int:
    cfg = cfg or config.from_env()
    hub = AsyncHubSpot(cfg.hubspot_key)
    sem = asyncio.Semaphore(cfg.concurrency)
    async with httpx.AsyncClient(timeout=10.0) as outside:
        companies = [c async for c in hub.companies(["domain", "numberofemployees"])]
        results = []
        for company in companies:  # one at a time keeps the provider's order stable
            results.append(await enrich_one(cfg, hub, outside, company, sem))
    await hub.close()
    log.info("enriched %d of %d", sum(results), len(companies))
    return sum(results)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())
