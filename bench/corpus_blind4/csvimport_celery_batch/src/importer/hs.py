"""Batch endpoints of the legacy APIs."""
import json
import os

import requests

from importer.envfile import load_env

load_env()

HS = "https://api.hubapi.com"
DEFAULT_PARAMS = {"hapikey": os.environ["HUBSPOT_API_KEY"]}
JSON = {"Content-Type": "application/json"}


def batch_contacts(rows, audit=False):
    payload = [{"email": r["email"], "properties": [{"property": k, "value": v} for k, v in r.items() if k != "email"]}
               for r in rows]
    params = dict(DEFAULT_PARAMS, auditId="csv-import") if audit else DEFAULT_PARAMS
    r = requests.post(HS + "/contacts/v1/contact/batch/", params=params, data=json.dumps(payload), headers=JSON)
    return r.status_code


def batch_companies_update(updates):
    payload = [{"objectId": cid, "properties": [{"name": k, "value": v} for k, v in props.items()]}
               for cid, props in updates]
    return requests.post(HS + "/companies/v1/batch-async/update", params=DEFAULT_PARAMS,
                         data=json.dumps(payload), headers=JSON).status_code


def company_by_domain(domain):
    r = requests.post(HS + "/companies/v2/domains/%s/companies" % domain, params=DEFAULT_PARAMS,
                      json={"limit": 1, "requestOptions": {"properties": ["domain"]}})
    results = r.json().get("results") or []
    return results[0]["companyId"] if results else None
