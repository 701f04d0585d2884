"""HTTPS transport on http.client, one instance per remote service."""
import http.client
import json
import logging
from urllib.parse import urlencode

from ticketbridge.config import CONFIG

log = logging.getLogger(__name__)


class Transport(object):
    def __init__(self, host, send_key=True, auth_header=None):
        self.host = host
        self.send_key = send_key
        self.auth_header = auth_header

    def send(self, method, endpoint, body=None, headers=None, key=None, **query):
        if self.send_key:
            query["hapikey"] = key or CONFIG.hubspot_key
        hdrs = {"Accept": "application/json"}
        if self.auth_header:
            hdrs["Authorization"] = self.auth_header
        hdrs.update(headers or {})
        data = None
        if body is not None:
            data = json.dumps(body)
            hdrs["Content-Type"] = "application/json"
        path = endpoint + ("?" + urlencode(query, doseq=True) if query else "")
        conn = http.client.HTTPSConnection(self.host, timeout=20)
        try:
            conn.request(method, path, body=data, headers=hdrs)
            resp = conn.getresponse()
            raw = resp.read()
        finally:
            conn.close()
        log.debug("%s %s%s -> %s", method, self.host, endpoint, resp.status)
        return json.loads(raw) if raw else None


hubspot = Transport(CONFIG.hubspot_host)
zendesk = Transport(CONFIG.zendesk_host, send_key=False, auth_header=CONFIG.zendesk_auth)
