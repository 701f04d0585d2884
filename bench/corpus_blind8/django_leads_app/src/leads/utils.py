import json

import requests
from django.conf import settings

COMPANY_URL = "https://api.hubapi.com/companies/v2/companies/{}"
DOMAIN_SEARCH_URL = "https://api.hubapi.com/companies/v2/domains/{}/companies"
FORM_URL = "https://forms.hubspot.com/uploads/form/v2/{portal}/{form}"


def hubspot_params(**extra):
    params = {"hapikey": settings.HUBSPOT_KEY}
    params.update(extra)
    return params


def company_for_domain(domain):
    body = {"limit": 1, "requestOptions": {"properties": ["domain", "name"]}}
    r = requests.post(DOMAIN_SEARCH_URL.format(domain), params=hubspot_params(), json=body, timeout=10)
    results = r.json().get("results", [])
    return results[0] if results else None


def company_name(company_id):
    r = requests.get(COMPANY_URL.format(company_id), params=hubspot_params(properties="name"), timeout=10)
    return r.json().get("properties", {}).get("name", {}).get("value")


def submit_signup_form(email, first_name, request_meta):
    context = {"pageUrl": request_meta.get("HTTP_REFERER", ""), "ipAddress": request_meta.get("REMOTE_ADDR", "")}
    data = {"email": email, "firstname": first_name, "hs_context": json.dumps(context)}
    url = FORM_URL.format(portal=settings.HUBSPOT_PORTAL_ID, form=settings.HUBSPOT_SIGNUP_FORM)
    return requests.post(url, data=data, timeout=10).status_code
