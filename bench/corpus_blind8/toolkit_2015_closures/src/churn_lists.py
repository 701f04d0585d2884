#!/usr/bin/env python
# Move churned customers from the "customers" list to "churned" (cron, 2015).
from __future__ import print_function

import logging
import sys

import hs_api
from hsconf import SETTINGS

CUSTOMERS = SETTINGS["lists"]["customers"]
CHURNED = SETTINGS["lists"]["churned"]


def churned(contact):
    props = contact.get("properties", {})
    return props.get("churn_date", {}).get("value") not in (None, "")


def main():
    contacts = hs_api.Contacts()
    members = contacts.list_members(CUSTOMERS)
    vids = [c["vid"] for c in members if churned(c)]
    if vids:
        contacts.add_to_list(CHURNED, vids)
        contacts.remove_from_list(CUSTOMERS, vids)
        for vid in vids:
            hs_api.log_email(vid, "We miss you", "Churn email sent by cron")
    print("%d churned" % len(vids))
    return vids


if __name__ == "__main__":
    logging.basicConfig()
    sys.exit(0 if main() is not None else 1)
