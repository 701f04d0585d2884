import logging

from crm import associations
from crm.client import companies_client, get_client

log = logging.getLogger(__name__)


def domain_of(email):
    return email.rsplit("@", 1)[-1].lower() if email and "@" in email else None


def link_orphans(api_key=None):
    hs = get_client(api_key)
    companies = {}
    for company in companies_client(api_key).get_all(extra_properties=["domain"]):
        domain = (company.get("domain") or "").lower()
        if domain:
            companies[domain] = company["id"]
    linked = 0
    for contact in hs.contacts.get_all(extra_properties=["email", "associatedcompanyid"]):
        if contact.get("associatedcompanyid"):
            continue
        company_id = companies.get(domain_of(contact.get("email")))
        if company_id and not associations.associated_ids(contact["vid"], associations.CONTACT_TO_COMPANY, api_key):
            associations.associate(contact["vid"], company_id, associations.CONTACT_TO_COMPANY, api_key)
            linked += 1
    log.info("linked %d contacts", linked)
    return linked


def deal_contacts(deal_id, api_key=None):
    hs = get_client(api_key)
    deal = hs.deals.get(deal_id)
    vids = associations.associated_ids(deal_id, associations.DEAL_TO_CONTACT, api_key)
    return deal, [hs.contacts.get_contact_by_id(v) for v in vids]
