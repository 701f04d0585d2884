"""Entry points: the shop webhook handler and the catch-up cron."""
import json
import logging

from shopsync import contacts, deals, shop

log = logging.getLogger(__name__)


def _sync_order(order):
    vid = contacts.upsert_customer(order["customer"])
    deal_id = deals.find_deal_for_order(order["id"])
    if deal_id is None:
        deal_id = deals.create_deal(order, vid)
        shop.tag_order(order["id"], "hubspot-synced")
    else:
        deals.update_stage(deal_id, order["financial_status"])
    extra = [c["email"] for c in order.get("additional_contacts", [])]
    if extra:
        deals.associate_contacts(deal_id, contacts.contact_vids_for(extra).values())
    return deal_id


def order_webhook(request):
    """POST /webhooks/orders (orders/create, orders/updated)"""
    topic = request["headers"].get("X-Shopify-Topic")
    order = json.loads(request["body"])
    if topic not in ("orders/create", "orders/updated", "orders/paid"):
        return 204
    deal_id = _sync_order(order)
    log.info("order %s -> deal %s", order["id"], deal_id)
    return 200


def catch_up(since_id=None):
    synced = 0
    for order in shop.recent_orders(since_id):
        if order.get("customer"):
            _sync_order(order)
            synced += 1
    return synced
