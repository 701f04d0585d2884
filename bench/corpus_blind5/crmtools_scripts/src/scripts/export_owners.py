#!/usr/bin/env python
"""Dump owners to owners.csv (run from cron on the ops box)."""
import csv
import io
import os
import sys

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..")))

from crmtools.hubspot import Client  # noqa: E402
from crmtools.slack import notify  # noqa: E402


def main(argv=None):
    client = Client()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["ownerId", "email", "firstName", "lastName"])
    owners = client.owners()
    for owner in owners:
        writer.writerow([owner.get("ownerId"), owner.get("email"),
                         owner.get("firstName"), owner.get("lastName")])
    notify("exported %d owners" % len(owners))
    return out.getvalue()


if __name__ == "__main__":
    sys.stdout.write(main(sys.argv[1:]))
