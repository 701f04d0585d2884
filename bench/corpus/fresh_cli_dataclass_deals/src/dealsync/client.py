from __future__ import annotations

import logging
from typing import Any, Dict, Iterator, List, Optional
from urllib.parse import urlencode, urljoin

import requests

from .config import HubSpotConfig

log = logging.getLogger(__name__)


class HubSpotError(Exception):
    pass


class DealsClient:
    def __init__(self, config: HubSpotConfig, session: Optional[requests.Session] = None):
        self.config = config
        self.http = session or requests.Session()
        self.http.headers.update({"Content-Type": "application/json", **config.extra_headers})

    def _url(self, path: str, **query: Any) -> str:
        query["hapikey"] = self.config.api_key
        return urljoin(self.config.base_url, path) + "?" + urlencode(query, doseq=True)

    def _check(self, resp: requests.Response) -> Dict[str, Any]:
        if resp.status_code >= 400:
            raise HubSpotError(f"{resp.status_code}: {resp.text[:200]}")
        return resp.json() if resp.content else {}

    def _page(self, offset: int) -> Dict[str, Any]:
        url = self._url(
            "deals/v1/deal/paged",
            limit=self.config.page_size,
            offset=offset,
            properties=list(self.config.properties),
        )
        return self._check(self.http.get(url, timeout=self.config.timeout))

    def iter_deals(self) -> Iterator[Dict[str, Any]]:
        offset = 0
        while True:
            page = self._page(offset)
            yield from page.get("deals", [])
            if not page.get("hasMore"):
                break
            offset = page["offset"]

    def update_stage(self, deal_id: int, stage: str) -> Dict[str, Any]:
        body = {"properties": [{"name": "dealstage", "value": stage}]}
        if self.config.dry_run:
            log.info("dry run: would move deal %s to %s", deal_id, stage)
            return {}
        url = self._url(f"deals/v1/deal/{deal_id}")
        return self._check(self.http.put(url, json=body, timeout=self.config.timeout))

    def associated_contacts(self, deal_id: int) -> List[int]:
        url = self._url(f"crm-associations/v1/associations/{deal_id}/HUBSPOT_DEFINED/3")
        return self._check(self.http.get(url, timeout=self.config.timeout)).get("results", [])
