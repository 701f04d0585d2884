from hsapp import conf
from hsapp.api import HubSpotAPIError, call

SUBSCRIPTIONS = "/webhooks/v1/%s/subscriptions" % conf.APP_ID
SETTINGS = "/webhooks/v1/%s/settings" % conf.APP_ID

WANTED = [
    ("contact.creation", None),
    ("contact.propertyChange", "lifecyclestage"),
    ("deal.propertyChange", "dealstage"),
]


def current():
    return call("GET", SUBSCRIPTIONS, conf.DEVELOPER_KEY) or []


def ensure_settings():
    try:
        existing = call("GET", SETTINGS, conf.DEVELOPER_KEY)
    except HubSpotAPIError as e:
        if e.status != 404:
            raise
        existing = None
    if not existing or existing.get("webhookUrl") != conf.WEBHOOK_TARGET:
        call("PUT", SETTINGS, conf.DEVELOPER_KEY,
             json={"webhookUrl": conf.WEBHOOK_TARGET, "maxConcurrentRequests": 10})


def ensure_subscriptions():
    have = {(s["subscriptionDetails"]["subscriptionType"],
             s["subscriptionDetails"].get("propertyName")) for s in current()}
    created = []
    for sub_type, prop in WANTED:
        if (sub_type, prop) in have:
            continue
        details = {"subscriptionType": sub_type}
        if prop:
            details["propertyName"] = prop
        created.append(call("POST", SUBSCRIPTIONS, conf.DEVELOPER_KEY,
                            json={"subscriptionDetails": details, "enabled": True}))
    return created
