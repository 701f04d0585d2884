import json
import os

import urllib3

HOME_PORTAL_ID = os.environ.get("HOME_PORTAL_ID", "")
API_KEY = os.environ.get("HUBSPOT_API_KEY")
BASE = "https://api.hubapi.com"

http = urllib3.PoolManager(headers={"Accept": "application/json"}, retries=urllib3.Retry(2))


class HubSpotFailure(Exception):
    pass


def _check(resp):
    if resp.status >= 400:
        raise HubSpotFailure("%s: %s" % (resp.status, resp.data[:200]))
    return json.loads(resp.data.decode("utf-8")) if resp.data else {}


def get_contact(vid, hapikey):
    resp = http.request("GET", BASE + "/contacts/v1/contact/vid/%s/profile" % vid,
                        fields={"hapikey": hapikey, "propertyMode": "value_only",
                                "formSubmissionMode": "none"})
    return _check(resp)


def get_owner(owner_id, hapikey):
    resp = http.request("GET", "%s/owners/v2/owners/%s?hapikey=%s" % (BASE, owner_id, hapikey))
    return _check(resp)


def set_property(vid, name, value, hapikey):
    body = json.dumps({"properties": [{"property": name, "value": value}]}).encode()
    resp = http.request("POST", BASE + "/contacts/v1/contact/vid/%s/profile?hapikey=%s" % (vid, hapikey),
                        body=body, headers={"Content-Type": "application/json"})
    if resp.status != 204:
        _check(resp)
