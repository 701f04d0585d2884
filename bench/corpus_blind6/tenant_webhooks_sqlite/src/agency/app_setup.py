"""Subscriptions of the agency's public app (developer account key)."""
import os

import requests

DEV_KEY = os.environ["HUBSPOT_DEVELOPER_API_KEY"]
APP_ID = os.environ["HUBSPOT_APP_ID"]


def ensure_subscription(event_type="deal.creation"):
    url = "https://api.hubapi.com/webhooks/v1/%s/subscriptions?hapikey=%s" % (APP_ID, DEV_KEY)
    existing = requests.get(url).json()
    if any(s["subscriptionDetails"]["subscriptionType"] == event_type for s in existing):
        return False
    requests.post(url, json={"subscriptionDetails": {"subscriptionType": event_type}, "enabled": True})
    return True
