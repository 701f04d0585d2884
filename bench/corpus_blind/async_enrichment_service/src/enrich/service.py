import asyncio
import logging

import httpx

from enrich import hub
from enrich.enrichment import lookup_domain

log = logging.getLogger("enrich")


async def enrich_recent(options: str = "property=company&property=email"):
    async with httpx.AsyncClient(timeout=20.0) as client:
        updated = 0
        for contact in await hub.recent_contacts(client, count=20, options=options):
            company_id = contact.get("associated-company", {}).get("company-id")
            if not company_id:
                continue
            company = await hub.get_company(client, company_id)
            domain = company["properties"].get("domain", {}).get("value")
            if not domain:
                continue
            data = await lookup_domain(client, domain)
            if not data:
                continue
            owner = await hub.get_owner(client, int(company["properties"]["hubspot_owner_id"]["value"]))
            log.info("enriching %s for %s", domain, owner.get("email"))
            await hub.update_company(client, company_id, {
                "numberofemployees": str(data.get("employees")) if data.get("employees") else None,
                "industry": data.get("industry"),
            })
            updated += 1
        return updated


async def snapshot(vids, company_ids):
    async with httpx.AsyncClient() as client:
        return await hub.contacts_and_companies(client, vids, company_ids)


def main():
    return asyncio.run(enrich_recent())


if __name__ == "__main__":
    print(main())
