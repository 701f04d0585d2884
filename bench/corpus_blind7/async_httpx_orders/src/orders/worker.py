import asyncio
import logging

from .hubspot_async import HubSpotAsync
from .shopify import recent_orders

log = logging.getLogger("orders.worker")


async def sync_orders(api_key=None):
    created = 0
    async with HubSpotAsync(api_key) as hs:
        known = {i["properties"]["name"] async for i in hs.iter_line_items()}
        for order in await recent_orders():
            if await hs.search_deals(str(order["id"])):
                continue
            deal = await hs.create_deal({"dealname": "Order %s" % order["name"],
                                         "amount": order["total_price"],
                                         "shopify_order_id": str(order["id"])})
            await hs.log_email(int(deal["id"]), "Order confirmation %s" % order["name"])
            created += 1
    log.info("created %d deals (%d known line items)", created, len(known))
    return created


def main():
    return asyncio.run(sync_orders())


if __name__ == "__main__":
    main()
