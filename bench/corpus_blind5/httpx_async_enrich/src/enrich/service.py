import asyncio
import logging

import httpx

from enrich import clearbit
from enrich.hubspot import AsyncHubSpot
from enrich.settings import load_settings

log = logging.getLogger(__name__)


async def enrich_one(hs, cb_client, settings, company):
    cid = company["companyId"]
    domain = company.get("properties", {}).get("domain", {}).get("value")
    if not domain:
        return None
    info = await clearbit.lookup(cb_client, settings.clearbit_key, domain)
    if not info:
        return None
    await hs.update_company(cid, {"industry": info.get("category", {}).get("industry", ""),
                                  "numberofemployees": str(info.get("metrics", {}).get("employees", ""))})
    return cid


async def run():
    settings = load_settings()
    async with AsyncHubSpot(settings.hubspot) as hs, httpx.AsyncClient(timeout=10) as cb_client:
        companies = await hs.recent_companies()
        done = await asyncio.gather(*(enrich_one(hs, cb_client, settings, c) for c in companies))
        if settings.slack_webhook:
            await cb_client.post(settings.slack_webhook, json={"text": "enriched %d" % sum(1 for d in done if d)})
    return [d for d in done if d]


def main():
    logging.basicConfig(level=logging.INFO)
    return asyncio.run(run())


if __name__ == "__main__":
    main()
