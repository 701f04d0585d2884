import os

import httpx

SHOP = os.environ.get("SHOPIFY_SHOP", "demo-shop")


async def recent_orders(limit=10):
    async with httpx.AsyncClient(
        base_url="https://%s.myshopify.com/admin/api/2021-01" % SHOP,
        headers={"X-Shopify-Access-Token": os.environ.get("SHOPIFY_TOKEN", "")},
    ) as client:
        r = await client.get("/orders.json", params={"limit": limit, "status": "any"})
        return r.json().get("orders", [])
