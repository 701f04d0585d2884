"""Monthly report per client portal, with that client's own key."""
import functools
import logging

from hubspot3 import Hubspot3

from agencyhub import internal, settings
from agencyhub.client import client

log = logging.getLogger(__name__)


def deal_totals(portal_key):
    fetch = functools.partial(client.get, api_key=portal_key)
    total, offset, more = 0.0, 0, True
    while more:
        page = fetch("/deals/v1/deal/paged", offset=offset, properties="amount")
        for deal in page.get("deals", []):
            total += float(deal["properties"].get("amount", {}).get("value") or 0)
        more, offset = page.get("hasMore"), page.get("offset")
    return total


def company_count(portal_key):
    sdk = Hubspot3(api_key=portal_key)
    return len(sdk.companies.get_all(extra_properties=["domain"]))


def contact_count(portal_key):
    data = client.get("/contacts/v1/contacts/statistics", api_key=portal_key)
    return data.get("contacts", 0)


def monthly(portals):
    rows = []
    for portal in portals:
        row = {
            "portal": portal["id"],
            "won": deal_totals(portal["api_key"]),
            "companies": company_count(portal["api_key"]),
            "contacts": contact_count(portal["api_key"]),
            "currency": settings.CURRENCY,
        }
        internal.log_report_note(portal["company_id"], "%(won).2f %(currency)s" % row)
        rows.append(row)
    log.info("%d portals reported", len(rows))
    return rows
