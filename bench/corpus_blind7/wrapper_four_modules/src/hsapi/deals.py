def recent(api, since_ms):
    return api.get("/deals/v1/deal/recent/modified", params={"since": since_ms, "count": 20})


def update(api, deal_id, **props):
    body = {"properties": [{"name": k, "value": v} for k, v in props.items()]}
    return api.put("/deals/v1/deal/%s" % deal_id, json=body)


def delete(api, deal_id):
    return api.delete("/deals/v1/deal/%s" % deal_id)
