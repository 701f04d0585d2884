#!/usr/bin/env python
"""Backfill lifecyclestage=customer for contacts that have a closed-won deal.

    python scripts/backfill_lifecycle.py [--api-key KEY] [--dry-run]

--api-key lets you point the script at the sandbox portal.
"""
import argparse
import logging
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from crmtools.hubspot import Client  # noqa: E402

log = logging.getLogger("backfill")


def parse_args(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--api-key", default=None)
    parser.add_argument("--dry-run", action="store_true")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    client = Client(api_key=args.api_key)
    won = set()
    offset, more = 0, True
    while more:
        page = client.deals_page(offset=offset)
        for deal in page.get("deals", []):
            stage = deal.get("properties", {}).get("dealstage", {}).get("value")
            if stage == "closedwon":
                won.update(deal.get("associations", {}).get("associatedVids", []))
        more, offset = page.get("hasMore", False), page.get("offset", 0)
    changed = 0
    for contact in client.iter_contacts(properties=("email", "lifecyclestage")):
        if contact["vid"] in won:
            if not args.dry_run:
                client.post(
                    "/contacts/v1/contact/vid/%s/profile" % contact["vid"],
                    {"properties": [{"property": "lifecyclestage", "value": "customer"}]},
                )
            changed += 1
    log.info("updated %d contacts", changed)
    return changed


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(0 if main() >= 0 else 1)
