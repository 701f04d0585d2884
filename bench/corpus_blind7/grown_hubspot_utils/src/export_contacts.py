#!/usr/bin/env python
"""Dump every contact to contacts.csv (run nightly from cron)."""
import csv
import io
import sys

from hubspot_utils import all_contacts, notify


def export(out):
    writer = csv.writer(out)
    writer.writerow(["vid", "email", "firstname"])
    n = 0
    for c in all_contacts(count=2):
        p = c.get("properties", {})
        writer.writerow(
            [
                c["vid"],
                p.get("email", {}).get("value", ""),
                p.get("firstname", {}).get("value", ""),
            ]
        )
        n += 1
    return n


if __name__ == "__main__":
    with open(sys.argv[1] if len(sys.argv) > 1 else "contacts.csv", "w") as fh:
        total = export(fh)
    notify("exported %d contacts" % total)
