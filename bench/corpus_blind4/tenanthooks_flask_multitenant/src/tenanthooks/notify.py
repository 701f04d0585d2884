"""Posts to our internal events API and to the tenant's Slack channel."""
import os

import requests

EVENTS_API = os.environ.get("EVENTS_API_URL", "https://events.internal.example.com/v1/events")


def internal_event(kind, payload, token=None):
    token = token or os.environ.get("EVENTS_API_TOKEN", "")
    return requests.post(EVENTS_API, json={"kind": kind, "payload": payload},
                         headers={"Authorization": "Bearer " + token}, timeout=5).status_code


def slack(channel_webhook, text):
    if not channel_webhook:
        return None
    return requests.post(channel_webhook, json={"text": text}, timeout=5).status_code
