"""App set-up: webhook subscriptions and timeline event types (developer key)."""
from hsapi.base import DeveloperClient


class WebhooksClient(DeveloperClient):
    def settings(self):
        return self._call("GET", "/webhooks/v1/%s/settings" % self.app_id)

    def update_settings(self, target_url, max_concurrent=10):
        return self._call(
            "PUT",
            "/webhooks/v1/%s/settings" % self.app_id,
            body={"webhookUrl": target_url, "maxConcurrentRequests": max_concurrent},
        )

    def subscriptions(self):
        return self._call("GET", "/webhooks/v1/%s/subscriptions" % self.app_id) or []

    def subscribe(self, event_type, property_name=None):
        details = {"subscriptionType": event_type}
        if property_name:
            details["propertyName"] = property_name
        return self._call(
            "POST",
            "/webhooks/v1/%s/subscriptions" % self.app_id,
            body={"subscriptionDetails": details, "enabled": True},
        )


class TimelineTypesClient(DeveloperClient):
    def event_types(self):
        return self._call("GET", "/integrations/v1/%s/timeline/event-types" % self.app_id) or []

    def create_event_type(self, name, header, detail):
        return self._call(
            "POST",
            "/integrations/v1/%s/timeline/event-types" % self.app_id,
            body={"name": name, "headerTemplate": header, "detailTemplate": detail,
                  "applicationId": int(self.app_id)},
        )
