from revops import billing, deals, engagements
from revops.hubspot_api import HubSpotAPI


def run():
    api = HubSpotAPI()
    stale = deals.stale_deals_by_owner(api)
    for email, ids in stale.items():
        for deal_id in ids:
            deals.close_lost(api, deal_id)
            eid = engagements.log_call(api, deal_id, 7, "auto-closed (stale)")
            engagements.remove(api, eid) if email.startswith("test") else None
    return stale, billing.push_mrr(api, 123, "cus_A")
