"""HubSpot service used by views and management commands."""
import json
import logging

import requests

from leadbridge.conf import settings

logger = logging.getLogger(__name__)

API_ROOT = "https://api.hubapi.com"


class HubSpotError(Exception):
    pass


def _params(**extra):
    params = {"hapikey": settings.HUBSPOT_API_KEY}
    params.update(extra)
    return params


def get_companies_page(offset=None, properties=("name", "domain")):
    params = _params(limit=250, properties=list(properties))
    if offset:
        params["offset"] = offset
    resp = requests.get(API_ROOT + "/companies/v2/companies/paged", params=params, timeout=settings.HUBSPOT_TIMEOUT)
    if resp.status_code != 200:
        raise HubSpotError("companies page failed: %s" % resp.status_code)
    return resp.json()


def iter_companies():
    offset = None
    while True:
        page = get_companies_page(offset)
        for company in page.get("companies", []):
            yield company
        if not page.get("has-more"):
            return
        offset = page.get("offset")


def update_company(company_id, **props):
    body = {"properties": [{"name": k, "value": v} for k, v in props.items()]}
    resp = requests.put(
        "%s/companies/v2/companies/%s" % (API_ROOT, company_id),
        params={"hapikey": settings.HUBSPOT_API_KEY},
        data=json.dumps(body),
        headers={"Content-Type": "application/json"},
        timeout=settings.HUBSPOT_TIMEOUT,
    )
    resp.raise_for_status()
    return resp.json()


def create_or_update_contact(email, **props):
    url = "{}/contacts/v1/contact/createOrUpdate/email/{}/".format(API_ROOT, email)
    body = {"properties": [{"property": k, "value": v} for k, v in props.items()]}
    resp = requests.post(url, params=_params(), json=body, timeout=settings.HUBSPOT_TIMEOUT)
    logger.info("createOrUpdate %s -> %s", email, resp.status_code)
    return resp.json().get("vid")


def submit_contact_form(fields, hutk=None, page_url=None):
    """Forms API: no key needed (public endpoint)."""
    url = "https://forms.hubspot.com/uploads/form/v2/%s/%s" % (
        settings.HUBSPOT_PORTAL_ID,
        settings.HUBSPOT_CONTACT_FORM_GUID,
    )
    data = dict(fields)
    context = {}
    if hutk:
        context["hutk"] = hutk
    if page_url:
        context["pageUrl"] = page_url
    data["hs_context"] = json.dumps(context)
    resp = requests.post(url, data=data, headers={"Content-Type": "application/x-www-form-urlencoded"})
    return resp.status_code in (200, 204, 302)
