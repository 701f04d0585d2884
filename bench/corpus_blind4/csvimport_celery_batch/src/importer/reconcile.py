"""Nightly reconciliation: which imported emails are missing from HubSpot."""
import requests

from importer import hs


def hubspot_emails(page_size=2):
    emails, offset = set(), None
    while True:
        params = dict(hs.DEFAULT_PARAMS, count=page_size, property="email")
        if offset:
            params["vidOffset"] = offset
        data = requests.get(hs.HS + "/contacts/v1/lists/all/contacts/all", params=params).json()
        for c in data.get("contacts", []):
            emails.add(c["properties"]["email"]["value"])
        if not data.get("has-more"):
            return emails
        offset = data["vid-offset"]


def missing(imported):
    return sorted(set(imported) - hubspot_emails())
