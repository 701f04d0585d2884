import logging

import requests
from airflow.hooks.base_hook import BaseHook

log = logging.getLogger(__name__)


class HubSpotHook(BaseHook):
    """Talks to HubSpot with the API key stored as the connection's password."""

    def __init__(self, hubspot_conn_id="hubspot_default"):
        self.hubspot_conn_id = hubspot_conn_id
        self.base_url = None
        self.api_key = None

    def get_conn(self):
        conn = self.get_connection(self.hubspot_conn_id)
        self.base_url = "https://" + (conn.host or "api.hubapi.com")
        self.api_key = conn.password
        session = requests.Session()
        session.headers.update({"Content-Type": "application/json"})
        return session

    def run(self, endpoint, params=None, method="GET", payload=None):
        session = self.get_conn()
        query = dict(params or {})
        query["hapikey"] = self.api_key
        url = self.base_url + endpoint
        log.info("HubSpot %s %s", method, endpoint)
        response = session.request(method, url, params=query, json=payload)
        response.raise_for_status()
        return response.json() if response.content else None

    def paginate(self, endpoint, record_key, params=None, offset_key="offset", has_more_key="has-more"):
        params = dict(params or {})
        while True:
            page = self.run(endpoint, params)
            for record in page.get(record_key, []):
                yield record
            if not page.get(has_more_key):
                break
            params[offset_key] = page[offset_key]
