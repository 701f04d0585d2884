from typing import Any, Dict, List

import httpx

from etl.compat import BaseHook


class WarehouseHook(BaseHook):
    """Our loader service in front of the warehouse (token auth)."""

    def __init__(self, conn_id: str = "warehouse_default") -> None:
        super().__init__()
        conn = self.get_connection(conn_id)
        self.client = httpx.Client(
            base_url="https://%s" % (conn.host or "loader.internal.example"),
            headers={"Authorization": "Token %s" % conn.password},
            timeout=60.0,
        )

    def load(self, table: str, rows: List[Dict[str, Any]]) -> int:
        resp = self.client.post("/v1/tables/%s/rows" % table, json={"rows": rows})
        resp.raise_for_status()
        return resp.json()["inserted"]
