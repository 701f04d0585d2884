import logging

import requests

log = logging.getLogger(__name__)


class ApiError(Exception):
    pass


class Api(object):
    def __init__(self, base="https://api.hubapi.com", timeout=15):
        self.base = base.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "webinar-sync/1.3"

    def send(self, method, path, params=None, json=None, key=None, token=None):
        req = requests.Request(method, self.base + path, params=dict(params or {}), json=json)
        if key:
            req.params["hapikey"] = key
        if token:
            req.headers["Authorization"] = "Bearer " + token
        prepped = self.session.prepare_request(req)
        log.debug("-> %s %s", prepped.method, prepped.url)
        resp = self.session.send(prepped, timeout=self.timeout)
        log.debug("<- %s", resp.status_code)
        if resp.status_code == 404:
            return None
        if not resp.ok:
            raise ApiError("%s %s: %s" % (method, path, resp.status_code))
        return resp.json() if resp.content else {}
