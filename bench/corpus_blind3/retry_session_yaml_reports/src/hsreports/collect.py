"""Data collection for the weekly report."""


def iter_objects(session, object_type, properties=(), limit=100):
    """CRM v3 objects with paging.next.after."""
    params = {"limit": limit}
    if properties:
        params["properties"] = ",".join(properties)
    after = None
    while True:
        if after:
            params["after"] = after
        resp = session.get("/crm/v3/objects/%s" % object_type, params=params)
        resp.raise_for_status()
        data = resp.json()
        for item in data.get("results", []):
            yield item
        after = data.get("paging", {}).get("next", {}).get("after")
        if not after:
            break


def recent_engagements(session, types):
    resp = session.get("/engagements/v1/engagements/recent/modified", params={"count": 100})
    resp.raise_for_status()
    return [e for e in resp.json().get("results", []) if e["engagement"]["type"] in types]


def pipeline_stages(session):
    resp = session.get("/crm-pipelines/v1/pipelines/deals")
    return {s["stageId"]: s["label"] for p in resp.json().get("results", []) for s in p.get("stages", [])}
