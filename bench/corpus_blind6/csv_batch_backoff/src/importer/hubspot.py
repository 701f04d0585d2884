from importer.http import send_json
from importer.settings import HUBSPOT_KEY

API = "https://api.hubapi.com"
AUTH = {"hapikey": HUBSPOT_KEY}


def batch_upsert_contacts(rows):
    payload = [{"email": r["email"], "properties": [
        {"property": k, "value": v} for k, v in r.items() if k != "email"]} for r in rows]
    return send_json("POST", API + "/contacts/v1/contact/batch/", payload, query=AUTH)


def batch_create_companies(rows):
    payload = {"inputs": [{"properties": r} for r in rows]}
    return send_json("POST", API + "/crm/v3/objects/companies/batch/create", payload, query=AUTH)


def batch_read_contacts(emails):
    payload = {"idProperty": "email", "inputs": [{"id": e} for e in emails], "properties": ["email"]}
    return send_json("POST", API + "/crm/v3/objects/contacts/batch/read", payload,
                     query=dict(AUTH, archived="false"))


def associate_batch(pairs):
    payload = {"inputs": [{"from": {"id": c}, "to": {"id": k}, "type": "contact_to_company"} for c, k in pairs]}
    return send_json("POST", API + "/crm/v3/associations/contact/company/batch/create", payload,
                     query={**AUTH})
