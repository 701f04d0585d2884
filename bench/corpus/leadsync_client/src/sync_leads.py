"""Push leads collected by the webinar tool into HubSpot.

    HUBSPOT_API_KEY=... python sync_leads.py leads.json
"""
import json
import logging
import os
import sys

from hubspot_client import HubSpotClient

log = logging.getLogger("sync_leads")

def get_client():
    return HubSpotClient(os.environ["HUBSPOT_API_KEY"])


CUSTOM_PROPERTIES = {
    "webinar_last_attended": "Last webinar attended",
    "webinar_count": "Webinars attended",
}


def ensure_properties(client):
    existing = set(p["name"] for p in client.get_contact_properties() or [])
    for name, label in sorted(CUSTOM_PROPERTIES.items()):
        if name not in existing:
            log.info("creating property %s", name)
            client.create_contact_property(name, label, group="webinars")


def sync(client, leads):
    ensure_properties(client)
    created = 0
    for lead in leads:
        email = lead["email"].strip().lower()
        current = client.get_contact_by_email(email)
        count = 0
        if current:
            count = int(current.get("properties", {}).get("webinar_count", {}).get("value") or 0)
        result = client.create_or_update_contact(email, {
            "firstname": lead.get("first_name", ""),
            "lastname": lead.get("last_name", ""),
            "webinar_last_attended": lead["webinar"],
            "webinar_count": str(count + 1),
        })
        if result and result.get("isNew"):
            created += 1
            client.log_note(result["vid"], "Signed up through webinar: %s" % lead["webinar"])
    log.info("synced %d leads (%d new)", len(leads), created)
    return created


def audit_emails(client=None):
    """Print contacts without an email address (v3 API)."""
    client = client or get_client()
    missing = []
    for c in client.iter_contacts_v3():
        if not c.get("properties", {}).get("email"):
            missing.append(c["id"])
    return missing


def main(argv=None):
    argv = argv or sys.argv
    client = get_client()
    with open(argv[1]) as f:
        leads = json.load(f)
    sync(client, leads)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
