"""Hourly job: new signups from the backend -> HubSpot contacts (+ deals)."""
import logging

from bridge import backend, contacts, deals, lists

log = logging.getLogger(__name__)

PAID_PLANS = {"team": 49, "business": 199}


def sync_signups(since):
    signups = backend.new_signups(since)
    user_ids, hubspot_ids = [], []
    for s in signups:
        contact_id = contacts.create_contact(s["email"], s.get("first_name", ""),
                                             s.get("last_name", ""), s["plan"])
        if s["plan"] in PAID_PLANS:
            deals.create_trial_deal(contact_id, s["email"], s["plan"], PAID_PLANS[s["plan"]])
        user_ids.append(s["id"])
        hubspot_ids.append(contact_id)
    if signups:
        lists.add_to_signup_list(s["email"] for s in signups)
        backend.mark_synced(user_ids, hubspot_ids)
    log.info("synced %d signups", len(signups))
    return len(signups)


def sync_churn(since):
    """Daily: mark churned accounts in HubSpot and drop them from the signup list."""
    churned = backend.churned_accounts(since)
    for account in churned:
        contacts.mark_churned(account["hubspot_id"], account.get("reason", "unknown"))
    if churned:
        lists.remove_from_signup_list(a["hubspot_id"] for a in churned)
    return len(churned)
