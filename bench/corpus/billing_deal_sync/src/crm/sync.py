"""Mirror closed-won HubSpot deals into the billing system as subscriptions."""
import logging

import requests

import app_settings as settings
from crm.hubspot_api import HubspotAPI, HubspotAPIError

logger = logging.getLogger(__name__)


def get_client():
    return HubspotAPI(api_key=settings.HUBSPOT_API_KEY,
                      access_token=settings.HUBSPOT_OAUTH_TOKEN)


def billing_post(path, payload):
    headers = {"Authorization": "Token %s" % settings.BILLING_API_TOKEN,
               "Content-Type": "application/json"}
    r = requests.post(settings.BILLING_API_URL + path, json=payload, headers=headers, timeout=15)
    r.raise_for_status()
    return r.json()


def _prop(deal, name):
    return (deal.get("properties", {}).get(name) or {}).get("value")


def sync_closed_deals(client=None):
    client = client or get_client()
    stages = client.get_pipeline_stages(settings.HUBSPOT_PIPELINE)
    pushed = 0
    for deal in client.all_deals():
        stage = stages.get(_prop(deal, "dealstage"))
        if not stage or stage.get("metadata", {}).get("isClosed") != "true":
            continue
        if _prop(deal, "billing_id"):
            continue
        company_ids = deal.get("associations", {}).get("associatedCompanyIds") or []
        company = client.get_company(company_ids[0]) if company_ids else {}
        sub = billing_post("/subscriptions", {
            "external_id": "hubspot-%s" % deal["dealId"],
            "name": _prop(deal, "dealname"),
            "amount": _prop(deal, "amount"),
            "customer": (company.get("properties", {}).get("name") or {}).get("value"),
        })
        try:
            client.update_deal(deal["dealId"], {"billing_id": sub["id"]})
        except HubspotAPIError:
            logger.exception("could not write billing id back to deal %s", deal["dealId"])
        pushed += 1
    logger.info("pushed %d deals to billing", pushed)
    return pushed
