#!/usr/bin/env python
"""Push pending leads from the internal CRM into HubSpot forms; ensure our properties."""
import argparse
import logging

from formsync import settings
from formsync.crm import InternalCRM
from formsync.hubspot import HubSpot

OUR_PROPERTIES = {"lead_source_detail": "Lead source detail", "crm_lead_id": "CRM lead id"}


def ensure_properties(hub):
    existing = {p["name"] for p in hub.contact_properties()}
    for name, label in sorted(OUR_PROPERTIES.items()):
        if name not in existing:
            hub.create_property(name, label)


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--config")
    parser.add_argument("--check-forms", action="store_true")
    args = parser.parse_args(argv)
    conf = settings.load(args.config)
    hub = HubSpot(conf["hubspot"])
    crm = InternalCRM(conf["crm"])
    ensure_properties(hub)
    if args.check_forms:
        known = {f["guid"] for f in hub.form_definitions()}
        missing = [n for n, g in hub.forms.items() if g not in known]
        if missing:
            logging.warning("forms missing in HubSpot: %s", missing)
    sent = 0
    for lead in crm.pending_leads():
        form = "demo_request" if lead.get("wants_demo") else "newsletter"
        fields = {"email": lead["email"], "crm_lead_id": lead["id"]}
        ctx = {"pageUri": "https://www.example.com/crm-import", "pageName": "CRM import"}
        if hub.submit(form, fields, ctx):
            crm.mark_sent(lead["id"])
            sent += 1
    return sent


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
