"""Async HubSpot client over httpx (companies v2)."""
from typing import Any, AsyncIterator, Dict, List, Optional

import httpx

HUBSPOT = "https://api.hubapi.com"


class AsyncHubSpot:
    def __init__(self, api_key: str, client: Optional[httpx.AsyncClient] = None) -> None:
        self._own = client is None
        self.client = client or httpx.AsyncClient(
            base_url=HUBSPOT, params={"hapikey": api_key}, timeout=20.0
        )

    async def close(self) -> None:
        if self._own:
            await self.client.aclose()

    async def companies(self, properties: List[str]) -> AsyncIterator[Dict[str, Any]]:
        offset = 0
        while True:
            resp = await self.client.get(
                "/companies/v2/companies/paged",
                params={"properties": properties, "offset": offset, "limit": 100},
            )
            resp.raise_for_status()
            data = resp.json()
            for company in data["companies"]:
                yield company
            if not data.get("has-more"):
                return
            offset = data["offset"]

    async def update(self, company_id: int, values: Dict[str, Any]) -> None:
        body = {"properties": [{"name": k, "value": v} for k, v in values.items()]}
        resp = await self.client.put(f"/companies/v2/companies/{company_id}", json=body)
        resp.raise_for_status()
