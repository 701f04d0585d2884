"""Owners and their open tasks count (engagements v1)."""
from hsreports import fetch
from hsreports.settings import WAREHOUSE_HOST, WAREHOUSE_KEY


def run():
    owners = fetch.hubspot_get("/owners/v2/owners", includeInactive="false") or []
    result = {}
    for owner in owners:
        tasks = fetch.hubspot_get("/engagements/v1/engagements/paged", limit=50) or {}
        result[owner["email"]] = sum(1 for e in tasks.get("results", [])
                                     if e["engagement"].get("ownerId") == owner["ownerId"])
    known = fetch.get_json("https://%s/v1/owners?api_key=%s" % (WAREHOUSE_HOST, WAREHOUSE_KEY))
    result["_known"] = len(known.get("owners", []))
    return result
