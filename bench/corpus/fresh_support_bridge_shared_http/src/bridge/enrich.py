"""Fill in missing company logos: ask Clearbit's logo API whether the company's domain
has one, and store the logo URL on the HubSpot company."""
import logging

from bridge import settings
from bridge.hubspot_session import session

log = logging.getLogger(__name__)

LOGO_API = "https://logo.clearbit.com/%s"


def companies_without_logo(limit=50):
    r = session.get(settings.HUBSPOT_URL + "/companies/v2/companies/paged",
                    params={"limit": limit, "properties": ["domain", "logo_url"]})
    r.raise_for_status()
    for c in r.json().get("companies", []):
        props = c.get("properties", {})
        if props.get("domain") and not props.get("logo_url"):
            yield c["companyId"], props["domain"]["value"]


def has_logo(domain):
    r = session.head(LOGO_API % domain, allow_redirects=False, timeout=5)
    return r.status_code == 200


def run(limit=50):
    updated = 0
    for company_id, domain in companies_without_logo(limit):
        if not has_logo(domain):
            continue
        r = session.put(settings.HUBSPOT_URL + "/companies/v2/companies/%s" % company_id,
                        json={"properties": [{"name": "logo_url", "value": LOGO_API % domain}]})
        if r.ok:
            updated += 1
    return updated
