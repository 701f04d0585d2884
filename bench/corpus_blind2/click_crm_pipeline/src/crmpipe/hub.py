"""HubSpot CRM v3 objects: a paging generator and the batch endpoints."""
from __future__ import annotations

import logging
from typing import Any, Dict, Iterator, List, Sequence

import requests

from .settings import HubSpotSettings

log = logging.getLogger("crmpipe.hub")


class Hub:
    def __init__(self, conf: HubSpotSettings) -> None:
        self.conf = conf
        self.session = requests.Session()
        self.session.params = {"hapikey": conf.api_key}
        self.session.headers.update({"Accept": "application/json"})

    def _url(self, path: str) -> str:
        return self.conf.base_url.rstrip("/") + path

    def iter_objects(self, object_type: str, properties: Sequence[str] = ()) -> Iterator[Dict[str, Any]]:
        """Every object of a type, following paging.next.after."""
        params: Dict[str, Any] = {"limit": self.conf.page_size}
        if properties:
            params["properties"] = ",".join(properties)
        while True:
            resp = self.session.get(
                self._url(f"/crm/v3/objects/{object_type}"),
                params=params,
                timeout=self.conf.timeout,
            )
            resp.raise_for_status()
            data = resp.json()
            yield from data.get("results", [])
            after = (data.get("paging") or {}).get("next", {}).get("after")
            if not after:
                return
            params["after"] = after

    def batch_update(self, object_type: str, updates: List[Dict[str, Any]]) -> int:
        done = 0
        for start in range(0, len(updates), 100):
            chunk = updates[start : start + 100]
            resp = self.session.post(
                self._url(f"/crm/v3/objects/{object_type}/batch/update"),
                json={"inputs": chunk},
                timeout=self.conf.timeout,
            )
            resp.raise_for_status()
            done += len(resp.json().get("results", chunk))
        return done

    def batch_read(self, object_type: str, ids: Sequence[str], properties: Sequence[str]) -> List[Dict[str, Any]]:
        resp = self.session.post(
            self._url(f"/crm/v3/objects/{object_type}/batch/read"),
            json={"inputs": [{"id": i} for i in ids], "properties": list(properties)},
        )
        resp.raise_for_status()
        return resp.json().get("results", [])
