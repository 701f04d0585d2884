import logging

from bridge import net
from bridge.customers import upsert_customer

log = logging.getLogger(__name__)
STAGE_BY_STATUS = {"paid": "closedwon", "refunded": "closedlost", "pending": "contractsent"}


def new_orders(since_id=0):
    resp = net.shopify.get(net.shop_url("orders.json"), params={"since_id": since_id, "status": "any"})
    resp.raise_for_status()
    return resp.json()["orders"]


def deal_for_order(order, vid):
    body = {
        "associations": {"associatedVids": [vid]},
        "properties": [
            {"name": "dealname", "value": "Shopify #%s" % order["order_number"]},
            {"name": "amount", "value": order["total_price"]},
            {"name": "dealstage", "value": STAGE_BY_STATUS.get(order["financial_status"], "contractsent")},
            {"name": "shopify_order_id", "value": str(order["id"])},
        ],
    }
    resp = net.hubspot.post(net.HUBSPOT_API + "/deals/v1/deal", json=body)
    resp.raise_for_status()
    return resp.json()["dealId"]


def add_line_items(deal_id, order):
    for item in order.get("line_items", []):
        resp = net.hubspot.post(net.HUBSPOT_API + "/crm-objects/v1/objects/line_items", json=[
            {"name": "name", "value": item["title"]},
            {"name": "quantity", "value": str(item["quantity"])},
            {"name": "price", "value": item["price"]},
        ])
        line_item_id = resp.json()["objectId"]
        net.hubspot.put(net.HUBSPOT_API + "/crm-associations/v1/associations", json={
            "fromObjectId": deal_id, "toObjectId": line_item_id,
            "category": "HUBSPOT_DEFINED", "definitionId": 19})


def sync(since_id=0):
    synced = []
    for order in new_orders(since_id):
        vid = upsert_customer(order["customer"])
        deal_id = deal_for_order(order, vid)
        add_line_items(deal_id, order)
        synced.append(deal_id)
    log.info("synced %d orders", len(synced))
    return synced
