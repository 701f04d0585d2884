import asyncio
import os

import httpx

from shopsync.hubspot_service import HubSpotService
from shopsync.shopify import ShopifyClient


async def sync_totals():
    async with httpx.AsyncClient(timeout=20) as client:
        hubspot = HubSpotService.from_env(client)
        shop = ShopifyClient(client, os.environ["SHOPIFY_SHOP"], os.environ["SHOPIFY_TOKEN"])
        updated = 0
        async for contact in hubspot.contacts():
            email = contact["properties"].get("email")
            if not email:
                continue
            orders = await shop.orders_for(email)
            total = sum(float(o["total_price"]) for o in orders)
            await hubspot.set_total_spent(contact["id"], total)
            for order in orders:
                await hubspot.line_item_for_order(order)
            updated += 1
        return updated


async def sync_for_merchant(api_key, shop_name, shop_token):
    """Called by the admin UI for one merchant with their own HubSpot key."""
    async with httpx.AsyncClient() as client:
        hubspot = HubSpotService(client, api_key=api_key)
        shop = ShopifyClient(client, shop_name, shop_token)
        n = 0
        async for contact in hubspot.contacts():
            if contact["properties"].get("email"):
                n += len(await shop.orders_for(contact["properties"]["email"]))
        return n


if __name__ == "__main__":
    print(asyncio.run(sync_totals()))
