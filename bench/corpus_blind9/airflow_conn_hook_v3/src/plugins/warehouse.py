import requests
from airflow.models import Variable


class WarehouseLoader:
    """Loads rows through the warehouse's HTTP ingestion API (not HubSpot)."""

    def __init__(self):
        self.url = Variable.get("warehouse_ingest_url", "https://ingest.dwh.example.net/v2/load")
        self.token = Variable.get("warehouse_token", "")

    def load(self, table, rows):
        resp = requests.post(self.url, json={"table": table, "rows": rows},
                             headers={"X-Ingest-Token": self.token})
        resp.raise_for_status()
        return len(rows)
