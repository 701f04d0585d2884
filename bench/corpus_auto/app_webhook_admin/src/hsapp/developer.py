"""Admin calls that use the *developer* API key (app settings, not a portal)."""
import requests

from hsapp import settings


class DeveloperClient(object):
    BASE = "https://api.hubapi.com/webhooks/v1"

    def __init__(self, app_id=None, dev_key=None):
        self.app_id = app_id or settings.APP_ID
        self.dev_key = dev_key or settings.DEVELOPER_API_KEY

    def _url(self, path):
        return "{}/{}{}".format(self.BASE, self.app_id, path)

    def _get(self, path):
        r = requests.get(self._url(path), params={"hapikey": self.dev_key})
        r.raise_for_status()
        return r.json()

    def _send(self, method, path, body):
        r = requests.request(method, self._url(path), params={"hapikey": self.dev_key}, json=body)
        r.raise_for_status()
        return r.json() if r.content else None

    def settings(self):
        return self._get("/settings")

    def set_target(self, url, max_concurrent=10):
        return self._send("PUT", "/settings", {"webhookUrl": url,
                                              "maxConcurrentRequests": max_concurrent})

    def subscriptions(self):
        return self._get("/subscriptions")

    def subscribe(self, event_type, prop=None):
        body = {"subscriptionDetails": {"subscriptionType": event_type}, "enabled": True}
        if prop:
            body["subscriptionDetails"]["propertyName"] = prop
        return self._send("POST", "/subscriptions", body)


class TimelineClient(object):
    BASE = "https://api.hubapi.com/integrations/v1"

    def __init__(self, app_id, dev_key):
        self.app_id, self.dev_key = app_id, dev_key

    def event_types(self):
        url = "%s/%s/timeline/event-types" % (self.BASE, self.app_id)
        return requests.get(url, params={"hapikey": self.dev_key}).json()

    def create_event_type(self, name, template):
        url = "%s/%s/timeline/event-types" % (self.BASE, self.app_id)
        body = {"name": name, "headerTemplate": template, "applicationId": self.app_id}
        return requests.post(url + "?hapikey=" + self.dev_key, json=body).json()
