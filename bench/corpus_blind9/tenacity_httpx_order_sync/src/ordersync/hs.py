import logging

import backoff
import httpx
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_exponential

from ordersync import conf

log = logging.getLogger(__name__)


class RateLimited(Exception):
    pass


_client = None


def client():
    global _client
    if _client is None:
        _client = httpx.Client(base_url="https://api.hubapi.com",
                               params={"hapikey": conf.HAPIKEY}, timeout=30.0)
    return _client


@retry(stop=stop_after_attempt(3), wait=wait_exponential(multiplier=1, max=30),
       retry=retry_if_exception_type(RateLimited), reraise=True)
def request(method, path, **kwargs):
    resp = client().request(method, path, **kwargs)
    if resp.status_code == 429:
        log.warning("rate limited on %s", path)
        raise RateLimited(path)
    resp.raise_for_status()
    return resp.json() if resp.content else None


def find_deal(order_name):
    body = {"filterGroups": [{"filters": [
        {"propertyName": "shop_order", "operator": "EQ", "value": order_name}]}]}
    found = request("POST", "/crm/v3/objects/deals/search", json=body)
    results = (found or {}).get("results", [])
    return results[0]["id"] if results else None


def create_deal(order):
    props = {"dealname": "Order %s" % order["name"], "amount": order["total_price"],
             "pipeline": conf.PIPELINE, "dealstage": conf.CLOSED_STAGE,
             "shop_order": order["name"]}
    return request("POST", "/crm/v3/objects/deals", json={"properties": props})["id"]


def add_line_items(deal_id, items):
    inputs = [{"properties": {"name": li["title"], "quantity": li["quantity"], "price": li["price"]}}
              for li in items]
    created = request("POST", "/crm/v3/objects/line_items/batch/create", json={"inputs": inputs})
    for li in created.get("results", []):
        request("PUT", "/crm/v3/objects/line_items/%s/associations/deals/%s/line_item_to_deal"
                % (li["id"], deal_id))
    return len(created.get("results", []))


@backoff.on_exception(backoff.expo, httpx.HTTPError, max_tries=2)
def contact_id(email):
    resp = client().get("/contacts/v1/contact/email/%s/profile" % email,
                        params={"property": "email", "showListMemberships": "false"})
    if resp.status_code == 404:
        return None
    resp.raise_for_status()
    return resp.json()["vid"]
