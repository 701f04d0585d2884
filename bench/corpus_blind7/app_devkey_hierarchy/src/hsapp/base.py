"""Base HTTP client shared by the app's HubSpot clients."""
import logging
import time

import requests

log = logging.getLogger(__name__)

API_ROOT = "https://api.hubapi.com"


class HubSpotHTTPError(Exception):
    def __init__(self, status, message=""):
        super(HubSpotHTTPError, self).__init__("%s %s" % (status, message))
        self.status = status


class BaseClient(object):
    """Sends the key the subclass was built with as ?hapikey=."""

    retries = 2

    def __init__(self, hapikey, root=API_ROOT):
        self.hapikey = hapikey
        self.root = root

    def _request(self, method, path, params=None, **kwargs):
        query = {"hapikey": self.hapikey}
        if params:
            query.update(params)
        url = self.root + path
        for attempt in range(self.retries + 1):
            resp = requests.request(method, url, params=query, timeout=20, **kwargs)
            if resp.status_code == 429 and attempt < self.retries:
                time.sleep(1 + attempt)
                continue
            break
        if resp.status_code >= 400:
            raise HubSpotHTTPError(resp.status_code, resp.text[:200])
        if resp.status_code == 204 or not resp.content:
            return None
        return resp.json()

    def get(self, path, **params):
        return self._request("GET", path, params=params)

    def post(self, path, body):
        return self._request("POST", path, json=body)

    def put(self, path, body):
        return self._request("PUT", path, json=body)

    def delete(self, path):
        return self._request("DELETE", path)


class DeveloperClient(BaseClient):
    """Developer-portal calls: webhook subscriptions and timeline event types.

    These take the *developer* API key, not the customer portal's."""

    def __init__(self, developer_key, app_id):
        super(DeveloperClient, self).__init__(developer_key)
        self.app_id = app_id

    def subscriptions(self):
        return self.get("/webhooks/v1/%s/subscriptions" % self.app_id)

    def subscribe(self, event_type, property_name=None):
        body = {"subscriptionDetails": {"subscriptionType": event_type}, "enabled": True}
        if property_name:
            body["subscriptionDetails"]["propertyName"] = property_name
        return self.post("/webhooks/v1/%s/subscriptions" % self.app_id, body)

    def event_types(self):
        return self.get("/integrations/v1/%s/timeline/event-types" % self.app_id)

    def create_event_type(self, name, header_template):
        body = {"name": name, "headerTemplate": header_template, "applicationId": self.app_id}
        return self.post("/integrations/v1/%s/timeline/event-types" % self.app_id, body)
