"""Configure our public HubSpot app (webhooks + timeline event types) and the
custom contact properties the app writes in the test portal.

    HUBSPOT_APP_ID=... HUBSPOT_DEVELOPER_KEY=... HUBSPOT_API_KEY=... python setup_app.py
"""
import logging
import os
import sys

from hubspot_http import HubSpotHttp, HubSpotHttpError

log = logging.getLogger("setup_app")

APP_ID = os.environ.get("HUBSPOT_APP_ID", "0")
DEVELOPER_KEY = os.environ.get("HUBSPOT_DEVELOPER_KEY")
PORTAL_KEY = os.environ.get("HUBSPOT_API_KEY")

WEBHOOK_URL = os.environ.get("WEBHOOK_URL", "https://hooks.meetbot.app/hubspot/events")

SUBSCRIPTIONS = [
    ("contact.creation", None),
    ("contact.propertyChange", "email"),
    ("contact.propertyChange", "lifecyclestage"),
    ("deal.propertyChange", "dealstage"),
]

EVENT_TYPES = [
    {"name": "Meeting booked", "headerTemplate": "Booked {{meetingType}} via MeetBot",
     "detailTemplate": "Host: {{host}}", "objectType": "CONTACT"},
    {"name": "Meeting no-show", "headerTemplate": "Missed {{meetingType}}",
     "detailTemplate": "", "objectType": "CONTACT"},
]

PORTAL_PROPERTIES = [
    {"name": "meetbot_meetings_booked", "label": "MeetBot meetings booked", "type": "number",
     "fieldType": "number", "groupName": "contactinformation"},
    {"name": "meetbot_last_meeting", "label": "MeetBot last meeting", "type": "datetime",
     "fieldType": "date", "groupName": "contactinformation"},
]


def developer_api():
    return HubSpotHttp(DEVELOPER_KEY)


def configure_webhooks(dev):
    dev.put("/webhooks/v1/%s/settings" % APP_ID, {"webhookUrl": WEBHOOK_URL, "maxConcurrentRequests": 10})
    existing = dev.get("/webhooks/v1/%s/subscriptions" % APP_ID) or []
    have = set((s["subscriptionDetails"]["subscriptionType"], s["subscriptionDetails"].get("propertyName"))
               for s in existing)
    for sub_type, prop in SUBSCRIPTIONS:
        if (sub_type, prop) in have:
            continue
        details = {"subscriptionType": sub_type}
        if prop:
            details["propertyName"] = prop
        log.info("subscribing to %s %s", sub_type, prop or "")
        dev.post("/webhooks/v1/%s/subscriptions" % APP_ID, {"subscriptionDetails": details, "enabled": True})


def configure_timeline(dev):
    existing = dev.get("/integrations/v1/%s/timeline/event-types" % APP_ID, params={"limit": 100}) or []
    names = {t["name"]: t for t in existing}
    for et in EVENT_TYPES:
        if et["name"] in names:
            dev.put("/integrations/v1/%s/timeline/event-types/%s" % (APP_ID, names[et["name"]]["id"]),
                    dict(et, applicationId=int(APP_ID)))
        else:
            dev.post("/integrations/v1/%s/timeline/event-types" % APP_ID, dict(et, applicationId=int(APP_ID)))


def configure_portal(portal):
    for prop in PORTAL_PROPERTIES:
        try:
            portal.get("/properties/v1/contacts/properties/named/%s" % prop["name"])
            log.info("property %s exists", prop["name"])
        except HubSpotHttpError:
            portal.post("/properties/v1/contacts/properties", prop)


def main(argv=None):
    argv = argv if argv is not None else sys.argv[1:]
    if not DEVELOPER_KEY:
        log.error("HUBSPOT_DEVELOPER_KEY is required")
        return 1
    dev = developer_api()
    if "--skip-webhooks" not in argv:
        configure_webhooks(dev)
    configure_timeline(dev)
    if PORTAL_KEY:
        configure_portal(HubSpotHttp(PORTAL_KEY))
    else:
        log.warning("no HUBSPOT_API_KEY, not touching the test portal")
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(main())
