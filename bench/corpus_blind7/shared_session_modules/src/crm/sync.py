"""Entry point used by the nightly job."""
import logging

from . import companies, contacts

log = logging.getLogger("crm.sync")


def run(people, list_id):
    sent = contacts.upsert_batch(people)
    vids = contacts.vids_for(p["email"] for p in people)
    added = contacts.add_to_list(list_id, vids.values())
    fixed = 0
    for company in companies.all_companies():
        domain = company["properties"].get("domain", {}).get("value", "")
        if domain and domain != domain.lower():
            companies.update_company(company["companyId"], domain=domain.lower())
            fixed += 1
    log.info("sent=%s added=%s fixed=%s", sent, len(added), fixed)
    return sent, len(added), fixed
