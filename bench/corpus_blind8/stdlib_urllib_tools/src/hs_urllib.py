"""HubSpot calls with nothing but the standard library (the box has no pip)."""
import json
import os
import urllib.parse
import urllib.request

HAPIKEY = os.environ.get("HUBSPOT_HAPIKEY")
CONTACT_URL = "https://api.hubapi.com/contacts/v1/contact/vid/%s/profile?hapikey=%s"
SUBSCRIPTIONS_URL = "https://api.hubapi.com/webhooks/v1/%s/subscriptions?hapikey=%s"


def _read(req_or_url):
    with urllib.request.urlopen(req_or_url, timeout=20) as resp:
        body = resp.read()
    return json.loads(body.decode("utf-8")) if body else None


def contact(vid):
    return _read(CONTACT_URL % (vid, HAPIKEY))


def search(q, count=20):
    query = urllib.parse.urlencode({"q": q, "count": count, "hapikey": HAPIKEY})
    return _read("https://api.hubapi.com/contacts/v1/search/query?" + query)


def add_note(vid, text):
    data = json.dumps({
        "engagement": {"active": True, "type": "NOTE"},
        "associations": {"contactIds": [vid]},
        "metadata": {"body": text},
    }).encode("utf-8")
    req = urllib.request.Request(
        "https://api.hubapi.com/engagements/v1/engagements?hapikey=%s" % HAPIKEY,
        data=data,
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    return _read(req)


def subscriptions(app_id, developer_key):
    """App webhooks, with the developer portal's key."""
    return _read(SUBSCRIPTIONS_URL % (app_id, developer_key))
