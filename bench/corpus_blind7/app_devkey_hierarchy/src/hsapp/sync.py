"""Nightly sync for one installed customer portal."""
import logging
import os

from .calls import call
from .resources import Portal

log = logging.getLogger(__name__)
PORTAL_KEY = os.environ.get("HUBSPOT_PORTAL_KEY")


def nightly():
    portal = Portal(PORTAL_KEY)
    companies = portal.companies.all()
    recent = portal.contacts.recent(count=5)
    log.info("%d companies, %d recent contacts", len(companies), len(recent.get("contacts", [])))
    owners = call("/owners/v2/owners?includeInactive=false", PORTAL_KEY)
    return len(companies), len(owners or [])


def onboard(email, deal_name, amount, key=None):
    portal = Portal(key or PORTAL_KEY)
    contact = portal.contacts.by_email(email)
    deal = portal.deals.create(deal_name, "appointmentscheduled", amount)
    call("/deals/v1/deal/%s/associations/CONTACT?id=%s" % (deal["dealId"], contact["vid"]),
         key or PORTAL_KEY, method="PUT")
    return deal["dealId"]


def cleanup(deal_id):
    Portal(PORTAL_KEY).deals.remove(deal_id)
