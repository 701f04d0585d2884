import asyncio
import logging

import httpx

log = logging.getLogger(__name__)


class AsyncHubSpot:
    BASE = "https://api.hubapi.com"

    def __init__(self, api_key=None, access_token=None, concurrency=4):
        self.api_key = api_key
        self.access_token = access_token
        self._sem = asyncio.Semaphore(concurrency)
        headers = {"Content-Type": "application/json"}
        if access_token:
            headers["Authorization"] = "Bearer %s" % access_token
        self.client = httpx.AsyncClient(base_url=self.BASE, headers=headers, timeout=30)

    def _params(self, **extra):
        if self.api_key:
            extra["hapikey"] = self.api_key
        return extra

    async def _send(self, method, path, **kwargs):
        async with self._sem:
            resp = await self.client.request(method, path, **kwargs)
        if resp.status_code >= 400:
            log.error("%s %s -> %s %s", method, path, resp.status_code, resp.text[:200])
            resp.raise_for_status()
        return resp.json() if resp.content else None

    async def batch_upsert(self, rows):
        payload = [{"email": r["email"],
                    "properties": [{"property": k, "value": v} for k, v in r.items()
                                   if k != "email" and v]} for r in rows]
        return await self._send("POST", "/contacts/v1/contact/batch/",
                                params=self._params(), json=payload)

    async def add_to_list(self, list_id, emails):
        return await self._send("POST", "/contacts/v1/lists/%s/add" % list_id,
                                params=self._params(), json={"emails": emails})

    async def list_by_name(self, name):
        offset = 0
        while True:
            page = await self._send("GET", "/contacts/v1/lists/static",
                                    params=self._params(count=250, offset=offset))
            for lst in page["lists"]:
                if lst["name"] == name:
                    return lst["listId"]
            if not page.get("has-more"):
                return None
            offset = page["offset"]

    async def aclose(self):
        await self.client.aclose()
