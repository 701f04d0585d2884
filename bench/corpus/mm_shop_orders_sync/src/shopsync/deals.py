# NOTE: this module predates HubSpotClient; it talks to requests directly.
import requests

from shopsync.constants import BASE_URL, ECOMMERCE_PIPELINE, HEADERS, PARAMS, STAGE_BY_STATUS


def _props(d):
    return {"properties": [{"name": k, "value": v} for k, v in d.items()]}


def find_deal_for_order(order_id):
    # there's no search-by-property in v1 deals; we keep the order id in the deal name
    # and scan the recent ones (orders older than a week never come through here)
    params = {**PARAMS, "properties": "dealname", "limit": 250}
    resp = requests.get(BASE_URL + "/deals/v1/deal/paged", params=params, timeout=20)
    resp.raise_for_status()
    for deal in resp.json().get("deals", []):
        name = deal.get("properties", {}).get("dealname", {}).get("value", "")
        if name.endswith("#%s" % order_id):
            return deal["dealId"]
    return None


def create_deal(order, contact_vid):
    body = _props({
        "dealname": "Order #%s" % order["id"],
        "amount": order["total_price"],
        "pipeline": ECOMMERCE_PIPELINE,
        "dealstage": STAGE_BY_STATUS.get(order["financial_status"], STAGE_BY_STATUS["paid"]),
        "closedate": order["created_at_ms"],
    })
    body["associations"] = {"associatedVids": [contact_vid]}
    resp = requests.post(BASE_URL + "/deals/v1/deal/", params=PARAMS, json=body,
                         headers=HEADERS, timeout=20)
    resp.raise_for_status()
    return resp.json()["dealId"]


def update_stage(deal_id, status):
    resp = requests.put(BASE_URL + "/deals/v1/deal/%s" % deal_id, params=PARAMS,
                        json=_props({"dealstage": STAGE_BY_STATUS[status]}),
                        headers=HEADERS, timeout=20)
    resp.raise_for_status()


def associate_contacts(deal_id, vids):
    params = PARAMS.copy()
    params["id"] = list(vids)
    url = BASE_URL + "/deals/v1/deal/%s/associations/CONTACT" % deal_id
    requests.put(url, params=params, timeout=20).raise_for_status()
