"""Example app using hubkit: create a deal for each signed order and log the call."""
import logging

from hubkit import HubSpotAPI

log = logging.getLogger("sales_sync")

ORDERS = [
    {"email": "ann@shop.test", "name": "Ann", "total": 129.0, "ts": 1560000000000},
    {"email": "bob@shop.test", "name": "Bob", "total": 54.5, "ts": 1560000500000},
]


def sync(api=None, orders=ORDERS):
    api = api or HubSpotAPI.from_env()
    owner = (api.owners.owners(email="sales@shop.test") or [{}])[0].get("ownerId")
    for order in orders:
        contact = api.contacts.create_or_update(order["email"], {"firstname": order["name"]})
        deal = api.deals.create(order["name"] + " order", order["total"], "appointmentscheduled", [contact["vid"]])
        api.deals.move(deal["dealId"], "closedwon")
        api.engagements.log_call(contact["vid"], "Order confirmed by phone", 60000, order["ts"])
    log.info("owner %s", owner)
    return len(orders)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sync()
