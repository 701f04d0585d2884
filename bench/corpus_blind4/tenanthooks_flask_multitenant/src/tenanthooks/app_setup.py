"""Webhook settings of our HubSpot app (developer key + app id)."""
import os

import requests

API = "https://api.hubapi.com"


def configure_target(target_url, app_id=None, developer_key=os.environ.get("HUBSPOT_DEVELOPER_KEY")):
    app_id = app_id or os.environ["HUBSPOT_APP_ID"]
    return requests.put(
        "%s/webhooks/v1/%s/settings" % (API, app_id),
        params={"hapikey": developer_key},
        json={"webhookUrl": target_url, "maxConcurrentRequests": 10},
        timeout=10,
    ).status_code
