"""Async HubSpot client on httpx."""
import asyncio
import logging
from typing import Any, Dict, List, Optional

import httpx

from dealsvc.settings import Settings, get_settings

log = logging.getLogger(__name__)


class HubSpotClient:
    def __init__(self, settings: Optional[Settings] = None):
        self.settings = settings or get_settings()
        self._client = httpx.AsyncClient(
            base_url=self.settings.hubspot_base_url,
            params={"hapikey": self.settings.hubspot_api_key},
            headers=self.settings.extra_headers,
            timeout=15.0,
        )
        self._sem = asyncio.Semaphore(self.settings.concurrency)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self._client.aclose()

    async def _get(self, path: str, **params: Any) -> Dict[str, Any]:
        async with self._sem:
            r = await self._client.get(path, params=params)
        r.raise_for_status()
        return r.json()

    async def deal(self, deal_id: int) -> Dict[str, Any]:
        return await self._get(f"/deals/v1/deal/{deal_id}")

    async def deals(self, ids: List[int]) -> List[Dict[str, Any]]:
        return await asyncio.gather(*(self.deal(i) for i in ids))

    async def pipeline(self, name: str) -> Dict[str, Any]:
        return await self._get(f"/deals/v1/pipelines/{name}")

    async def owner(self, owner_id: int) -> Dict[str, Any]:
        return await self._get(f"/owners/v2/owners/{owner_id}")

    async def move(self, deal_id: int, stage: str) -> int:
        body = {"properties": [{"name": "dealstage", "value": stage}]}
        async with self._sem:
            r = await self._client.put(f"/deals/v1/deal/{deal_id}", json=body)
        return r.status_code
