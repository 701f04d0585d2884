"""python -m importer.cli leads.csv [--hapikey KEY] [--verify]"""
import argparse
import csv
import logging
import sys

from importer import batch, verify

log = logging.getLogger("importer")


def read_rows(path):
    with open(path, newline="") as fh:
        return [row for row in csv.DictReader(fh)]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("csv_path")
    parser.add_argument("--hapikey", help="portal API key (default: $HUBSPOT_API_KEY)")
    parser.add_argument("--verify", action="store_true")
    parser.add_argument("--batch-size", type=int, default=batch.CONTACT_BATCH)
    args = parser.parse_args(argv)

    rows = read_rows(args.csv_path)
    if args.verify:
        rows = [r for r in rows if verify.deliverable(r["email"])]
    known = batch.existing_domains(args.hapikey)
    new = {r["domain"]: r["company"] for r in rows if r["domain"] not in known}
    company_ids = batch.create_companies(new, api_key=args.hapikey) if new else {}
    sent = batch.upsert_contacts(rows, api_key=args.hapikey, batch_size=args.batch_size)
    log.info("%d contacts, %d new companies", sent, len(company_ids))
    return sent, len(company_ids)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main(sys.argv[1:])
