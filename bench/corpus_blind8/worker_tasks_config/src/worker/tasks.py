import logging

from hapi.leads import LeadsClient

from worker import hs
from worker.config import HubSpotConfig
from worker.queue import task

log = logging.getLogger(__name__)


@task(retries=2)
def assign_new_contacts(cfg=None, since=None):
    cfg = cfg or HubSpotConfig.from_env()
    data = hs.get(cfg, "/contacts/v1/lists/all/contacts/recent", params={"count": 50})
    assigned = 0
    for c in data.get("contacts", []):
        props = c.get("properties", {})
        if "hubspot_owner_id" in props or not cfg.default_owner:
            continue
        hs.post(cfg, "/contacts/v1/contact/vid/%s/profile" % c["vid"],
                json={"properties": [{"property": "hubspot_owner_id", "value": cfg.default_owner}]})
        assigned += 1
    return assigned


@task()
def company_rollup(company_id, cfg=None):
    cfg = cfg or HubSpotConfig.from_env()
    contacts = hs.get(cfg, "/companies/v2/companies/%s/vids" % company_id, params={"count": 100})
    deals = hs.get(cfg, "/deals/v1/deal/associated/company/%s/paged" % company_id)
    total = sum(float(d.get("properties", {}).get("amount", {}).get("value") or 0) for d in deals.get("deals", []))
    hs.request(cfg, "PUT", "/companies/v2/companies/%s" % company_id,
               json={"properties": [{"name": "contact_count", "value": str(len(contacts.get("vids", [])))},
                                    {"name": "deal_total", "value": str(total)}]})
    return total


@task()
def legacy_leads_export(cfg=None):
    cfg = cfg or HubSpotConfig.from_env()
    client = LeadsClient(api_key=cfg.api_key)
    return len(client.get_leads(max=10) or [])


@task()
def ping_sandbox(sandbox_key):
    """Check the sandbox portal's key still works (the key is in params already)."""
    cfg = HubSpotConfig.from_env()
    return hs.get(cfg, "/integrations/v1/me", params={"hapikey": sandbox_key})
