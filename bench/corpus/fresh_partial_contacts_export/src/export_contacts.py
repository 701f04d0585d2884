#!/usr/bin/env python
"""Usage: export_contacts.py [--list LIST_ID] OUTFILE"""
import io
import sys

import requests

from hsexport import contacts, settings
from hsexport.http import with_retries


def notify(text):
    return with_retries(
        requests.post, settings.SLACK_WEBHOOK_URL, json={"text": text}, timeout=10
    )


def run(outfile, list_id=None):
    exported = []

    def tracking(iterable):
        for c in iterable:
            exported.append(c["vid"])
            yield c

    if hasattr(outfile, "write"):
        count = contacts.write_csv(outfile, tracking(contacts.iter_contacts(list_id)))
    else:
        with io.open(outfile, "w", newline="") as fh:
            count = contacts.write_csv(fh, tracking(contacts.iter_contacts(list_id)))
    if exported:
        contacts.mark_exported(exported)
    notify(":card_index: exported %d HubSpot contacts" % count)
    return count


if __name__ == "__main__":
    args = sys.argv[1:]
    lid = None
    if args and args[0] == "--list":
        lid = args[1]
        args = args[2:]
    run(args[0], lid)
