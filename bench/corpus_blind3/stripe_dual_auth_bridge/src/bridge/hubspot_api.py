from bridge.auth import hubspot_auth, merge
from bridge.http import fetch_json

HUBSPOT = "https://api.hubapi.com"


def upsert(email, props):
    kw = merge(hubspot_auth(), headers={"Content-Type": "application/json"})
    body = {"properties": [{"property": k, "value": v} for k, v in props.items()]}
    return fetch_json("POST", HUBSPOT + "/contacts/v1/contact/createOrUpdate/email/" + email, json=body, **kw)


def deals_for_contact(vid):
    kw = merge(hubspot_auth(), params={"limit": 20})
    return fetch_json("GET", HUBSPOT + "/deals/v1/deal/associated/contact/%s/paged" % vid, **kw).get("deals", [])


def create_deal(vid, name, amount):
    auth = hubspot_auth()
    body = {
        "associations": {"associatedVids": [vid]},
        "properties": [{"name": "dealname", "value": name}, {"name": "amount", "value": amount}],
    }
    return fetch_json("POST", HUBSPOT + "/deals/v1/deal", json=body, **auth)
