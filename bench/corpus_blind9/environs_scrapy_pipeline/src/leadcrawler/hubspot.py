import json

import requests

API = "https://api.hubapi.com"


def contact_batch_payload(items):
    return [
        {"email": item["email"],
         "properties": [{"property": k, "value": item[k]}
                        for k in ("firstname", "lastname", "company") if item.get(k)]}
        for item in items
    ]


def post_batch(session, base_params, items):
    resp = session.post(API + "/contacts/v1/contact/batch/",
                        params=dict(base_params, auditId="leadcrawler"),
                        data=json.dumps(contact_batch_payload(items)),
                        headers={"Content-Type": "application/json"})
    resp.raise_for_status()
    return resp.status_code


def company_for_domain(session, base_params, domain):
    body = {"limit": 1, "requestOptions": {"properties": ["domain", "name"]},
            "offset": {"isPrimary": True, "companyId": 0}}
    resp = session.post(API + "/companies/v2/domains/%s/companies" % domain,
                        params=base_params, json=body)
    resp.raise_for_status()
    results = resp.json().get("results", [])
    return results[0]["companyId"] if results else None


def create_company(session, base_params, domain, name):
    resp = session.post(API + "/companies/v2/companies", params=base_params,
                        json={"properties": [{"name": "domain", "value": domain},
                                             {"name": "name", "value": name}]})
    resp.raise_for_status()
    return resp.json()["companyId"]
