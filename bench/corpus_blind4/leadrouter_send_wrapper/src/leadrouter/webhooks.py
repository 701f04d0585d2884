"""App setup: webhook subscriptions belong to the developer account, so these calls use
the developer API key and the app id, not the portal key."""
import os

from leadrouter.hubspot_api import send

APP_ID = os.getenv("HUBSPOT_APP_ID", "0")


def _dev_params():
    return {"hapikey": os.environ["HUBSPOT_DEVELOPER_KEY"]}


def list_subscriptions():
    return send("GET", "/webhooks/v1/%s/subscriptions" % APP_ID, params=_dev_params())


def subscribe(event_type, property_name=None):
    body = {"subscriptionDetails": {"subscriptionType": event_type}, "enabled": True}
    if property_name:
        body["subscriptionDetails"]["propertyName"] = property_name
    return send("POST", "/webhooks/v1/%s/subscriptions" % APP_ID, params=_dev_params(), json=body)
