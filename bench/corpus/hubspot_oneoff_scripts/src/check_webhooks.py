"""Sanity check for the app's webhook subscriptions (developer portal)."""
from __future__ import print_function

import os

import requests

APP_ID = os.environ.get("HUBSPOT_APP_ID", "196733")
DEVELOPER_HAPIKEY = os.environ["HUBSPOT_DEVELOPER_HAPIKEY"]
SUBS_URL = "https://api.hubapi.com/webhooks/v1/{app_id}/subscriptions?hapikey={key}"


def check():
    subs = requests.get(SUBS_URL.format(app_id=APP_ID, key=DEVELOPER_HAPIKEY)).json()
    disabled = [s for s in subs if not s.get("enabled")]
    for s in disabled:
        sub_id = s["id"]
        print("re-enabling subscription %s" % sub_id)
        requests.put("https://api.hubapi.com/webhooks/v1/{0}/subscriptions/{1}?hapikey={2}".format(
            APP_ID, sub_id, DEVELOPER_HAPIKEY), json={"enabled": True})
    return len(subs), len(disabled)
