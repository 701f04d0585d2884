"""Keep Zendesk organisations and HubSpot companies in step, with MRR from billing."""
import logging

from bridge import settings
from bridge.httputil import get_json, send_json

log = logging.getLogger(__name__)

HEADERS = {"Accept": "application/json", "Content-Type": "application/json"}
ZD_AUTH = (settings.ZENDESK_USER, settings.ZENDESK_TOKEN)


def hubspot_company(company_id):
    return get_json(
        settings.HUBSPOT_URL + "/companies/v2/companies/%s" % company_id,
        params={"hapikey": settings.HUBSPOT_KEY},
        headers=HEADERS,
    )


def hubspot_update_company(company_id, props):
    body = {"properties": [{"name": k, "value": v} for k, v in sorted(props.items())]}
    return send_json(
        "PUT",
        settings.HUBSPOT_URL + "/companies/v2/companies/%s" % company_id,
        body,
        params={"hapikey": settings.HUBSPOT_KEY},
        headers=HEADERS,
    )


def zendesk_orgs():
    orgs = get_json(settings.ZENDESK_URL + "/organizations.json", headers=HEADERS, auth=ZD_AUTH)
    return orgs.get("organizations", [])


def zendesk_set_fields(org_id, fields):
    return send_json("PUT", settings.ZENDESK_URL + "/organizations/%s.json" % org_id,
                     {"organization": {"organization_fields": fields}},
                     headers=HEADERS, auth=ZD_AUTH)


def billing_mrr(account_ref):
    data = get_json(settings.BILLING_URL + "/accounts/%s/mrr" % account_ref, headers=HEADERS)
    return data.get("mrr", 0)


def sync_all():
    changed = 0
    for org in zendesk_orgs():
        fields = org.get("organization_fields") or {}
        cid = fields.get("hubspot_company_id")
        if not cid:
            continue
        company = hubspot_company(cid)
        props = company.get("properties", {})
        mrr = billing_mrr(fields.get("billing_ref") or org["id"])
        hubspot_update_company(cid, {"mrr": str(mrr), "zendesk_org_id": str(org["id"])})
        tier = props.get("tier", {}).get("value")
        if tier and fields.get("tier") != tier:
            zendesk_set_fields(org["id"], {"tier": tier})
        changed += 1
    return changed
