"""BaseClient: the HTTP plumbing every resource client inherits."""
import json
import logging
import urllib.parse
import urllib.request

log = logging.getLogger("crmkit")


class BaseClient:
    host = "https://api.hubapi.com"
    key_param = "hapikey"

    def __init__(self, api_key, timeout=30):
        self.api_key = api_key
        self.timeout = timeout

    def _auth(self):
        return {self.key_param: self.api_key}

    def _url(self, path, query=None):
        q = dict(self._auth())
        q.update(query or {})
        return "%s%s?%s" % (self.host, path, urllib.parse.urlencode(q, doseq=True))

    def _call(self, method, path, query=None, body=None):
        data = json.dumps(body).encode("utf-8") if body is not None else None
        req = urllib.request.Request(self._url(path, query), data=data, method=method)
        req.add_header("Accept", "application/json")
        if data is not None:
            req.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(req, timeout=self.timeout) as resp:
            raw = resp.read()
        return json.loads(raw) if raw else None
