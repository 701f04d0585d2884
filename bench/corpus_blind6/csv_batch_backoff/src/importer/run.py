"""python -m importer.run data/contacts.csv data/companies.csv"""
import csv
import logging
import sys

from importer import hubspot
from importer.http import send_json
from importer.settings import BATCH_SIZE, SLACK_HOOK

log = logging.getLogger("importer")


def chunks(rows, size):
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def read(path):
    with open(path, newline="") as fh:
        return list(csv.DictReader(fh))


def main(contacts_csv, companies_csv):
    contacts, companies = read(contacts_csv), read(companies_csv)
    for chunk in chunks(contacts, BATCH_SIZE):
        hubspot.batch_upsert_contacts(chunk)
    created = hubspot.batch_create_companies(companies)["results"]
    company_ids = {c["properties"]["domain"]: c["id"] for c in created}
    found = hubspot.batch_read_contacts([r["email"] for r in contacts])["results"]
    pairs = [(c["id"], company_ids[c["properties"]["email"].split("@")[1]]) for c in found]
    hubspot.associate_batch(pairs)
    if SLACK_HOOK:
        send_json("POST", SLACK_HOOK, {"text": "imported %d contacts, %d companies" % (len(contacts), len(companies))})
    return len(pairs)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    print(main(*sys.argv[1:3]))
