import os

import requests

from .api import BASE, chunks, make_getter


def push_companies(rows, api_key=os.environ.get("HUBSPOT_API_KEY")):
    """rows: dicts with objectId and the properties to set."""
    sent = 0
    for batch in chunks(rows, 100):
        body = [{"objectId": r["objectId"],
                 "properties": [{"name": k, "value": v} for k, v in r.items() if k != "objectId"]}
                for r in batch]
        r = requests.post(BASE + "/companies/v1/batch-async/update?hapikey=" + api_key, json=body)
        r.raise_for_status()
        sent += len(batch)
    return sent


def domains_to_ids(api_key):
    get = make_getter(api_key)
    ids, offset = {}, 0
    while True:
        page = get("/companies/v2/companies/paged", properties="domain", limit=2, offset=offset)
        for c in page["companies"]:
            domain = c["properties"].get("domain", {}).get("value")
            if domain:
                ids[domain] = c["companyId"]
        if not page["has-more"]:
            return ids
        offset = page["offset"]
