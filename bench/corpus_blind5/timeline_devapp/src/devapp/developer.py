"""App setup with the developer API key."""
import os

from devapp.config import APP_ID, CONFIG, DEVELOPER_USER_ID
from devapp.http import hs_request


def developer_key():
    return os.environ["HUBSPOT_DEVELOPER_KEY"]


def ensure_event_type():
    key = developer_key()
    path = "/integrations/v1/%s/timeline/event-types" % APP_ID
    existing = hs_request("GET", path, key, userId=DEVELOPER_USER_ID) or []
    name = CONFIG["timeline"]["event_type"]
    for event_type in existing:
        if event_type["name"] == name:
            return event_type["id"]
    created = hs_request(
        "POST",
        path,
        key,
        {"name": name, "applicationId": APP_ID, "headerTemplate": "Attended {{webinar}}"},
        userId=DEVELOPER_USER_ID,
    )
    return created["id"]


def ensure_webhooks(events=("contact.creation", "contact.propertyChange")):
    key = developer_key()
    hs_request(
        "PUT",
        "/webhooks/v1/%s/settings" % APP_ID,
        key,
        {"webhookUrl": CONFIG["webhooks"]["target_url"],
         "maxConcurrentRequests": CONFIG["webhooks"]["max_concurrent"]},
    )
    current = {s["subscriptionDetails"]["subscriptionType"]
               for s in hs_request("GET", "/webhooks/v1/%s/subscriptions" % APP_ID, key) or []}
    for event in events:
        if event not in current:
            hs_request("POST", "/webhooks/v1/%s/subscriptions" % APP_ID, key,
                       {"subscriptionDetails": {"subscriptionType": event,
                                                "propertyName": "email" if "propertyChange" in event else None},
                        "enabled": True})
