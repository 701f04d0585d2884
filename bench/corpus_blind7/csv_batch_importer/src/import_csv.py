#!/usr/bin/env python3
"""python import_csv.py contacts.csv"""
import os
import sys

from importer import companies, contacts, deals


def main(fh, with_deals=False):
    rows = contacts.read_rows(fh)
    n = contacts.import_contacts(rows)
    ids = companies.domains_to_ids(os.environ["HUBSPOT_API_KEY"])
    updates = [{"objectId": cid, "domain": dom.lower()} for dom, cid in ids.items() if dom != dom.lower()]
    if updates:
        companies.push_companies(updates)
    if with_deals:
        created = deals.create_deals([{"name": "Import %s" % r["email"], "amount": 0} for r in rows])
        deals.associate(created, ["501", "502", "503"])
    return n, len(updates)


if __name__ == "__main__":
    with open(sys.argv[1], newline="") as fh:
        print(main(fh, with_deals="--deals" in sys.argv))
