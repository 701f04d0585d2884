"""Bits still on hubspot3 (written before we moved to the official client)."""
from hubspot3.companies import CompaniesClient

from hsreports.clients import API_KEY, legacy_client


def company_names():
    client = CompaniesClient(api_key=API_KEY)
    return sorted(c.get("name", "") for c in client.get_all(extra_properties=["name"]))


def recent_contacts():
    return legacy_client().contacts.get_recently_modified(limit=10)


def owners_by_id():
    owners = legacy_client().owners.get_owners()
    return {o["ownerId"]: o.get("email") for o in owners}
