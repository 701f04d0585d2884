from revreport.fetch import HUBSPOT, fetch_json


def shopify_orders(cfg, since):
    url = "https://%s/admin/api/%s/orders.json" % (cfg.shop, cfg.shopify_version)
    data = fetch_json(cfg, url, {"status": "any", "created_at_min": since, "limit": 250})
    return data["orders"]


def closed_deals(cfg):
    deals, offset = [], None
    while True:
        params = {"limit": 100, "properties": ["amount", "dealstage", "pipeline", "hubspot_owner_id"]}
        if offset:
            params["offset"] = offset
        page = fetch_json(cfg, HUBSPOT + "/deals/v1/deal/paged", params)
        for deal in page["deals"]:
            props = deal["properties"]
            if props.get("pipeline", {}).get("value") != cfg.pipeline:
                continue
            if props.get("dealstage", {}).get("value") == "closedwon":
                deals.append(deal)
        if not page["hasMore"]:
            return deals
        offset = page["offset"]


def owners(cfg):
    return {o["ownerId"]: o["firstName"] for o in fetch_json(cfg, HUBSPOT + "/owners/v2/owners/")}
