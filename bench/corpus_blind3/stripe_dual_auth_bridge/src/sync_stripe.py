"""Copy Stripe customers into HubSpot and open a deal for each paying one."""
import logging

from bridge import hubspot_api, stripe_api

log = logging.getLogger("sync_stripe")


def run():
    n = 0
    for cust in stripe_api.customers(limit=2):
        if not cust.get("email"):
            continue
        res = hubspot_api.upsert(cust["email"], {"stripe_customer_id": cust["id"]})
        vid = res.get("vid")
        if cust.get("delinquent") is False and not hubspot_api.deals_for_contact(vid):
            hubspot_api.create_deal(vid, "Stripe: %s" % cust["email"], "99")
        n += 1
    return n


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    print(run())
