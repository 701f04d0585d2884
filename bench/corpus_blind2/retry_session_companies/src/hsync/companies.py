"""Companies v2 helpers. Any function accepts an existing session to reuse connections."""
import os

import requests

KEY = os.environ.get("HUBSPOT_API_KEY")
COMPANY_URL = "https://api.hubapi.com/companies/v2/companies/%s"


def fetch_company(company_id, session=None):
    session = session or requests.Session()
    resp = session.get(COMPANY_URL % company_id, params={"hapikey": KEY})
    resp.raise_for_status()
    return resp.json()


def company_contacts(company_id, session=None, count=100):
    session = session or requests.Session()
    vids, offset = [], None
    while True:
        params = {"hapikey": KEY, "count": count}
        if offset:
            params["vidOffset"] = offset
        resp = session.get(
            "https://api.hubapi.com/companies/v2/companies/%s/vids" % company_id,
            params=params,
        )
        resp.raise_for_status()
        data = resp.json()
        vids.extend(data.get("vids", []))
        if not data.get("hasMore"):
            return vids
        offset = data["vidOffset"]


def iter_all(session):
    """All companies through the session's own key (a HubSpotSession)."""
    offset = 0
    while True:
        resp = session.get(
            "/companies/v2/companies/paged",
            params={"properties": "name", "limit": 250, "offset": offset},
        )
        resp.raise_for_status()
        data = resp.json()
        for company in data.get("companies", []):
            yield company
        if not data.get("has-more"):
            break
        offset = data["offset"]


def set_domain(session, company_id, domain):
    body = {"properties": [{"name": "domain", "value": domain}]}
    return session.put("/companies/v2/companies/%s" % company_id, json=body)
