"""Async HubSpot access; OAuth (installed app) or a private portal key."""
import logging
import os
from typing import Any, AsyncIterator, Dict, Optional

import httpx

logger = logging.getLogger(__name__)


class HubSpotService:
    BASE_URL = "https://api.hubapi.com"

    def __init__(self, client: httpx.AsyncClient, api_key: Optional[str] = None,
                 oauth_token: Optional[str] = None):
        self._client = client
        self._api_key = api_key
        self._oauth_token = oauth_token
        self._base_params: Dict[str, Any] = {}
        self._headers = {"Accept": "application/json"}
        if oauth_token:
            self._headers["Authorization"] = f"Bearer {oauth_token}"
        elif api_key:
            self._base_params = {"hapikey": api_key}
        else:
            raise ValueError("HubSpot credentials missing")

    @classmethod
    def from_env(cls, client):
        return cls(client, api_key=os.getenv("HUBSPOT_API_KEY"),
                   oauth_token=os.getenv("HUBSPOT_OAUTH_TOKEN"))

    async def _get(self, path: str, **params) -> Dict[str, Any]:
        response = await self._client.get(self.BASE_URL + path, params={**self._base_params, **params},
                                          headers=self._headers)
        response.raise_for_status()
        return response.json()

    async def _post(self, path: str, body: Dict[str, Any]) -> Dict[str, Any]:
        response = await self._client.post(self.BASE_URL + path, params=dict(self._base_params),
                                           json=body, headers=self._headers)
        response.raise_for_status()
        return response.json()

    async def contacts(self) -> AsyncIterator[Dict[str, Any]]:
        after = None
        while True:
            params = {"limit": 100, "properties": "email,total_spent"}
            if after:
                params["after"] = after
            page = await self._get("/crm/v3/objects/contacts", **params)
            for row in page["results"]:
                yield row
            after = page.get("paging", {}).get("next", {}).get("after")
            if after is None:
                break

    async def set_total_spent(self, contact_id: str, total: float) -> Dict[str, Any]:
        return await self._post("/crm/v3/objects/contacts/batch/update", {
            "inputs": [{"id": contact_id, "properties": {"total_spent": str(total)}}]})

    async def line_item_for_order(self, order: Dict[str, Any]) -> Dict[str, Any]:
        return await self._post("/crm/v3/objects/line_items", {"properties": {
            "name": "Shopify order %s" % order["id"], "price": order["total_price"]}})
