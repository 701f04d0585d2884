"""HubSpot calls with the standard library only (the box has no pip)."""
import http.client
import json
import logging
import os
import urllib.error
import urllib.parse
import urllib.request

log = logging.getLogger("hsapi")

HAPIKEY = os.environ["HUBSPOT_HAPIKEY"]
HOST = "api.hubapi.com"
JSON_HEADERS = {"Content-Type": "application/json", "Accept": "application/json"}

CONTACT_URL = "https://api.hubapi.com/contacts/v1/contact/vid/%s/profile?hapikey=%s"
RECENT_URL = "https://api.hubapi.com/contacts/v1/lists/recently_updated/contacts/recent?hapikey=%s&count=%d"


def _read(resp):
    raw = resp.read()
    return json.loads(raw.decode("utf-8")) if raw else None


def get_contact(vid):
    try:
        with urllib.request.urlopen(CONTACT_URL % (vid, HAPIKEY), timeout=20) as resp:
            return _read(resp)
    except urllib.error.HTTPError as err:
        if err.code == 404:
            return None
        raise


def recent_contacts(count=20):
    with urllib.request.urlopen(RECENT_URL % (HAPIKEY, count)) as resp:
        return _read(resp)["contacts"]


def update_contact(vid, props):
    body = json.dumps({"properties": [{"property": k, "value": v} for k, v in props.items()]})
    req = urllib.request.Request(
        "https://api.hubapi.com/contacts/v1/contact/vid/%s/profile?hapikey=%s" % (vid, HAPIKEY),
        data=body.encode("utf-8"),
        headers=JSON_HEADERS,
        method="POST",
    )
    with urllib.request.urlopen(req) as resp:
        return resp.status


def create_deal(name, amount, vid):
    conn = http.client.HTTPSConnection(HOST, timeout=20)
    payload = {
        "associations": {"associatedVids": [vid]},
        "properties": [{"name": "dealname", "value": name}, {"name": "amount", "value": str(amount)}],
    }
    conn.request("POST", "/deals/v1/deal?hapikey=" + HAPIKEY, json.dumps(payload), JSON_HEADERS)
    resp = conn.getresponse()
    data = _read(resp)
    conn.close()
    return data


def deal_pipelines():
    conn = http.client.HTTPSConnection(HOST)
    path = "/deals/v1/pipelines?%s" % urllib.parse.urlencode({"hapikey": HAPIKEY})
    conn.request("GET", path)
    data = _read(conn.getresponse())
    conn.close()
    return data
