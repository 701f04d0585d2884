#!/usr/bin/env python
# -*- coding: utf-8 -*-
"""Nightly sync: HubSpot contacts -> local CSV, big deals -> contacts.

Usage: python sync.py [--dry-run]
"""
import csv
import logging
import sys

from hsync import contacts, deals

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("sync")


def export_contacts(out):
    writer = csv.writer(out)
    writer.writerow(["vid", "email", "first", "last"])
    n = 0
    for c in contacts.get_all_contacts():
        p = c.get("properties", {})
        writer.writerow([c["vid"]] + [p.get(k, {}).get("value", "") for k in ("email", "firstname", "lastname")])
        n += 1
    return n


def link_big_deals(owner_email, threshold=1000, dry_run=False):
    owner = contacts.get_contact_by_email(owner_email)
    if owner is None:
        log.error("no contact for %s", owner_email)
        return 0
    linked = 0
    for deal in deals.iter_deals():
        amount = float(deal["properties"].get("amount", {}).get("value") or 0)
        if amount >= threshold:
            if not dry_run:
                deals.associate_contact(deal["dealId"], owner["vid"])
            linked += 1
    if linked:
        contacts.update_contact(owner["vid"], {"big_deals": str(linked)})
    return linked


def main(argv):
    dry = "--dry-run" in argv
    n = export_contacts(sys.stdout)
    log.info("exported %d contacts", n)
    link_big_deals("sales@example.com", dry_run=dry)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
