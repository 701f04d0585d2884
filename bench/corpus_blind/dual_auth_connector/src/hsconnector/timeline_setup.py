"""One-off: create our timeline event type and its properties (developer key)."""
import os

import requests

APP_ID = os.environ.get("HUBSPOT_APP_ID", "98765")
DEV_PARAMS = {"hapikey": os.environ.get("HUBSPOT_DEVELOPER_KEY"), "userId": os.environ.get("HUBSPOT_DEV_USER_ID", "1")}
URL = "https://api.hubapi.com/integrations/v1/%s/timeline/event-types" % APP_ID


def create_event_type():
    resp = requests.post(URL, params=DEV_PARAMS, json={
        "applicationId": int(APP_ID), "name": "Connector sync",
        "headerTemplate": "Synced {{records}} records", "objectType": "CONTACT"})
    resp.raise_for_status()
    type_id = resp.json()["id"]
    requests.post("%s/%s/properties" % (URL, type_id), params=DEV_PARAMS,
                  json={"name": "records", "label": "Records", "propertyType": "Numeric"})
    return type_id
