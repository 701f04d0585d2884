"""Nightly account report for one customer portal."""
import logging
import os

from hsapi.raw import call
from hsapi.resources import Portal

log = logging.getLogger("reports")


def portal_key():
    return os.environ["HUBSPOT_API_KEY"]


def nightly(company_id, portal=None):
    portal = portal or Portal(portal_key())
    recent = portal.contacts.recent(count=5) or {}
    company = portal.companies.get(company_id) or {}
    name = company.get("properties", {}).get("name", {}).get("value", "?")
    portal.companies.update(company_id, {"last_report_contacts": str(len(recent.get("contacts", [])))})
    stats = call("/contacts/v1/contacts/statistics", portal_key())
    log.info("%s: %s contacts", name, stats.get("contacts"))
    return stats.get("contacts")


def onboard(customer_key, company_id, amount):
    portal = Portal(customer_key)
    if portal.contacts.by_email("owner@customer.io") is None:
        log.info("no owner contact yet")
    deal = portal.deals.create("Onboarding", amount, company_id)
    owners = call("/owners/v2/owners", customer_key, email="owner@customer.io")
    return deal["dealId"], len(owners or [])
