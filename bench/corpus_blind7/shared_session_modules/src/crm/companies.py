import logging

from .hs_session import session, url

log = logging.getLogger(__name__)


def all_companies(props=("name", "domain")):
    params = {"properties": list(props), "limit": 250}
    offset = None
    while True:
        if offset:
            params["offset"] = offset
        data = session.get(url("/companies/v2/companies/paged"), params=params).json()
        for c in data["companies"]:
            yield c
        if not data.get("has-more"):
            return
        offset = data["offset"]


def update_company(company_id, **props):
    body = {"properties": [{"name": k, "value": v} for k, v in props.items()]}
    return session.put(url("/companies/v2/companies/%s" % company_id), json=body).ok
