import json

import requests
from airflow.hooks.base import BaseHook


class HubSpotHook(BaseHook):
    """Talks to HubSpot with the key stored as the connection's password.

    Connection extra ``{"auth_type": "private_app"}`` means the password is a
    private app token instead (portals migrated early).
    """

    conn_name_attr = "hubspot_conn_id"
    default_conn_name = "hubspot_default"
    conn_type = "http"
    hook_name = "HubSpot"

    def __init__(self, hubspot_conn_id=default_conn_name):
        super().__init__()
        self.hubspot_conn_id = hubspot_conn_id
        self.base_url = "https://api.hubapi.com"
        self._session = None

    def get_conn(self):
        if self._session is not None:
            return self._session
        conn = self.get_connection(self.hubspot_conn_id)
        if conn.host:
            self.base_url = "https://" + conn.host
        session = requests.Session()
        session.headers.update({"Content-Type": "application/json"})
        extra = conn.extra_dejson
        if extra.get("auth_type") == "private_app":
            session.headers["Authorization"] = "Bearer %s" % conn.password
        else:
            session.params = {"hapikey": conn.password}
        self._session = session
        return session

    def call(self, method, endpoint, **kwargs):
        session = self.get_conn()
        url = self.base_url + endpoint
        self.log.info("%s %s", method, url)
        resp = session.request(method, url, timeout=60, **kwargs)
        resp.raise_for_status()
        return resp.json() if resp.content else {}

    def iter_objects(self, object_type, properties=(), limit=100):
        params = {"limit": limit}
        if properties:
            params["properties"] = ",".join(properties)
        after = None
        while True:
            if after:
                params["after"] = after
            page = self.call("GET", "/crm/v3/objects/%s" % object_type, params=params)
            for row in page.get("results", []):
                yield row
            after = page.get("paging", {}).get("next", {}).get("after")
            if not after:
                break

    def batch_update(self, object_type, inputs):
        body = json.dumps({"inputs": inputs})
        return self.call("POST", "/crm/v3/objects/%s/batch/update" % object_type, data=body)

    def test_connection(self):
        try:
            self.call("GET", "/integrations/v1/me")
            return True, "Connection successfully tested"
        except Exception as e:  # noqa
            return False, str(e)
