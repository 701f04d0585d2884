"""Timeline event types of our app (developer key) and events for a portal."""
import json
import os

from .api import call

with open(os.path.join(os.path.dirname(os.path.dirname(__file__)), "app.json")) as f:
    APP = json.load(f)

TYPES_PATH = "/integrations/v1/%s/timeline/event-types" % APP["app_id"]


def event_types():
    return call("GET", TYPES_PATH, APP["developer_api_key"], {"userId": APP["developer_user_id"]})


def ensure_event_type():
    for existing in event_types() or []:
        if existing["name"] == APP["event_type_name"]:
            return existing["id"]
    created = call(
        "POST",
        TYPES_PATH,
        APP["developer_api_key"],
        {"userId": APP["developer_user_id"]},
        {
            "applicationId": APP["app_id"],
            "name": APP["event_type_name"],
            "headerTemplate": "Ticket {{subject}} closed",
            "detailTemplate": "Closed by {{agent}}",
            "objectType": "CONTACT",
        },
    )
    return created["id"]


def add_property(type_id, name, label):
    path = "%s/%s/properties" % (TYPES_PATH, type_id)
    return call("POST", path, APP["developer_api_key"], {"userId": APP["developer_user_id"]},
                {"name": name, "label": label, "propertyType": "String"})
