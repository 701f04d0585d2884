import httpx

from ordersync import conf


def paid_orders(since_id=None):
    params = {"financial_status": "paid", "status": "any", "limit": 50}
    if since_id:
        params["since_id"] = since_id
    with httpx.Client(headers={"X-Shopify-Access-Token": conf.SHOPIFY_TOKEN}) as http:
        resp = http.get(conf.SHOPIFY_URL + "/orders.json", params=params)
        resp.raise_for_status()
        return resp.json()["orders"]
