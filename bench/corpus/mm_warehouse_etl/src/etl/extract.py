import logging

from etl import config
from etl.hubspot_api import paged, send

log = logging.getLogger("etl.extract")


def _flatten(properties):
    return {name: (value or {}).get("value") for name, value in properties.items()}


def contacts():
    rows = []
    params = {"count": config.HUBSPOT_PAGE_SIZE, "property": config.CONTACT_PROPERTIES}
    for c in paged(
        "/contacts/v1/lists/all/contacts/all",
        "contacts",
        "vidOffset",
        "vid-offset",
        "has-more",
        params=params,
    ):
        row = _flatten(c.get("properties", {}))
        row["vid"] = c["vid"]
        rows.append(row)
    log.info("extracted %d contacts", len(rows))
    return rows


def deals():
    rows = []
    params = {
        "limit": 250,
        "includeAssociations": "true",
        "properties": config.DEAL_PROPERTIES,
    }
    for d in paged(
        "/deals/v1/deal/paged", "deals", "offset", "offset", "hasMore", params=params
    ):
        row = _flatten(d.get("properties", {}))
        row["dealId"] = d["dealId"]
        row["companyIds"] = d.get("associations", {}).get("associatedCompanyIds", [])
        rows.append(row)
    log.info("extracted %d deals", len(rows))
    return rows


def companies():
    rows = []
    params = {"limit": 250, "properties": ["name", "domain", "industry"]}
    for c in paged(
        "/companies/v2/companies/paged",
        "companies",
        "offset",
        "offset",
        "has-more",
        params=params,
    ):
        row = _flatten(c.get("properties", {}))
        row["companyId"] = c["companyId"]
        rows.append(row)
    return rows


def owners():
    # not paged; the endpoint returns a bare list
    result = send("GET", "/owners/v2/owners", params={"includeInactive": "false"})
    return [
        {
            "ownerId": o["ownerId"],
            "email": o.get("email"),
            "name": ("%s %s" % (o.get("firstName", ""), o.get("lastName", ""))).strip(),
        }
        for o in result or []
    ]
