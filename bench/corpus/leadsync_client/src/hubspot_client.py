# -*- coding: utf-8 -*-
"""Thin wrapper around the HubSpot REST API used by the lead sync.

We don't use the official client because it doesn't support python 2.7
(our worker boxes) and we only need a handful of endpoints.
"""
import json
import logging
import time

import requests

try:
    from urllib.parse import quote
except ImportError:  # py2
    from urllib import quote

log = logging.getLogger(__name__)


class HubSpotError(Exception):
    def __init__(self, status, message, response=None):
        super(HubSpotError, self).__init__("%s: %s" % (status, message))
        self.status = status
        self.response = response


class HubSpotClient(object):
    BASE_URL = "https://api.hubapi.com"
    MAX_RETRIES = 3
    RETRY_BACKOFF = 2.0

    def __init__(self, api_key, timeout=20):
        self.api_key = api_key
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"User-Agent": "acme-leadsync/1.4"})

    def _request(self, method, path, **kwargs):
        url = self.BASE_URL + path
        kwargs.setdefault("params", {})["hapikey"] = self.api_key
        kwargs.setdefault("timeout", self.timeout)
        resp = None
        for attempt in range(self.MAX_RETRIES):
            resp = self.session.request(method, url, **kwargs)
            if resp.status_code == 429 or resp.status_code >= 500:
                log.warning("HubSpot %s %s -> %s, retry %d", method, path, resp.status_code, attempt + 1)
                time.sleep(self.RETRY_BACKOFF * (attempt + 1))
                continue
            break
        if resp.status_code >= 400:
            try:
                message = resp.json().get("message")
            except ValueError:
                message = resp.text
            raise HubSpotError(resp.status_code, message, resp)
        if resp.status_code == 204 or not resp.content:
            return None
        return resp.json()

    def get(self, path, **kwargs):
        return self._request("GET", path, **kwargs)

    def post(self, path, **kwargs):
        return self._request("POST", path, **kwargs)

    def put(self, path, **kwargs):
        return self._request("PUT", path, **kwargs)

    # -- contacts -----------------------------------------------------------

    def get_contact_by_email(self, email):
        try:
            return self.get("/contacts/v1/contact/email/%s/profile" % quote(email),
                            params={"propertyMode": "value_only", "formSubmissionMode": "none"})
        except HubSpotError as e:
            if e.status == 404:
                return None
            raise

    def create_or_update_contact(self, email, properties):
        payload = {"properties": [{"property": k, "value": v} for k, v in sorted(properties.items())]}
        return self.post("/contacts/v1/contact/createOrUpdate/email/%s/" % quote(email), json=payload)

    def iter_contacts_v3(self, properties=("email", "firstname", "lastname"), limit=100):
        params = {"limit": limit, "properties": ",".join(properties), "archived": "false"}
        while True:
            page = self.get("/crm/v3/objects/contacts", params=dict(params))
            for obj in page.get("results", []):
                yield obj
            after = (page.get("paging") or {}).get("next", {}).get("after")
            if not after:
                break
            params["after"] = after

    # -- properties ---------------------------------------------------------

    def get_contact_properties(self):
        return self.get("/properties/v1/contacts/properties")

    def create_contact_property(self, name, label, group="contactinformation", field_type="text"):
        return self.post("/properties/v1/contacts/properties", json={
            "name": name, "label": label, "groupName": group,
            "type": "string", "fieldType": field_type,
        })

    # -- engagements --------------------------------------------------------

    def log_note(self, contact_vid, body, owner_id=None):
        engagement = {"active": True, "type": "NOTE"}
        if owner_id:
            engagement["ownerId"] = owner_id
        data = json.dumps({
            "engagement": engagement,
            "associations": {"contactIds": [contact_vid]},
            "metadata": {"body": body},
        })
        return self.post("/engagements/v1/engagements", data=data,
                         headers={"Content-Type": "application/json", "X-Request-Source": "leadsync"})
