from typing import Any, Dict, Iterator, List, Optional

import httpx

from etl.compat import BaseHook


class HubspotHook(BaseHook):
    """HubSpot via httpx. The connection's password is the portal API key."""

    conn_name_attr = "hubspot_conn_id"
    default_conn_name = "hubspot_default"

    def __init__(self, hubspot_conn_id: str = default_conn_name) -> None:
        super().__init__()
        self.hubspot_conn_id = hubspot_conn_id
        self._client: Optional[httpx.Client] = None

    def get_conn(self) -> httpx.Client:
        if self._client is None:
            conn = self.get_connection(self.hubspot_conn_id)
            host = conn.host or "api.hubapi.com"
            self._client = httpx.Client(
                base_url=f"https://{host}",
                params={"hapikey": conn.password},
                timeout=30.0,
            )
        return self._client

    def search_v3(self, object_type: str, properties: List[str],
                  page_size: int = 100) -> Iterator[Dict[str, Any]]:
        """CRM v3 list endpoint, paged with paging.next.after."""
        client = self.get_conn()
        params: Dict[str, Any] = {"limit": page_size, "properties": ",".join(properties)}
        while True:
            resp = client.get(f"/crm/v3/objects/{object_type}", params=params)
            resp.raise_for_status()
            body = resp.json()
            yield from body.get("results", [])
            after = body.get("paging", {}).get("next", {}).get("after")
            if not after:
                break
            params["after"] = after

    def legacy_pages(self, path: str, results_key: str,
                     offset_key: str = "offset") -> Iterator[Dict[str, Any]]:
        """v1/v2 endpoints paged with hasMore/has-more and an offset."""
        client = self.get_conn()
        offset = None
        while True:
            params = {"limit": 250}
            if offset is not None:
                params[offset_key] = offset
            resp = client.get(path, params=params)
            resp.raise_for_status()
            body = resp.json()
            yield from body.get(results_key, [])
            if not (body.get("hasMore") or body.get("has-more")):
                break
            offset = body[offset_key]

    def owners(self) -> List[Dict[str, Any]]:
        resp = self.get_conn().get("/owners/v2/owners")
        resp.raise_for_status()
        return resp.json()
