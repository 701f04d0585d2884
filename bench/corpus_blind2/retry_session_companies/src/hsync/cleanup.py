"""Nightly job: fix company domains taken from their website, tell Slack."""
import logging
import os
from urllib.parse import urlparse

import requests

from . import companies
from .session import HubSpotSession

log = logging.getLogger("hsync.cleanup")
SLACK = os.environ.get("SLACK_WEBHOOK_URL")


def domain_of(website):
    if not website:
        return None
    if "://" not in website:
        website = "http://" + website
    host = urlparse(website).netloc.lower()
    return host[4:] if host.startswith("www.") else host


def run(api_key=None):
    session = HubSpotSession(api_key=api_key)
    fixed = []
    for company in companies.iter_all(session):
        props = company.get("properties", {})
        website = props.get("website", {}).get("value")
        domain = props.get("domain", {}).get("value")
        wanted = domain_of(website)
        if wanted and wanted != domain:
            companies.set_domain(session, company["companyId"], wanted)
            fixed.append(company["companyId"])
    for company_id in fixed[:3]:
        detail = companies.fetch_company(company_id, session=session)
        log.info("fixed %s", detail.get("companyId"))
    if SLACK and fixed:
        requests.post(SLACK, json={"text": "hsync fixed %d domains" % len(fixed)})
    return fixed


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    print(run())
