"""Shopify orders (Admin REST API); the token goes in X-Shopify-Access-Token."""
from __future__ import annotations

import os

import httpx

SHOP = os.getenv("SHOPIFY_SHOP", "demo-shop")


def shopify_client() -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url="https://%s.myshopify.example/admin/api/2021-07" % SHOP,
        headers={"X-Shopify-Access-Token": os.getenv("SHOPIFY_TOKEN", ""), "Accept": "application/json"},
    )


async def orders_for(client: httpx.AsyncClient, customer_id: str) -> list[dict]:
    r = await client.get("/orders.json", params={"customer_id": customer_id, "status": "any"})
    return r.json().get("orders", [])
