import requests

from shopsync import constants


def _url(path):
    return "https://%s/admin/api/%s%s" % (constants.SHOP_DOMAIN, constants.SHOP_API_VERSION, path)


def _headers():
    return {"X-Shopify-Access-Token": constants.SHOP_TOKEN, "Accept": "application/json"}


def recent_orders(since_id=None):
    params = {"status": "any", "limit": 50}
    if since_id:
        params["since_id"] = since_id
    resp = requests.get(_url("/orders.json"), params=params, headers=_headers(), timeout=30)
    resp.raise_for_status()
    return resp.json()["orders"]


def tag_order(order_id, tag):
    resp = requests.put(_url("/orders/%s.json" % order_id),
                        json={"order": {"id": order_id, "tags": tag}},
                        headers=_headers(), timeout=30)
    resp.raise_for_status()
