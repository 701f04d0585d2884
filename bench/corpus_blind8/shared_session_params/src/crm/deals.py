"""Deals through the v3 batch API."""
from crm.http import API, session


def read_deals(ids, properties=("amount", "dealstage")):
    body = {"inputs": [{"id": str(i)} for i in ids], "properties": list(properties)}
    r = session.post(API + "/crm/v3/objects/deals/batch/read", json=body)
    r.raise_for_status()
    return r.json()["results"]


def all_deals(page_size=50):
    after = None
    results = []
    while True:
        params = {"limit": page_size}
        if after:
            params["after"] = after
        r = session.get(API + "/crm/v3/objects/deals", params=params)
        data = r.json()
        results.extend(data["results"])
        after = data.get("paging", {}).get("next", {}).get("after")
        if not after:
            return results


def close_won(ids):
    body = {"inputs": [{"id": str(i), "properties": {"dealstage": "closedwon"}} for i in ids]}
    return session.post(API + "/crm/v3/objects/deals/batch/update", json=body).status_code
