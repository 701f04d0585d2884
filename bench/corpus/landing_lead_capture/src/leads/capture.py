"""Lead capture for the landing pages (called from the Flask views)."""
import json
import logging

try:
    from urllib.parse import quote
except ImportError:
    from urllib import quote

from leads import config
from leads.http import get_json, post_form, post_json

log = logging.getLogger(__name__)


def submit_form_v3(form_guid, fields, hutk=None, page_uri=None, page_name=None, ip=None):
    context = {}
    if hutk:
        context["hutk"] = hutk
    if page_uri:
        context["pageUri"] = page_uri
    if page_name:
        context["pageName"] = page_name
    if ip:
        context["ipAddress"] = ip
    payload = {"fields": [{"name": k, "value": v} for k, v in fields.items()], "context": context}
    url = "https://api.hsforms.com/submissions/v3/integration/submit/%s/%s" % (config.HUBSPOT_PORTAL_ID, form_guid)
    return post_json(url, payload)


def submit_form_legacy(form_guid, fields, hutk=None, page_uri=None):
    data = dict(fields)
    data["hs_context"] = json.dumps({"hutk": hutk, "pageUrl": page_uri})
    return post_form("https://forms.hubspot.com/uploads/form/v2/{}/{}".format(config.HUBSPOT_PORTAL_ID, form_guid), data)


def hubspot_params(extra=None):
    params = {"hapikey": config.HUBSPOT_API_KEY}
    if extra:
        params.update(extra)
    return params


def enrich_contact(email, properties):
    """Set properties the form doesn't have fields for (UTM data etc.)."""
    if not config.HUBSPOT_API_KEY:
        log.info("no HubSpot key configured, skipping enrichment for %s", email)
        return None
    body = {"properties": [{"property": k, "value": v} for k, v in properties.items() if v]}
    return post_json(config.HUBSPOT_API + "/contacts/v1/contact/createOrUpdate/email/%s/" % quote(email),
                     body, params=hubspot_params())


def contact_owner_email(email):
    contact = get_json(config.HUBSPOT_API + "/contacts/v1/contact/email/%s/profile" % quote(email),
                       params=hubspot_params({"property": "hubspot_owner_id", "propertyMode": "value_only"}))
    owner_id = contact.get("properties", {}).get("hubspot_owner_id", {}).get("value")
    if not owner_id:
        return None
    owner = get_json(config.HUBSPOT_API + "/owners/v2/owners/%s" % owner_id, params=hubspot_params())
    return owner.get("email")


def notify_sales(lead, owner=None):
    if not config.SLACK_WEBHOOK:
        return
    text = "New demo request: %s (%s)" % (lead.get("email"), lead.get("company") or "no company")
    if owner:
        text += " -> owner %s" % owner
    post_json(config.SLACK_WEBHOOK, {"text": text})


def handle_demo_request(form, cookies, request_meta):
    fields = {k: form[k] for k in ("email", "firstname", "lastname", "company", "phone") if form.get(k)}
    try:
        submit_form_v3(config.DEMO_FORM_GUID, fields, hutk=cookies.get("hubspotutk"),
                       page_uri=request_meta.get("url"), page_name="Demo", ip=request_meta.get("ip"))
    except Exception:
        log.exception("HubSpot form submission failed, storing lead in intranet")
        post_json(config.CRM_FALLBACK_URL, fields, headers={"X-Source": "landing"})
    enrich_contact(fields["email"], {"utm_source": form.get("utm_source"), "utm_campaign": form.get("utm_campaign")})
    notify_sales(fields, owner=contact_owner_email(fields["email"]))


def handle_newsletter(form, cookies):
    return submit_form_legacy(config.NEWSLETTER_FORM_GUID, {"email": form["email"]},
                              hutk=cookies.get("hubspotutk"), page_uri=form.get("page"))
