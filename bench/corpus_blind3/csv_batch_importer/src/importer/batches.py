"""Batch endpoints: contacts v1 batch upsert, companies v2 batch update."""
from importer import http, settings


def chunks(rows, size):
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def upsert_contacts(rows):
    sent = 0
    for chunk in chunks(rows, settings.BATCH_SIZE):
        payload = [
            {
                "email": row["email"],
                "properties": [{"property": k, "value": v} for k, v in sorted(row.items()) if k != "email" and v],
            }
            for row in chunk
        ]
        status, _ = http.send("POST", http.build_url("/contacts/v1/contact/batch/"), payload)
        if status == 202:
            sent += len(chunk)
    return sent


def update_companies(rows):
    payload = [
        {"objectId": int(row["company_id"]), "properties": [{"name": "industry", "value": row["industry"]}]}
        for row in rows
        if row.get("company_id")
    ]
    if not payload:
        return 0
    url = http.build_url("/companies/v2/companies/batch-async/update", auditId="csv-import")
    status, _ = http.send("POST", url, payload)
    return len(payload) if status in (200, 202) else 0


def lookup_vids(emails):
    url = http.build_url("/contacts/v1/contact/emails/batch/", email=list(emails), showListMemberships="false")
    status, data = http.send("GET", url)
    return {c["properties"]["email"]["value"]: int(vid) for vid, c in (data or {}).items()}
