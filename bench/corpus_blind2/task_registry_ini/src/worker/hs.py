"""HubSpot deals v1 calls used by the tasks; cfg is the worker Config."""
import requests


def _url(cfg, path):
    return cfg.hubspot_url + path + ("&" if "?" in path else "?") + "hapikey=" + cfg.hubspot_key


def find_deals(cfg, limit=250):
    deals, offset = [], 0
    while True:
        resp = requests.get(
            _url(cfg, "/deals/v1/deal/paged?properties=amount&properties=stripe_charge_id"
                      "&limit=%d&offset=%d" % (limit, offset))
        )
        resp.raise_for_status()
        page = resp.json()
        deals.extend(page["deals"])
        if not page["hasMore"]:
            return deals
        offset = page["offset"]


def create_deal(cfg, name, amount, charge_id, vid=None):
    body = {
        "properties": [
            {"name": "dealname", "value": name},
            {"name": "amount", "value": amount},
            {"name": "pipeline", "value": cfg.pipeline},
            {"name": "dealstage", "value": "closedwon"},
            {"name": "stripe_charge_id", "value": charge_id},
        ]
    }
    if vid:
        body["associations"] = {"associatedVids": [vid]}
    resp = requests.post(_url(cfg, "/deals/v1/deal"), json=body)
    resp.raise_for_status()
    return resp.json()["dealId"]


def contact_vid(cfg, email):
    resp = requests.get(_url(cfg, "/contacts/v1/contact/email/%s/profile?property=email" % email))
    if resp.status_code == 404:
        return None
    return resp.json()["vid"]
