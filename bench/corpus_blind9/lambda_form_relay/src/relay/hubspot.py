"""Tiny HubSpot client on urllib (no dependencies: keeps the Lambda zip small)."""
import json
import logging
from urllib.parse import urlencode
from urllib.request import Request, urlopen

from relay import config

log = logging.getLogger(__name__)


def _call(method, path, key, body=None, query=None, base=None, form=False):
    params = dict(query or {})
    params["hapikey"] = key
    url = (base or config.HUBSPOT_API_BASE) + path + "?" + urlencode(params)
    log.info("HubSpot %s %s", method, url)
    headers = {}
    data = None
    if body is not None:
        if form:
            data = urlencode(body).encode("utf-8")
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        else:
            data = json.dumps(body).encode("utf-8")
            headers["Content-Type"] = "application/json"
    req = Request(url, data=data, headers=headers, method=method)
    with urlopen(req, timeout=config.TIMEOUT) as resp:
        raw = resp.read()
    return json.loads(raw) if raw else None


def upsert_contact(email, properties, key=None):
    payload = {"properties": [{"property": k, "value": v} for k, v in properties.items()]}
    path = "/contacts/v1/contact/createOrUpdate/email/%s/" % email
    return _call("POST", path, key or config.HUBSPOT_KEY, body=payload)


def submit_form(fields, hutk=None, page_url=None, key=None):
    """v2 form submission, so the lead shows up with its source in HubSpot."""
    context = {"pageUrl": page_url or "https://www.example.com/signup"}
    if hutk:
        context["hutk"] = hutk
    body = dict(fields, hs_context=json.dumps(context))
    path = "/uploads/form/v2/%s/%s" % (config.PORTAL_ID, config.SIGNUP_FORM_GUID)
    return _call("POST", path, key or config.HUBSPOT_KEY, body=body,
                 base=config.HUBSPOT_FORMS_BASE, form=True)


def recent_contacts(key=None, count=50):
    """Generator over recently created contacts (timeOffset/vidOffset paging)."""
    query = {"count": count}
    while True:
        page = _call("GET", "/contacts/v1/lists/all/contacts/recent",
                     key or config.HUBSPOT_KEY, query=query)
        for contact in page.get("contacts", []):
            yield contact
        if not page.get("has-more"):
            return
        query["vidOffset"] = page["vid-offset"]
        query["timeOffset"] = page["time-offset"]


def archive_contact(vid, key=None):
    return _call("DELETE", "/contacts/v1/contact/vid/%s" % vid, key or config.HUBSPOT_KEY)
