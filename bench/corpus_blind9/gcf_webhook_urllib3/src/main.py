"""Cloud Functions (gen1, python38): HubSpot webhooks -> Google Chat; admin setup."""
import hashlib
import json
import logging
import os

import requests

from lib import chat, hubspot, store

CLIENT_SECRET = os.environ.get("HUBSPOT_CLIENT_SECRET", "")
APP_ID = os.environ.get("HUBSPOT_APP_ID")
DEVELOPER_KEY = os.environ.get("HUBSPOT_DEVELOPER_KEY")
DEFAULT_CHAT = os.environ.get("CHAT_WEBHOOK")
FUNCTION_URL = os.environ.get("FUNCTION_URL", "https://europe-west1-acme.cloudfunctions.net/hubspot_webhook")


def _valid(request):
    body = request.get_data(as_text=True)
    expected = hashlib.sha256((CLIENT_SECRET + body).encode()).hexdigest()
    return request.headers.get("X-HubSpot-Signature") == expected


def _key_for(portal_id):
    if str(portal_id) == hubspot.HOME_PORTAL_ID:
        return hubspot.API_KEY, DEFAULT_CHAT
    installed = store.portal(portal_id)
    if not installed:
        return None, None
    return installed["hapikey"], installed.get("chat_webhook")


def hubspot_webhook(request):
    if request.method != "POST" or not _valid(request):
        return ("forbidden", 403)
    handled = 0
    for event in request.get_json(silent=True) or []:
        if event.get("subscriptionType") != "contact.propertyChange":
            continue
        key, webhook = _key_for(event["portalId"])
        if not key:
            logging.warning("unknown portal %s", event["portalId"])
            continue
        contact = hubspot.get_contact(event["objectId"], key)
        props = contact.get("properties", {})
        owner = hubspot.get_owner(props.get("hubspot_owner_id", {}).get("value", "0"), key)
        chat.post(webhook, "%s is now %s (owner %s)" % (
            props.get("email", {}).get("value"), event.get("propertyValue"), owner.get("email")))
        if event.get("propertyValue") == "customer":
            hubspot.set_property(event["objectId"], "onboarding_status", "pending", key)
        handled += 1
    return (json.dumps({"handled": handled}), 200)


def setup_subscriptions(request):
    """Run once per deploy: point the app's webhooks at this function."""
    base = "https://api.hubapi.com/webhooks/v1/%s" % APP_ID
    params = {"hapikey": DEVELOPER_KEY}
    r = requests.put(base + "/settings", params=params,
                     json={"webhookUrl": FUNCTION_URL, "maxConcurrentRequests": 10})
    r.raise_for_status()
    r = requests.post(base + "/subscriptions", params=params,
                      json={"subscriptionDetails": {"subscriptionType": "contact.propertyChange",
                                                    "propertyName": "lifecyclestage"},
                            "enabled": True})
    return ("ok" if r.ok else "failed", r.status_code)
