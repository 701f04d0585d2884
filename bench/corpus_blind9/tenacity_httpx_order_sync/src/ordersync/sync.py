import logging

from ordersync import hs, shopify

log = logging.getLogger(__name__)


def sync_order(order):
    if hs.find_deal(order["name"]):
        return False
    deal_id = hs.create_deal(order)
    hs.add_line_items(deal_id, order.get("line_items", []))
    email = (order.get("customer") or {}).get("email")
    if email:
        vid = hs.contact_id(email)
        if vid:
            hs.request("PUT", "/crm/v3/objects/deals/%s/associations/contacts/%s/deal_to_contact"
                       % (deal_id, vid))
    return True


def run(since_id=None):
    created = 0
    for order in shopify.paid_orders(since_id):
        try:
            created += sync_order(order)
        except hs.RateLimited:
            log.error("gave up on %s", order["name"])
    return created
