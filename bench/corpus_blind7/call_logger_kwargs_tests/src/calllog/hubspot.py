import logging
import os

import requests

log = logging.getLogger(__name__)


class HubSpot(object):
    def __init__(self, key=None, base="https://api.hubapi.com"):
        self.key = key or os.environ.get("HUBSPOT_API_KEY")
        self.base = base
        self.session = requests.Session()

    def call(self, method, path, **kw):
        params = kw.setdefault("params", {})
        if "hapikey" not in params:
            params["hapikey"] = self.key
        kw.setdefault("timeout", 15)
        resp = self.session.request(method, self.base + path, **kw)
        log.debug("%s %s -> %s", method, path, resp.status_code)
        resp.raise_for_status()
        return resp.json() if resp.content else None

    def contact_by_phone(self, phone):
        data = self.call("GET", "/contacts/v1/search/query", params={"q": phone})
        contacts = data.get("contacts") or []
        return contacts[0] if contacts else None

    def log_call(self, vid, owner_id, duration_ms, recording_url=None, disposition=None):
        meta = {"toNumber": "", "durationMilliseconds": duration_ms, "status": "COMPLETED"}
        if recording_url:
            meta["recordingUrl"] = recording_url
        if disposition:
            meta["disposition"] = disposition
        body = {"engagement": {"type": "CALL", "ownerId": owner_id},
                "associations": {"contactIds": [vid]}, "metadata": meta}
        return self.call("POST", "/engagements/v1/engagements", json=body)

    def call_dispositions(self):
        return self.call("GET", "/calling/v1/dispositions")
