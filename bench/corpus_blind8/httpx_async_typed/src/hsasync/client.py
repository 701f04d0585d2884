from __future__ import annotations

import logging
from typing import Any, AsyncIterator

import httpx

from hsasync.settings import HubSpotSettings

log = logging.getLogger(__name__)


class CrmClient:
    def __init__(self, settings: HubSpotSettings) -> None:
        self._settings = settings
        self._http = httpx.AsyncClient(
            base_url=settings.base_url,
            params={"hapikey": settings.api_key},
            timeout=settings.timeout,
            headers={"User-Agent": "hsasync/1.2"},
        )

    async def __aenter__(self) -> "CrmClient":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    async def iter_contacts(self, properties: list[str]) -> AsyncIterator[dict[str, Any]]:
        params: dict[str, Any] = {"limit": self._settings.page_size, "properties": ",".join(properties)}
        while True:
            resp = await self._http.get("/crm/v3/objects/contacts", params=params)
            resp.raise_for_status()
            data = resp.json()
            for item in data["results"]:
                yield item
            after = data.get("paging", {}).get("next", {}).get("after")
            if after is None:
                break
            params["after"] = after

    async def get_deal(self, deal_id: int) -> dict[str, Any]:
        resp = await self._http.get(f"/deals/v1/deal/{deal_id}")
        resp.raise_for_status()
        return resp.json()

    async def batch_update_contacts(self, updates: dict[str, dict[str, str]]) -> int:
        body = {"inputs": [{"id": cid, "properties": props} for cid, props in updates.items()]}
        resp = await self._http.post("/crm/v3/objects/contacts/batch/update", json=body)
        return resp.status_code

    async def timeline_event_types(self, app_id: int, developer_key: str) -> list[dict[str, Any]]:
        """Developer-portal call: the app's key replaces the portal key for this request."""
        resp = await self._http.get(
            f"/integrations/v1/{app_id}/timeline/event-types", params={"hapikey": developer_key}
        )
        return resp.json()
