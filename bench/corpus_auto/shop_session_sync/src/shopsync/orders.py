import logging

from shopsync.http import HUBSPOT_URL, hubspot, shop, SHOP_URL

log = logging.getLogger(__name__)


def new_orders(since):
    r = shop.get(SHOP_URL + "/orders", params={"created_after": since, "status": "paid"})
    r.raise_for_status()
    return r.json()["orders"]


def create_deal(order):
    body = {
        "properties": {
            "dealname": "Order #%s" % order["number"],
            "amount": str(order["total"]),
            "pipeline": "default",
            "dealstage": "closedwon",
        }
    }
    r = hubspot.post(HUBSPOT_URL + "/crm/v3/objects/deals", json=body)
    r.raise_for_status()
    deal_id = r.json()["id"]
    log.info("order %s -> deal %s", order["number"], deal_id)
    return deal_id


def associate(deal_id, product_ids):
    for pid in product_ids:
        r = hubspot.put(
            "%s/crm/v3/objects/deals/%s/associations/line_items/%s/deal_to_line_item"
            % (HUBSPOT_URL, deal_id, pid)
        )
        r.raise_for_status()
