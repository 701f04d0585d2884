"""HubSpot hook: the key is the connection's password (conn type http, host api.hubapi.com)."""
import json
import logging
from urllib.parse import urlencode

import urllib3
from airflow.hooks.base import BaseHook

log = logging.getLogger(__name__)


class HubSpotHook(BaseHook):
    conn_name_attr = "hubspot_conn_id"
    default_conn_name = "hubspot_default"

    def __init__(self, hubspot_conn_id=default_conn_name):
        super().__init__()
        self.hubspot_conn_id = hubspot_conn_id
        self.http = urllib3.PoolManager(retries=urllib3.Retry(total=3, backoff_factor=0.5))
        self.base_url = None
        self.api_key = None

    def get_conn(self):
        if self.api_key is None:
            conn = self.get_connection(self.hubspot_conn_id)
            self.base_url = "https://" + (conn.host or "api.hubapi.com")
            self.api_key = conn.password
        return self.http

    def run(self, method, endpoint, query=None, body=None):
        http = self.get_conn()
        fields = dict(query or {})
        fields["hapikey"] = self.api_key
        url = self.base_url + endpoint
        if method == "GET":
            response = http.request("GET", url, fields=fields)
        else:
            response = http.request(method, url + "?" + urlencode(fields),
                                    body=json.dumps(body).encode(),
                                    headers={"Content-Type": "application/json"})
        if response.status >= 400:
            raise RuntimeError("HubSpot %s %s: %s" % (method, endpoint, response.status))
        return json.loads(response.data.decode() or "null")

    def notify(self, webhook_url, text):
        """Alert the data team; the Slack webhook is in the connection's extra."""
        self.http.request("POST", webhook_url, body=json.dumps({"text": text}).encode(),
                          headers={"Content-Type": "application/json"})
