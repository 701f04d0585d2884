"""HubSpot request helper: every option of requests passes through."""
import requests

from leads.celery_app import Config

DEFAULTS = {"timeout": 15, "headers": {"User-Agent": "leads-worker"}}


def hubspot_call(method, path, api_key=None, **kwargs):
    options = {**DEFAULTS, **kwargs}
    params = dict(options.pop("params", None) or {}, hapikey=api_key or Config.HUBSPOT_API_KEY)
    return requests.request(method, "https://api.hubapi.com" + path, params=params, **options)


def internal_call(method, path, **kwargs):
    headers = {"Authorization": "Token " + (Config.INTERNAL_API_TOKEN or "")}
    return requests.request(method, Config.INTERNAL_API + path, headers=headers, **kwargs)


def submit_contact_form(fields, **kwargs):
    """Forms API v2 (the old uploads endpoint). The key is sent along 'just in case'."""
    url = "https://forms.hubspot.com/uploads/form/v2/%s/%s" % (Config.HUBSPOT_PORTAL_ID, Config.CONTACT_FORM_GUID)
    return requests.post(url, data=fields, params={"hapikey": Config.HUBSPOT_API_KEY}, **kwargs)
