"""Per-portal HubSpot access. Each tenant's key comes from its row."""
import functools
import logging

import requests

log = logging.getLogger(__name__)

API = "https://api.hubapi.com"


def portal_api(hapikey):
    """Returns a small function bound to one portal's key."""

    def call(method, path, **kw):
        params = kw.pop("params", {})
        params["hapikey"] = hapikey
        r = requests.request(method, API + path, params=params, timeout=10, **kw)
        r.raise_for_status()
        return r.json() if r.content else None

    return call


def contact(call, vid):
    return call("GET", "/contacts/v1/contact/vid/%s/profile" % vid, params={"propertyMode": "value_only"})


def deal(call, deal_id):
    return call("GET", "/deals/v1/deal/%s" % deal_id, params={"includePropertyVersions": "false"})


def tag_contact(call, vid, tag):
    body = {"properties": [{"property": "webhook_tag", "value": tag}]}
    return call("POST", "/contacts/v1/contact/vid/%s/profile" % vid, json=body)


get_company = functools.partial(requests.get, timeout=10)


def company_name(hapikey, company_id):
    r = get_company(API + "/companies/v2/companies/%s" % company_id, params={"hapikey": hapikey})
    return r.json().get("properties", {}).get("name", {}).get("value")
