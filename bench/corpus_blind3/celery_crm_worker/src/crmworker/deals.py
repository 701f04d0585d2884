from crmworker.api import get_api


def recent_deals(since_ms, count=100):
    api = get_api()
    out, offset = [], 0
    while True:
        page = api.get("/deals/v1/deal/recent/modified", params={"since": since_ms, "count": count, "offset": offset})
        out.extend(page.get("results", []))
        if not page.get("hasMore"):
            return out
        offset = page["offset"]


def set_stage(deal_id, stage):
    body = {"properties": [{"name": "dealstage", "value": stage}]}
    return get_api().put("/deals/v1/deal/%d" % deal_id, body)


def remove_deal(deal_id):
    return get_api().delete("/deals/v1/deal/%d" % deal_id)
