"""Stripe 'invoice.paid' -> HubSpot contact + deal."""
import logging

from crmkit import contacts, deals, engagements, owners
from crmkit.api import HubSpotAPI, HubSpotAPIError
from crmkit.fetch import hubspot_company, stripe_customer

log = logging.getLogger(__name__)


def invoice_paid(event, api=None):
    invoice = event["data"]["object"]
    customer = stripe_customer(invoice["customer"])
    email = customer["email"]
    try:
        contact = contacts.find_by_email(email, api=api)
    except HubSpotAPIError:
        log.info("no contact for %s", email)
        return None
    vid = contact["vid"]
    contacts.set_properties(vid, {"last_invoice_total": str(invoice["total"] / 100.0)}, api=api)
    deal_id = deals.create_deal("Invoice %s" % invoice["number"], invoice["total"] / 100.0, vid, api=api)
    deals.move_stage(deal_id, "closedwon", api=api)
    owner = owners.owner_id_for("billing@ourco.io", api=api)
    engagements.note(vid, "Paid %s (owner %s)" % (invoice["number"], owner), api=api)
    company_id = customer.get("metadata", {}).get("hubspot_company_id")
    if company_id:
        company = hubspot_company(company_id)
        log.info("company %s", company.get("companyId"))
    return deal_id


def refund(deal_id, reseller_key=None):
    api = HubSpotAPI(api_key=reseller_key) if reseller_key else None
    return deals.remove_deal(deal_id, api=api)
