#!/usr/bin/env python
"""
Export every contact in our HubSpot portal to a CSV file.

Columns: vid, email, first/last name, company, lifecycle stage, owner email and the
number of deals associated with the contact.

    export HUBSPOT_API_KEY=xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx
    python export_contacts.py contacts.csv

Written for the marketing ops team, Oct 2017. Uses the v1 contacts API.
"""
import csv
import logging
import os
import sys
import time

import requests

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("export_contacts")

API_KEY = os.environ.get("HUBSPOT_API_KEY")
BASE = "https://api.hubapi.com"
PAGE_SIZE = 100
# HubSpot allows 10 requests / second with an API key
PAUSE = 0.15

PROPERTIES = ["email", "firstname", "lastname", "company", "lifecyclestage", "hubspot_owner_id"]
COLUMNS = ["vid", "email", "firstname", "lastname", "company", "lifecyclestage", "owner", "deals"]


def prop(contact, name):
    """v1 returns {"properties": {"email": {"value": "..."}}}"""
    return contact.get("properties", {}).get(name, {}).get("value", "")


def get_all_contacts():
    contacts = []
    vid_offset = 0
    has_more = True
    prop_qs = "&".join("property=%s" % p for p in PROPERTIES)
    while has_more:
        url = "%s/contacts/v1/lists/all/contacts/all?hapikey=%s&count=%d&vidOffset=%d&%s" % (
            BASE, API_KEY, PAGE_SIZE, vid_offset, prop_qs)
        r = requests.get(url)
        r.raise_for_status()
        data = r.json()
        contacts.extend(data["contacts"])
        has_more = data["has-more"]
        vid_offset = data["vid-offset"]
        log.info("fetched %d contacts so far", len(contacts))
        time.sleep(PAUSE)
    return contacts


def get_contact_profile(vid):
    url = "{0}/contacts/v1/contact/vid/{1}/profile?hapikey={2}&propertyMode=value_only&showListMemberships=false".format(
        BASE, vid, API_KEY)
    r = requests.get(url)
    if r.status_code == 404:
        log.warning("contact %s not found", vid)
        return None
    r.raise_for_status()
    return r.json()


def count_deals(vid):
    total = 0
    offset = 0
    while True:
        url = "{base}/deals/v1/deal/associated/contact/{vid}/paged?limit=100&offset={offset}&hapikey={key}".format(
            base=BASE, vid=vid, offset=offset, key=API_KEY)
        r = requests.get(url)
        r.raise_for_status()
        data = r.json()
        total += len(data.get("deals", []))
        if not data.get("hasMore"):
            break
        offset = data["offset"]
    time.sleep(PAUSE)
    return total


def get_owner_emails():
    r = requests.get(BASE + "/owners/v2/owners?hapikey=" + API_KEY + "&includeInactive=true")
    r.raise_for_status()
    return dict((str(o["ownerId"]), o.get("email", "")) for o in r.json())


def write_csv(rows, out):
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow(row)


def main(argv):
    if not API_KEY:
        sys.exit("HUBSPOT_API_KEY is not set")
    out_path = argv[1] if len(argv) > 1 else None

    owners = get_owner_emails()
    rows = []
    for c in get_all_contacts():
        vid = c["vid"]
        rows.append({
            "vid": vid,
            "email": prop(c, "email"),
            "firstname": prop(c, "firstname"),
            "lastname": prop(c, "lastname"),
            "company": prop(c, "company"),
            "lifecyclestage": prop(c, "lifecyclestage"),
            "owner": owners.get(prop(c, "hubspot_owner_id"), ""),
            "deals": count_deals(vid),
        })

    if out_path:
        with open(out_path, "w") as f:
            write_csv(rows, f)
    else:
        write_csv(rows, sys.stdout)
    log.info("exported %d contacts", len(rows))


if __name__ == "__main__":
    main(sys.argv)
