import csv
import io
import logging

log = logging.getLogger(__name__)

API = "https://api.hubapi.com"


def chunks(items, size):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def read_rows(session, source):
    """source: a local path or an https URL (exports land in our bucket)."""
    if source.startswith("https://"):
        resp = session.get(source)
        resp.raise_for_status()
        text = resp.text
    else:
        with open(source, newline="") as f:
            text = f.read()
    return list(csv.DictReader(io.StringIO(text)))


def import_contacts(session, rows, chunk_size):
    sent = 0
    for chunk in chunks(rows, chunk_size):
        payload = [
            {"email": r["email"], "properties": [{"property": k, "value": v} for k, v in sorted(r.items()) if k != "email" and v]}
            for r in chunk
        ]
        resp = session.post(API + "/contacts/v1/contact/batch/", json=payload)
        if resp.status_code == 202:
            sent += len(chunk)
        else:
            log.error("batch rejected: %s", resp.text[:200])
    return sent


def import_companies(session, rows, chunk_size):
    ids = []
    for chunk in chunks(rows, chunk_size):
        body = {"inputs": [{"properties": {"name": r["company"], "domain": r.get("domain", "")}} for r in chunk]}
        resp = session.post(API + "/crm/v3/objects/companies/batch/create", json=body)
        resp.raise_for_status()
        ids.extend(item["id"] for item in resp.json()["results"])
    return ids


def ensure_property(session, name, label):
    resp = session.get(API + "/properties/v1/contacts/properties/named/" + name)
    if resp.status_code == 404:
        session.post(API + "/properties/v1/contacts/properties", json={
            "name": name, "label": label, "groupName": "contactinformation", "type": "string", "fieldType": "text"})
        return True
    return False
