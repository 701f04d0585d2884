"""One-off: configure the app's webhooks and timeline event type, then check that the
demo contact exists in our portal."""
import logging

from hsapp import timeline, webhooks

logging.basicConfig(level=logging.INFO)


def main(demo_email="demo@example.com"):
    webhooks.ensure_settings()
    new = webhooks.ensure_subscriptions()
    logging.info("created %d subscriptions", len(new))
    et = timeline.ensure_event_type("Webinar attended", "Attended {{webinarName}}")
    vid = timeline.contact_vid(demo_email)
    return et, vid


if __name__ == "__main__":
    print(main())
