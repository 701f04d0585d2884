import requests

from app import current_config

CRM = "https://api.hubapi.com/crm/v3/objects"


def _auth():
    return {"hapikey": current_config().HUBSPOT_API_KEY}


def get_contact(contact_id, properties=("email", "firstname", "lastname", "company")):
    params = _auth()
    params["properties"] = ",".join(properties)
    resp = requests.get("%s/contacts/%s" % (CRM, contact_id), params=params, timeout=10)
    resp.raise_for_status()
    return resp.json()


def find_contact_by_email(email):
    body = {
        "filterGroups": [{"filters": [{"propertyName": "email", "operator": "EQ", "value": email}]}],
        "properties": ["email", "billing_customer_id"],
        "limit": 1,
    }
    resp = requests.post(CRM + "/contacts/search", params=_auth(), json=body, timeout=10)
    resp.raise_for_status()
    results = resp.json().get("results", [])
    return results[0] if results else None


def update_contact(contact_id, properties):
    resp = requests.patch("%s/contacts/%s" % (CRM, contact_id), params=_auth(),
                          json={"properties": properties}, timeout=10)
    resp.raise_for_status()
    return resp.json()


def update_deal(deal_id, properties):
    resp = requests.patch(f"{CRM}/deals/{deal_id}", params=_auth(),
                          json={"properties": properties}, timeout=10)
    resp.raise_for_status()
    return resp.json()


def get_deal(deal_id):
    resp = requests.get(f"{CRM}/deals/{deal_id}",
                        params={**_auth(), "properties": "amount,dealname",
                                "associations": "contacts"},
                        timeout=10)
    resp.raise_for_status()
    return resp.json()
