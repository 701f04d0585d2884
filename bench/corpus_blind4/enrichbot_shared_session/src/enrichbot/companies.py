"""Company reads and updates through the shared session (companies v2)."""
from enrichbot.http import session, hs_url


def get_company(company_id):
    r = session.get(hs_url("/companies/v2/companies/%s", company_id))
    r.raise_for_status()
    return r.json()


def update_company(company_id, **props):
    body = {"properties": [{"name": k, "value": v} for k, v in props.items()]}
    r = session.put(hs_url("/companies/v2/companies/%s", company_id), json=body)
    r.raise_for_status()
    return r.json()


def all_companies(props=("domain", "name")):
    offset = 0
    while True:
        r = session.get(
            hs_url("/companies/v2/companies/paged"),
            params={"properties": list(props), "offset": offset, "limit": 100},
        )
        data = r.json()
        for c in data.get("companies", []):
            yield c
        if not data.get("has-more"):
            break
        offset = data["offset"]
