"""Webhook subscriptions of our public app (developer portal key, not a customer's)."""
import os

import requests

APP_ID = os.environ.get("HUBSPOT_APP_ID", "123456")
DEVELOPER_KEY = os.environ.get("HUBSPOT_DEVELOPER_KEY")
BASE = "https://api.hubapi.com"

WANTED = ("contact.propertyChange", "deal.creation")


def list_subscriptions():
    url = f"{BASE}/webhooks/v1/{APP_ID}/subscriptions?hapikey={DEVELOPER_KEY}"
    return requests.get(url, timeout=10).json()


def ensure_subscriptions():
    have = {s["subscriptionDetails"]["subscriptionType"] for s in list_subscriptions()}
    created = []
    for kind in WANTED:
        if kind in have:
            continue
        details = {"subscriptionType": kind}
        if kind.endswith("propertyChange"):
            details["propertyName"] = "lifecyclestage"
        requests.post(f"{BASE}/webhooks/v1/{APP_ID}/subscriptions?hapikey={DEVELOPER_KEY}",
                      json={"subscriptionDetails": details, "enabled": True}, timeout=10)
        created.append(kind)
    return created


def set_target(url):
    return requests.put(f"{BASE}/webhooks/v1/{APP_ID}/settings",
                        params={"hapikey": DEVELOPER_KEY},
                        json={"webhookUrl": url, "maxConcurrentRequests": 10}, timeout=10).ok
