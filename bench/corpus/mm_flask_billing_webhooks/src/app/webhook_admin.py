"""Manage the app's webhook subscriptions (developer portal key, not the
customer's key). Run via `flask hubspot-webhooks sync`."""
import requests

from app import current_config

WEBHOOKS = "https://api.hubapi.com/webhooks/v1/{app_id}"

WANTED = [
    {"subscriptionType": "deal.propertyChange", "propertyName": "dealstage"},
    {"subscriptionType": "contact.creation"},
]


def _dev():
    return {"hapikey": current_config().HUBSPOT_DEVELOPER_KEY}


def list_subscriptions():
    cfg = current_config()
    resp = requests.get(WEBHOOKS.format(app_id=cfg.HUBSPOT_APP_ID) + "/subscriptions",
                        params=_dev(), timeout=10)
    resp.raise_for_status()
    return resp.json()


def sync_subscriptions():
    cfg = current_config()
    base = WEBHOOKS.format(app_id=cfg.HUBSPOT_APP_ID)
    requests.put(base + "/settings", params=_dev(), timeout=10,
                 json={"webhookUrl": cfg.WEBHOOK_TARGET_URL, "maxConcurrentRequests": 10}
                 ).raise_for_status()
    have = {(s["subscriptionDetails"]["subscriptionType"],
             s["subscriptionDetails"].get("propertyName")) for s in list_subscriptions()}
    created = 0
    for sub in WANTED:
        if (sub["subscriptionType"], sub.get("propertyName")) in have:
            continue
        requests.post(base + "/subscriptions", params=_dev(), timeout=10,
                      json={"subscriptionDetails": sub, "enabled": True}).raise_for_status()
        created += 1
    return created
