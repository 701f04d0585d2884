"""Configure the app in the developer portal: webhooks + timeline event types.

    HUBSPOT_DEVELOPER_KEY=... HUBSPOT_APP_ID=... python setup_app.py https://hooks.acme.io/hubspot
"""
import os
import sys

from hsapi.developer import TimelineTypesClient, WebhooksClient
from hsapi.raw import call

DEV_KEY = os.environ["HUBSPOT_DEVELOPER_KEY"]
APP_ID = os.environ["HUBSPOT_APP_ID"]

WANTED = ["contact.creation", "deal.propertyChange"]


def main(target):
    hooks = WebhooksClient(DEV_KEY, APP_ID)
    if hooks.settings() is None:
        hooks.update_settings(target)
    have = set(s["subscriptionDetails"]["subscriptionType"] for s in hooks.subscriptions())
    for event in WANTED:
        if event not in have:
            hooks.subscribe(event, "dealstage" if event.startswith("deal.") else None)
    types = TimelineTypesClient(DEV_KEY, APP_ID)
    names = [t["name"] for t in types.event_types()]
    if "Webinar attended" not in names:
        types.create_event_type("Webinar attended", "Attended {{title}}", "{{duration}} minutes")
    # app-level info for the log
    info = call("/integrations/v1/applications/%s" % APP_ID, DEV_KEY)
    return info


if __name__ == "__main__":
    main(sys.argv[1])
