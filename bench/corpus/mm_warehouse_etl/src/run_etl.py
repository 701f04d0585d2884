#!/usr/bin/env python
"""Nightly job: HubSpot -> warehouse, then scores back into HubSpot.

python run_etl.py [--skip-writeback]
"""

import argparse
import datetime
import logging
import sys

from etl import extract, load, writeback

log = logging.getLogger("etl")


def main(argv=None, today=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-writeback", action="store_true")
    args = parser.parse_args(argv)
    run_id = (today or datetime.date.today()).strftime("%Y%m%d")

    load.push("hubspot_contacts", extract.contacts(), run_id)
    load.push("hubspot_deals", extract.deals(), run_id)
    load.push("hubspot_companies", extract.companies(), run_id)
    load.push("hubspot_owners", extract.owners(), run_id)

    if not args.skip_writeback:
        scores = writeback.fetch_scores(run_id)
        writeback.contact_scores(scores.get("contacts", {}))
        writeback.deal_health(scores.get("deals", {}))
        for deal_id in scores.get("archive", []):
            writeback.archive_deal(deal_id)
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(main())
