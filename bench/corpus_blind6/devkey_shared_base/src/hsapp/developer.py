"""Calls made with the developer account's key (app settings, not a portal's data)."""
from hsapp import config
from hsapp.http import HubSpotBase


class WebhookSettings(HubSpotBase):
    def __init__(self, app_id=config.APP_ID, api_key=config.DEVELOPER_API_KEY):
        super().__init__(api_key)
        self.app_id = app_id

    def subscriptions(self):
        return self.call("GET", "/webhooks/v1/%d/subscriptions" % self.app_id)

    def subscribe(self, event_type, property_name=None):
        body = {"subscriptionDetails": {"subscriptionType": event_type}, "enabled": True}
        if property_name:
            body["subscriptionDetails"]["propertyName"] = property_name
        return self.call("POST", "/webhooks/v1/%d/subscriptions" % self.app_id, body=body)

    def set_target(self, url):
        return self.call("PUT", "/webhooks/v1/%d/settings" % self.app_id,
                         body={"webhookUrl": url, "maxConcurrentRequests": 10})


class TimelineTypes(HubSpotBase):
    def __init__(self, app_id=config.APP_ID):
        super().__init__(config.DEVELOPER_API_KEY)
        self.app_id = app_id

    def list(self):
        return self.call("GET", "/integrations/v1/%d/timeline/event-types" % self.app_id)

    def create(self, name, header_template):
        return self.call("POST", "/integrations/v1/%d/timeline/event-types" % self.app_id,
                         body={"applicationId": self.app_id, "name": name,
                               "headerTemplate": header_template, "objectType": "CONTACT"})
