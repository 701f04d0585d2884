"""App setup: the webhook subscriptions of our public app (developer API key)."""
import os

import requests

APP_ID = os.environ.get("HUBSPOT_APP_ID", "123456")
DEV_KEY = os.environ.get("HUBSPOT_DEVELOPER_KEY")
SUBS_URL = "https://api.hubapi.com/webhooks/v1/{app}/subscriptions"
SETTINGS_URL = "https://api.hubapi.com/webhooks/v1/{app}/settings"

WANTED = ["contact.creation", "deal.propertyChange"]


def current():
    r = requests.get(SUBS_URL.format(app=APP_ID), params={"hapikey": DEV_KEY})
    r.raise_for_status()
    return r.json()


def ensure(target_url):
    requests.put(
        SETTINGS_URL.format(app=APP_ID),
        params={"hapikey": DEV_KEY},
        json={"webhookUrl": target_url, "maxConcurrentRequests": 10},
    ).raise_for_status()
    have = {s["subscriptionDetails"]["subscriptionType"] for s in current()}
    for kind in WANTED:
        if kind in have:
            continue
        details = {"subscriptionType": kind}
        if kind.endswith("propertyChange"):
            details["propertyName"] = "dealstage"
        requests.post(
            SUBS_URL.format(app=APP_ID),
            params={"hapikey": DEV_KEY},
            json={"enabled": True, "subscriptionDetails": details},
        ).raise_for_status()


if __name__ == "__main__":
    import sys

    ensure(sys.argv[1])
