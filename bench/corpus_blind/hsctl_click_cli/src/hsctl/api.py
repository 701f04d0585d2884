"""Thin HubSpot client for the CLI."""
import json
from urllib.parse import urlencode

import requests

DEFAULT_BASE = "https://api.hubapi.com"


class ApiError(Exception):
    pass


class Client(object):
    def __init__(self, api_key, base=DEFAULT_BASE, verbose=False):
        if not api_key:
            raise ApiError("no API key: pass --api-key or set HUBSPOT_API_KEY")
        self.api_key = api_key
        self.base = base.rstrip("/")
        self.verbose = verbose

    def _url(self, path, **query):
        query["hapikey"] = self.api_key
        return "{}{}?{}".format(self.base, path, urlencode(query, doseq=True))

    def get(self, path, **query):
        resp = requests.get(self._url(path, **query), timeout=30)
        if resp.status_code >= 400:
            raise ApiError("GET %s: %s" % (path, resp.status_code))
        return resp.json()

    def post(self, path, body, **query):
        resp = requests.post(self._url(path, **query), data=json.dumps(body),
                             headers={"Content-Type": "application/json"}, timeout=30)
        if resp.status_code >= 400:
            raise ApiError("POST %s: %s" % (path, resp.status_code))
        return resp.json() if resp.content else {}

    def all_contacts(self, properties=()):
        offset = 0
        while True:
            page = self.get("/contacts/v1/lists/all/contacts/all", count=100,
                            vidOffset=offset, property=list(properties))
            for contact in page["contacts"]:
                yield contact
            if not page["has-more"]:
                return
            offset = page["vid-offset"]


def submit_form(portal_id, form_guid, fields, page_name=None):
    """Form submissions need no key (public endpoint)."""
    url = "https://api.hsforms.com/submissions/v3/integration/submit/%s/%s" % (portal_id, form_guid)
    body = {"fields": [{"name": k, "value": v} for k, v in fields.items()]}
    if page_name:
        body["context"] = {"pageName": page_name}
    resp = requests.post(url, json=body, timeout=30)
    return resp.status_code
