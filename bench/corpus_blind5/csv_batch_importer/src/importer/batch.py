"""Chunked batch calls."""
import logging

import requests

from importer.auth import auth_kwargs

log = logging.getLogger(__name__)

HUBAPI = "https://api.hubapi.com"
CONTACT_BATCH = 100
COMPANY_BATCH = 10


def chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def upsert_contacts(rows, api_key=None, batch_size=CONTACT_BATCH):
    sent = 0
    for chunk in chunks(rows, batch_size):
        body = [
            {
                "email": row["email"],
                "properties": [
                    {"property": name, "value": row[name]}
                    for name in ("firstname", "lastname", "company")
                    if row.get(name)
                ],
            }
            for row in chunk
        ]
        resp = requests.post(HUBAPI + "/contacts/v1/contact/batch/", json=body, **auth_kwargs(api_key))
        resp.raise_for_status()
        sent += len(chunk)
        log.info("contacts %d/%d", sent, len(rows))
    return sent


def create_companies(domains, api_key=None, batch_size=COMPANY_BATCH):
    ids = {}
    for chunk in chunks(sorted(domains), batch_size):
        kwargs = auth_kwargs(api_key)
        payload = {"inputs": [{"properties": {"domain": d, "name": domains[d]}} for d in chunk]}
        resp = requests.post(
            HUBAPI + "/crm/v3/objects/companies/batch/create", json=payload, **kwargs
        )
        resp.raise_for_status()
        for result in resp.json().get("results", []):
            ids[result["properties"]["domain"]] = result["id"]
    return ids


def existing_domains(api_key=None):
    """companies v2 paged (offset / has-more)."""
    found, offset = set(), 0
    while True:
        kwargs = auth_kwargs(api_key)
        kwargs["params"] = {**kwargs.get("params", {}), "properties": "domain", "limit": 250, "offset": offset}
        resp = requests.get(HUBAPI + "/companies/v2/companies/paged", **kwargs)
        resp.raise_for_status()
        page = resp.json()
        for company in page.get("companies", []):
            domain = company.get("properties", {}).get("domain", {}).get("value")
            if domain:
                found.add(domain)
        if not page.get("has-more"):
            return found
        offset = page["offset"]
