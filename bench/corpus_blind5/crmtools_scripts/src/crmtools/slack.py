"""Post a line to the ops channel."""
import os

import requests

from crmtools.hubspot import DEFAULT_HEADERS


def notify(text, webhook_url=None):
    url = webhook_url or os.environ.get("SLACK_WEBHOOK_URL")
    if not url:
        return False
    resp = requests.post(url, json={"text": text}, headers=DEFAULT_HEADERS, timeout=5)
    return resp.status_code == 200
