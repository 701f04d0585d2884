"""Ecommerce bridge settings of our app (developer account key + app id)."""
import os

import requests

APP_ID = os.environ.get("HUBSPOT_APP_ID", "31337")
DEV_KEY = os.environ.get("HUBSPOT_DEVELOPER_KEY")


def install_settings(webhook_uri):
    body = {
        "enabled": True,
        "webhookUri": webhook_uri,
        "mappings": {"CONTACT": {"properties": [
            {"externalPropertyName": "email", "hubspotPropertyName": "email", "dataType": "STRING"}]}},
    }
    resp = requests.put("https://api.hubapi.com/extensions/ecomm/v2/settings",
                        params={"appId": APP_ID, "hapikey": DEV_KEY}, json=body, timeout=30)
    resp.raise_for_status()
    return resp.json()


def current_settings():
    return requests.get("https://api.hubapi.com/extensions/ecomm/v2/settings?appId=%s&hapikey=%s"
                        % (APP_ID, DEV_KEY), timeout=30).json()
