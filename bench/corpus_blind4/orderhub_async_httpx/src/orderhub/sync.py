"""For every HubSpot contact linked to a Shopify customer, create a deal per new order."""
from __future__ import annotations

import asyncio
import logging

from orderhub.hubspot_service import HubSpotService
from orderhub.shopify import orders_for, shopify_client

log = logging.getLogger("orderhub")


async def sync() -> list[int]:
    async with HubSpotService(concurrency=2) as hs:
        pipelines = await hs.deal_pipelines()
        pipeline = pipelines[0]["pipelineId"] if pipelines else "default"
        deals = []
        async with shopify_client() as shop:
            async for contact in hs.contacts(limit=2):
                cid = (contact.get("properties") or {}).get("shopify_customer_id")
                if not cid:
                    continue
                for order in await orders_for(shop, cid):
                    deals.append({"dealname": "Order %s" % order["name"],
                                  "amount": order["total_price"], "pipeline": pipeline})
        return await hs.create_deals(deals)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    print(asyncio.run(sync()))


if __name__ == "__main__":
    main()
