"""HubSpot contacts API (v1) helpers used by the signup views."""
import logging
from string import Template

import requests

try:
    from urllib.parse import quote
except ImportError:
    from urllib import quote

from webapp import settings

log = logging.getLogger(__name__)

PROFILE_URL = Template("$base/contacts/v1/contact/email/$email/profile?hapikey=$key&showListMemberships=true")
CREATE_OR_UPDATE_URL = "%(base)s/contacts/v1/contact/createOrUpdate/email/%(email)s/?hapikey=%(key)s"
ADD_TO_LIST_URL = "{base}/contacts/v1/lists/{list_id}/add?hapikey={key}"


def _ctx(**extra):
    ctx = {"base": settings.HUBSPOT_API_BASE, "key": settings.HUBSPOT_API_KEY}
    ctx.update(extra)
    return ctx


def get_contact(email):
    url = PROFILE_URL.substitute(_ctx(email=quote(email)))
    r = requests.get(url, timeout=10)
    if r.status_code == 404:
        return None
    r.raise_for_status()
    return r.json()


def upsert_contact(email, **properties):
    payload = {"properties": [{"property": k, "value": v} for k, v in sorted(properties.items())]}
    url = CREATE_OR_UPDATE_URL % _ctx(email=quote(email))
    r = requests.post(url, json=payload, timeout=10)
    r.raise_for_status()
    return r.json()["vid"]


def add_to_list(vid, list_id=None):
    ctx = _ctx(list_id=list_id or settings.HUBSPOT_NEWSLETTER_LIST)
    r = requests.post(ADD_TO_LIST_URL.format(**ctx), json={"vids": [vid]}, timeout=10)
    return r.ok
