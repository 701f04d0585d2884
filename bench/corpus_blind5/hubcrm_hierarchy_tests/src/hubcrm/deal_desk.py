"""Close a sale coming from the billing system."""
import logging

from hubcrm.facade import HubSpot

log = logging.getLogger(__name__)


def record_sale(email, company_domain, amount, owner_email=None, hs=None):
    hs = hs or HubSpot()
    contact = hs.contacts.get_by_email(email)
    if contact is None:
        contact = hs.contacts.create_or_update(email, lifecyclestage="customer")
    vid = contact["vid"]
    companies = (hs.companies.by_domain(company_domain) or {}).get("results", [])
    if companies:
        hs.companies.add_contact(companies[0]["companyId"], vid)
    deal = hs.deals.create("Sale to %s" % email, amount, vids=[vid])
    if owner_email:
        owner = hs.owners.by_email(owner_email)
        log.info("owner %s", owner and owner["ownerId"])
    return deal["dealId"]
