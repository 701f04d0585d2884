from hsreports.session import BASE, get_session


def recently_modified(since_ms):
    session = get_session()
    deals, offset = [], 0
    while True:
        resp = session.get(
            BASE + "/deals/v1/deal/recent/modified",
            params={"count": 100, "offset": offset, "since": since_ms},
        )
        resp.raise_for_status()
        page = resp.json()
        deals.extend(page.get("results", []))
        if not page.get("hasMore"):
            return deals
        offset = page["offset"]


def pipeline_stages():
    resp = get_session().get(BASE + "/crm-pipelines/v1/pipelines/deals")
    resp.raise_for_status()
    return {
        stage["stageId"]: stage["label"]
        for pipeline in resp.json().get("results", [])
        for stage in pipeline.get("stages", [])
    }
