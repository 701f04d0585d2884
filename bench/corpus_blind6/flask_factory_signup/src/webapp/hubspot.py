"""HubSpot calls for the signup flow; the key comes from the app config."""
import requests
from flask import current_app

HAPI = "https://api.hubapi.com"


def _key():
    return current_app.config["HUBSPOT_API_KEY"]


def _call(method, path, **kwargs):
    kwargs.setdefault("params", {})["hapikey"] = _key()
    kwargs.setdefault("timeout", 10)
    response = requests.request(method, HAPI + path, **kwargs)
    response.raise_for_status()
    return response.json() if response.content else {}


def find_company_by_domain(domain):
    body = {"limit": 1, "requestOptions": {"properties": ["domain", "name"]},
            "offset": {"isPrimary": True, "companyId": 0}}
    found = _call("POST", "/companies/v2/domains/%s/companies" % domain, json=body)
    results = found.get("results") or []
    return results[0]["companyId"] if results else None


def upsert_contact(email, **props):
    payload = {"properties": [{"property": k, "value": v} for k, v in props.items()]}
    return _call("POST", "/contacts/v1/contact/createOrUpdate/email/%s/" % email, json=payload)["vid"]


def associate(company_id, vid):
    return _call("PUT", "/companies/v2/companies/%s/contacts/%s" % (company_id, vid))


def submit_form(fields, context):
    """Form submissions API: public, no key (the portal and form identify it)."""
    url = "https://api.hsforms.com/submissions/v3/integration/submit/%s/%s" % (
        current_app.config["HUBSPOT_PORTAL_ID"], current_app.config["HUBSPOT_FORM_GUID"])
    body = {"fields": [{"name": k, "value": v} for k, v in fields.items()], "context": context}
    return requests.post(url, json=body, timeout=10).status_code
