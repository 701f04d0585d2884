#!/usr/bin/env python3
"""Export all companies to CSV.

    export_companies.py --api-key KEY --out companies.csv [--props name,domain]
"""
import argparse
import csv
import logging
import sys

import requests

log = logging.getLogger("export_companies")


def fetch_all(api_key, props):
    url = "https://api.hubapi.com/companies/v2/companies/paged"
    offset = 0
    while True:
        resp = requests.get(url, params={"hapikey": api_key, "limit": 250,
                                         "offset": offset, "properties": props})
        resp.raise_for_status()
        page = resp.json()
        for company in page["companies"]:
            yield company
        if not page["has-more"]:
            break
        offset = page["offset"]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--api-key", required=True, help="HubSpot API key")
    ap.add_argument("--out", default="companies.csv")
    ap.add_argument("--props", default="name,domain")
    args = ap.parse_args(argv)
    props = args.props.split(",")
    n = 0
    with open(args.out, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["companyId"] + props)
        for c in fetch_all(args.api_key, props):
            w.writerow([c["companyId"]] + [c["properties"].get(p, {}).get("value", "")
                                           for p in props])
            n += 1
    log.info("%d companies written to %s", n, args.out)
    return n


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
