from . import config
from .http import call

HS = "https://api.hubapi.com"
DEFAULTS = {"hapikey": config.HUBSPOT_KEY}


def hs_get(path, **params):
    return call("GET", HS + path, params={**DEFAULTS, **params})


def hs_post(path, body, **params):
    return call("POST", HS + path, params={**DEFAULTS, **params}, json=body)


def upsert(email, props):
    body = {"properties": [{"property": k, "value": v} for k, v in props.items()]}
    return hs_post("/contacts/v1/contact/createOrUpdate/email/%s/" % email, body)


def list_members(list_id):
    vids, offset = [], None
    while True:
        params = {"count": 2}
        if offset is not None:
            params["vidOffset"] = offset
        page = hs_get("/contacts/v1/lists/%s/contacts/all" % list_id, **params)
        vids.extend(c["vid"] for c in page.get("contacts", []))
        if not page.get("has-more"):
            return vids
        offset = page["vid-offset"]


def unsubscribed(email):
    data = hs_get("/email/public/v1/subscriptions/%s" % email)
    return bool(data.get("unsubscribeFromAll"))
