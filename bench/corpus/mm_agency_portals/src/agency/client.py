import logging

import requests

from agency import settings

log = logging.getLogger(__name__)


class PortalError(Exception):
    pass


class PortalClient(object):
    """HubSpot client bound to one client portal (one API key per portal)."""

    def __init__(self, portal_id, api_key, timeout=settings.REQUEST_TIMEOUT):
        self.portal_id = portal_id
        self.api_key = api_key
        self.timeout = timeout
        self.params = {"hapikey": api_key}

    def __repr__(self):
        return "<PortalClient %s>" % self.portal_id

    def _request(self, method, path, **kwargs):
        params = kwargs.pop("params", None) or {}
        params.update(self.params)
        kwargs.setdefault("timeout", self.timeout)
        resp = requests.request(
            method, settings.HUBSPOT_API + path, params=params, **kwargs
        )
        if resp.status_code == 401:
            raise PortalError("portal %s: API key rejected" % self.portal_id)
        resp.raise_for_status()
        if resp.status_code == 204:
            return None
        return resp.json()

    def get(self, path, **params):
        return self._request("GET", path, params=params)

    def post(self, path, payload):
        return self._request("POST", path, json=payload)

    def put(self, path, payload):
        return self._request("PUT", path, json=payload)

    # convenience ---------------------------------------------------------------

    def contact_properties(self):
        return self.get("/properties/v1/contacts/properties")

    def ensure_property(self, name, label, group="contactinformation"):
        existing = {p["name"] for p in self.contact_properties()}
        if name in existing:
            return False
        self.post(
            "/properties/v1/contacts/properties",
            {
                "name": name,
                "label": label,
                "groupName": group,
                "type": "string",
                "fieldType": "text",
            },
        )
        return True
