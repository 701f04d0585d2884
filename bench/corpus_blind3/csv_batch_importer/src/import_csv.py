#!/usr/bin/env python3
"""Import a CSV export from the webshop into HubSpot.

    python import_csv.py contacts.csv [--companies]
"""
import argparse
import csv
import logging
import sys

from importer import batches, settings

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("import_csv")


def read_rows(fh):
    rows = []
    for row in csv.DictReader(fh):
        row = {k.strip().lower(): (v or "").strip() for k, v in row.items()}
        if not row.get("email"):
            continue
        row.setdefault("lifecyclestage", settings.DEFAULT_LIFECYCLE)
        rows.append(row)
    return rows


def run(fh, companies=False):
    rows = read_rows(fh)
    n = batches.upsert_contacts([{k: v for k, v in r.items() if k not in ("company_id", "industry")} for r in rows])
    log.info("upserted %d contacts", n)
    if companies:
        batches.update_companies(rows)
    vids = batches.lookup_vids(r["email"] for r in rows)
    return n, vids


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("csv")
    p.add_argument("--companies", action="store_true")
    args = p.parse_args(argv)
    with open(args.csv, newline="") as fh:
        run(fh, args.companies)
    return 0


if __name__ == "__main__":
    sys.exit(main())
