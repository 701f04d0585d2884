"""Async HubSpot service on httpx.AsyncClient (2021)."""
from __future__ import annotations

import asyncio
import functools
import logging
import os
from typing import Any, AsyncIterator

import httpx

log = logging.getLogger(__name__)

BASE_PARAMS = {"hapikey": os.getenv("HUBSPOT_API_KEY")}


class HubSpotService:
    def __init__(self, base_url: str = "https://api.hubapi.com", concurrency: int = 4) -> None:
        self._client = httpx.AsyncClient(base_url=base_url, params=BASE_PARAMS, timeout=20.0)
        self._sem = asyncio.Semaphore(concurrency)

    async def __aenter__(self) -> "HubSpotService":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self._client.aclose()

    async def _get(self, path: str, **params: Any) -> dict:
        async with self._sem:
            r = await self._client.get(path, params={**BASE_PARAMS, **params})
        r.raise_for_status()
        return r.json()

    async def contacts(self, limit: int = 100) -> AsyncIterator[dict]:
        after = None
        while True:
            extra = {"limit": limit, "properties": "email,shopify_customer_id"}
            if after:
                extra["after"] = after
            page = await self._get("/crm/v3/objects/contacts", **extra)
            for item in page.get("results", []):
                yield item
            after = ((page.get("paging") or {}).get("next") or {}).get("after")
            if not after:
                return

    async def deal_pipelines(self) -> list:
        return (await self._get("/crm-pipelines/v1/pipelines/deals")).get("results", [])

    async def create_deals(self, deals: list[dict]) -> list[int]:
        post = functools.partial(self._client.post, "/deals/v1/deal")

        async def one(deal: dict) -> int:
            async with self._sem:
                r = await post(json={"properties": [{"name": k, "value": v} for k, v in deal.items()]})
            return r.json().get("dealId")

        return list(await asyncio.gather(*(one(d) for d in deals)))
