"""Enrichment: look a company's domain up at the enrichment vendor and write the result
back to HubSpot. The vendor has its own token; the HubSpot session is never used for it."""
import logging

import requests

from enrichbot import settings
from enrichbot.companies import get_company, update_company
from enrichbot.http import session

log = logging.getLogger(__name__)


def vendor_lookup(domain):
    headers = dict(settings.DEFAULT_HEADERS)
    headers["Authorization"] = "Bearer " + settings.ENRICH_TOKEN
    r = requests.get(settings.CLEARBIT_URL, params={"domain": domain}, headers=headers, timeout=10)
    if r.status_code != 200:
        log.info("no enrichment for %s", domain)
        return {}
    return r.json()


def fetch_logo(url):
    """The logo URL comes from the vendor's answer: a plain GET, default headers only."""
    r = requests.get(url, headers=settings.DEFAULT_HEADERS, timeout=10)
    return len(r.content)


def enrich(company_id):
    company = get_company(company_id)
    domain = ((company.get("properties") or {}).get("domain") or {}).get("value")
    if not domain:
        return None
    found = vendor_lookup(domain)
    company_info = found.get("company") or {}
    if company_info.get("logo"):
        fetch_logo(company_info["logo"])
    if company_info.get("employees"):
        update_company(company_id, numberofemployees=str(company_info["employees"]))
    return company_info.get("employees")


def owner_email(owner_id):
    r = session.get("https://api.hubapi.com/owners/v2/owners/%s" % owner_id)
    return r.json().get("email")
