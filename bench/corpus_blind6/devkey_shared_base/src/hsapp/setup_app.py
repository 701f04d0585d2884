"""One-off: configure the app (webhooks, timeline type) and the demo portal's property."""
import logging

from hsapp import config
from hsapp.developer import TimelineTypes, WebhookSettings
from hsapp.portal import Properties


def run():
    logging.basicConfig(level=logging.INFO)
    hooks = WebhookSettings()
    existing = {s["subscriptionDetails"]["subscriptionType"] for s in hooks.subscriptions()}
    for event in ("contact.creation", "contact.propertyChange"):
        if event not in existing:
            hooks.subscribe(event, "lifecyclestage" if event.endswith("Change") else None)
    hooks.set_target(config.WEBHOOK_TARGET)
    types = TimelineTypes()
    if not any(t["name"] == "Webinar attended" for t in types.list()):
        types.create("Webinar attended", "Attended {{webinarName}}")
    return Properties().ensure_contact_property("webinar_score", "Webinar score")


if __name__ == "__main__":
    run()
