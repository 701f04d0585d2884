"""Timeline event type setup for the app (developer key + app id)."""
import os

import requests

APP_ID = os.environ.get("HUBSPOT_APP_ID", "0")
DEV_KEY = os.environ.get("HUBSPOT_DEVELOPER_KEY")


def ensure_event_type(name, header_template):
    url = "https://api.hubapi.com/integrations/v1/%s/timeline/event-types" % APP_ID
    existing = requests.get(url, params={"hapikey": DEV_KEY, "userId": 1}).json()
    for et in existing or []:
        if et.get("name") == name:
            return et["id"]
    created = requests.post(
        url + "?hapikey=" + DEV_KEY + "&userId=1",
        json={"name": name, "headerTemplate": header_template, "applicationId": int(APP_ID)},
    )
    return created.json()["id"]
