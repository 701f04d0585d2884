"""Website contact form -> HubSpot form (no key needed for submissions)."""
import json
import urllib.parse
import urllib.request

PORTAL = "62515"


def submit(form_guid, fields, hutk=None):
    data = dict(fields)
    if hutk:
        data["hs_context"] = json.dumps({"hutk": hutk})
    body = urllib.parse.urlencode(data).encode()
    req = urllib.request.Request(
        "https://forms.hubspot.com/uploads/form/v2/%s/%s" % (PORTAL, form_guid),
        data=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    with urllib.request.urlopen(req) as resp:
        return resp.status
