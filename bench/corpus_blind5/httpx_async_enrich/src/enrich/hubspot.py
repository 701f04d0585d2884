"""Async HubSpot access with httpx."""
import asyncio
import logging

import httpx

log = logging.getLogger(__name__)


class AsyncHubSpot:
    def __init__(self, settings):
        self._settings = settings
        self._client = httpx.AsyncClient(
            base_url=settings.base_url,
            params={"hapikey": settings.api_key},
            timeout=20.0,
        )
        self._sem = asyncio.Semaphore(settings.concurrency)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self._client.aclose()

    async def _get(self, path, **params):
        async with self._sem:
            resp = await self._client.get(path, params=params)
            resp.raise_for_status()
            return resp.json()

    async def recent_companies(self, count=50):
        data = await self._get("/companies/v2/companies/recent/created", count=count)
        return data.get("results", [])

    async def company(self, company_id):
        return await self._get("/companies/v2/companies/%s" % company_id)

    async def update_company(self, company_id, properties):
        body = {"properties": [{"name": k, "value": v} for k, v in properties.items()]}
        async with self._sem:
            resp = await self._client.put("/companies/v2/companies/%s" % company_id, json=body)
            resp.raise_for_status()
            return resp.json()
