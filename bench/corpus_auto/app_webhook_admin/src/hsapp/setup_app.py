"""python -m hsapp.setup_app -- idempotent app configuration."""
from hsapp import sandbox, settings
from hsapp.developer import DeveloperClient, TimelineClient

WANTED = [("contact.creation", None), ("contact.propertyChange", "lifecyclestage"),
          ("deal.creation", None)]


def main(smoke_test=False):
    dev = DeveloperClient()
    if dev.settings().get("webhookUrl") != settings.TARGET_URL:
        dev.set_target(settings.TARGET_URL)
    have = {(s["subscriptionDetails"]["subscriptionType"],
             s["subscriptionDetails"].get("propertyName")) for s in dev.subscriptions()}
    for event, prop in WANTED:
        if (event, prop) not in have:
            dev.subscribe(event, prop)
    tl = TimelineClient(settings.APP_ID, settings.DEVELOPER_API_KEY)
    if not any(t["name"] == "Webinar attended" for t in tl.event_types()):
        tl.create_event_type("Webinar attended", "Attended {{webinarName}}")
    if smoke_test:
        return sandbox.touch_contact("smoke@example.com")
    return None
