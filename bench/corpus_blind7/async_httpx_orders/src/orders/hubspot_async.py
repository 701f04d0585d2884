"""Async HubSpot client used by the order sync worker."""
from __future__ import annotations

import logging
import os
from typing import Any, AsyncIterator

import httpx

log = logging.getLogger(__name__)


class HubSpotAsync:
    base_url = "https://api.hubapi.com"

    def __init__(self, api_key: str | None = None, timeout: float = 15.0) -> None:
        self.api_key = api_key or os.environ["HUBSPOT_API_KEY"]
        self.timeout = timeout
        self._client: httpx.AsyncClient | None = None

    async def __aenter__(self) -> "HubSpotAsync":
        self._client = httpx.AsyncClient(
            base_url=self.base_url,
            params={"hapikey": self.api_key},
            timeout=self.timeout,
            headers={"Accept": "application/json"},
        )
        return self

    async def __aexit__(self, *exc: Any) -> None:
        assert self._client is not None
        await self._client.aclose()

    async def search_deals(self, order_id: str) -> list[dict]:
        body = {"filterGroups": [{"filters": [
            {"propertyName": "shopify_order_id", "operator": "EQ", "value": order_id}]}]}
        r = await self._client.post("/crm/v3/objects/deals/search", json=body)
        r.raise_for_status()
        return r.json().get("results", [])

    async def iter_line_items(self) -> AsyncIterator[dict]:
        after = None
        while True:
            params = {"limit": 2, "properties": "name,price"}
            if after:
                params["after"] = after
            r = await self._client.get("/crm/v3/objects/line_items", params=params)
            data = r.json()
            for item in data.get("results", []):
                yield item
            after = (data.get("paging") or {}).get("next", {}).get("after")
            if not after:
                return

    async def create_deal(self, props: dict) -> dict:
        r = await self._client.post("/crm/v3/objects/deals", json={"properties": props})
        r.raise_for_status()
        return r.json()

    async def log_email(self, deal_id: int, subject: str) -> None:
        await self._client.post(
            "/engagements/v1/engagements",
            json={"engagement": {"type": "EMAIL"}, "associations": {"dealIds": [deal_id]},
                  "metadata": {"subject": subject}},
        )
