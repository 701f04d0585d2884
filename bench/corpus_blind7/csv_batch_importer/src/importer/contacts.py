import csv
import logging

from .api import BASE, chunks, post

log = logging.getLogger(__name__)
FIELD_MAP = {"E-mail": "email", "First name": "firstname", "Last name": "lastname",
             "Company": "company", "Phone": "phone"}


def read_rows(fh):
    out = []
    for row in csv.DictReader(fh):
        props = {FIELD_MAP[k]: v.strip() for k, v in row.items() if k in FIELD_MAP and v}
        if props.get("email"):
            out.append(props)
    return out


def import_contacts(rows, batch_size=2):
    ok = 0
    for batch in chunks(rows, batch_size):
        payload = [{"email": r["email"],
                    "properties": [{"property": k, "value": v} for k, v in r.items() if k != "email"]}
                   for r in batch]
        resp = post(BASE + "/contacts/v1/contact/batch/", json=payload)
        if resp.status_code == 202:
            ok += len(batch)
        else:
            log.error("batch rejected: %s", resp.status_code)
    return ok
