import requests

from airflow_compat import BaseHook, Variable


class HubSpotHook(BaseHook):
    """Interact with the HubSpot API. The key is stored as the Airflow
    Variable ``hubspot_api_key``."""

    base_url = "https://api.hubapi.com"

    def __init__(self, api_key=None, *args, **kwargs):
        super(HubSpotHook, self).__init__(*args, **kwargs)
        self.api_key = api_key or Variable.get("hubspot_api_key")
        self._session = None

    def get_conn(self):
        if self._session is None:
            session = requests.Session()
            session.params.update({"hapikey": self.api_key})
            session.headers["Content-Type"] = "application/json"
            self._session = session
        return self._session

    def run(self, method, endpoint, **kwargs):
        session = self.get_conn()
        url = self.base_url + endpoint
        self.log.info("Sending '%s' to url: %s", method, url)
        response = session.request(method, url, **kwargs)
        response.raise_for_status()
        return response.json() if response.content else None

    def paginate(self, endpoint, results_key, params=None):
        params = dict(params or {})
        while True:
            data = self.run("GET", endpoint, params=params)
            for row in data.get(results_key, []):
                yield row
            if not data.get("has-more", data.get("hasMore")):
                break
            params["offset"] = data["offset"]


class DataLakeHook(BaseHook):
    """Our ingestion endpoint in front of the lake."""

    def __init__(self, *args, **kwargs):
        super(DataLakeHook, self).__init__(*args, **kwargs)
        self.endpoint = Variable.get("datalake_ingest_url",
                                     "https://ingest.datalake.example/v1/records")
        self.api_key = Variable.get("datalake_key")

    def insert_rows(self, dataset, rows):
        resp = requests.post(self.endpoint, json={"dataset": dataset, "rows": rows},
                             headers={"X-Api-Key": self.api_key}, timeout=120)
        resp.raise_for_status()
        return len(rows)
