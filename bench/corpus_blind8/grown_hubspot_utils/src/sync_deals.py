"""Apply deal updates from the finance spreadsheet (exported as CSV).

    python sync_deals.py updates.csv
"""
import csv
import logging
import sys

import hubspot_utils
from hubspot_utils import update_deal, get_deal

log = logging.getLogger("sync_deals")

FIELD_MAP = {"Amount": "amount", "Stage": "dealstage", "Close": "closedate"}


def check_config():
    if not hubspot_utils.API_KEY:
        sys.exit("HUBSPOT_API_KEY is not set")


def rows(path):
    with open(path) as f:
        for row in csv.DictReader(f):
            yield row


def apply_row(row):
    deal_id = row["Deal ID"].strip()
    props = {}
    for col, prop in FIELD_MAP.items():
        if row.get(col):
            props[prop] = row[col].strip()
    if not props:
        return False
    current = get_deal(deal_id)
    stage = current.get("properties", {}).get("dealstage", {}).get("value")
    if stage == "closedlost" and "dealstage" not in props:
        log.info("deal %s is lost, skipping", deal_id)
        return False
    update_deal(deal_id, props)
    return True


def main(path):
    check_config()
    done = 0
    for row in rows(path):
        if apply_row(row):
            done += 1
    log.info("%d deals updated", done)
    return done


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main(sys.argv[1])
