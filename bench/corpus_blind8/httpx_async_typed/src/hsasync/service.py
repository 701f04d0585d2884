from __future__ import annotations

import asyncio
import logging
from dataclasses import replace

from hsasync.client import CrmClient
from hsasync.protocols import ContactSource
from hsasync.settings import HubSpotSettings, get_settings

log = logging.getLogger(__name__)


def get_crm(settings: HubSpotSettings | None = None) -> CrmClient:
    """Dependency for the API layer: one client per request."""
    return CrmClient(settings or get_settings())


def crm_for_portal(api_key: str) -> CrmClient:
    return CrmClient(replace(get_settings(), api_key=api_key))


async def normalise_countries(source: ContactSource) -> int:
    fixes: dict[str, dict[str, str]] = {}
    async for contact in source.iter_contacts(["country"]):
        country = (contact.get("properties") or {}).get("country") or ""
        if country and country != country.strip().title():
            fixes[contact["id"]] = {"country": country.strip().title()}
    if fixes:
        await source.batch_update_contacts(fixes)
    return len(fixes)


async def deal_amounts(crm: CrmClient, ids: list[int]) -> dict[int, str]:
    deals = await asyncio.gather(*(crm.get_deal(i) for i in ids))
    return {d["dealId"]: d["properties"]["amount"]["value"] for d in deals}


async def run(api_key: str | None = None) -> tuple[int, dict[int, str]]:
    crm = crm_for_portal(api_key) if api_key else get_crm()
    async with crm:
        fixed = await normalise_countries(crm)
        amounts = await deal_amounts(crm, [1, 2])
    return fixed, amounts


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    print(asyncio.run(run()))


if __name__ == "__main__":
    main()
