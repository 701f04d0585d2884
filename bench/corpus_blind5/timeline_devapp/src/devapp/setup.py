"""python -m devapp.setup: idempotent app + portal setup, then a smoke sign-up."""
import logging

from devapp import developer, portal

log = logging.getLogger(__name__)


def main(smoke_email="smoke@example.com"):
    event_type = developer.ensure_event_type()
    developer.ensure_webhooks()
    fields = portal.form_fields()
    status = portal.submit_signup(smoke_email) if "email" in fields else None
    portal.upsert_registrant(smoke_email, "setup smoke test")
    log.info("event type %s, form status %s", event_type, status)
    return event_type, status


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
