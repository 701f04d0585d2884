import logging

from hsreports.http import session, url

logger = logging.getLogger(__name__)


def _call(method, path, **kwargs):
    resp = session.request(method, url(path), **kwargs)
    if not resp.ok:
        logger.warning("%s %s failed: %s", method, path, resp.status_code)
        resp.raise_for_status()
    return resp.json() if resp.content else None


def all_companies(properties=("name", "num_associated_deals")):
    companies, offset = [], 0
    while True:
        data = _call(
            "GET",
            "/companies/v2/companies/paged",
            params={"limit": 250, "offset": offset, "properties": list(properties)},
        )
        companies.extend(data.get("companies", []))
        if not data.get("has-more"):
            return companies
        offset = data["offset"]


def tag_company(company_id, tier):
    return _call(
        "PUT",
        "/companies/v2/companies/%s" % company_id,
        json={"properties": [{"name": "account_tier", "value": tier}]},
    )
