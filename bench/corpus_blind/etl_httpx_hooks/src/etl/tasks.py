"""python_callable targets of the hubspot_to_warehouse DAG."""
import logging

from etl.hooks.hubspot_hook import HubspotHook
from etl.hooks.warehouse_hook import WarehouseHook

log = logging.getLogger(__name__)

DEAL_PROPERTIES = ["dealname", "amount", "dealstage", "closedate", "hubspot_owner_id"]


def extract_load_deals(ds, **_):
    hook = HubspotHook()
    rows = [
        {"id": d["id"], "ds": ds, **{p: d["properties"].get(p) for p in DEAL_PROPERTIES}}
        for d in hook.search_v3("deals", DEAL_PROPERTIES)
    ]
    return WarehouseHook().load("hubspot_deals", rows)


def extract_load_engagements(ds, **_):
    hook = HubspotHook()
    rows = []
    for item in hook.legacy_pages("/engagements/v1/engagements/paged", "results"):
        eng = item["engagement"]
        rows.append({"id": eng["id"], "type": eng["type"], "ds": ds})
    return WarehouseHook().load("hubspot_engagements", rows)


def extract_load_owners(ds, **_):
    rows = [{"id": o["ownerId"], "email": o["email"], "ds": ds} for o in HubspotHook().owners()]
    return WarehouseHook().load("hubspot_owners", rows)


def extract_load_companies(ds, **_):
    hook = HubspotHook()
    rows = [{"id": c["companyId"], "ds": ds}
            for c in hook.legacy_pages("/companies/v2/companies/paged", "companies")]
    return WarehouseHook().load("hubspot_companies", rows)
