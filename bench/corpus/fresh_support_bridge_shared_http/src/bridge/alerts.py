import requests

from bridge import settings
from bridge.sync import HEADERS

session = requests.Session()
session.headers.update(HEADERS)


def post(text):
    return session.post(settings.SLACK_URL, json={"text": text}, timeout=10)


def hubspot_owner_name(owner_id):
    r = session.get(settings.HUBSPOT_URL + "/owners/v2/owners/%s" % owner_id,
                    params={"hapikey": settings.HUBSPOT_KEY}, timeout=10)
    o = r.json() if r.ok else {}
    return ("%s %s" % (o.get("firstName", ""), o.get("lastName", ""))).strip() or str(owner_id)


def escalate(org_name, owner_id):
    return post(":rotating_light: %s needs attention (owner: %s)" % (org_name, hubspot_owner_name(owner_id)))
