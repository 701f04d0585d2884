import logging

import requests

logger = logging.getLogger("hubcrm")


class HubCRMError(Exception):
    pass


class BaseClient(object):
    """Common plumbing. Subclasses set `path_prefix`."""

    api_base = "https://api.hubapi.com"
    path_prefix = ""
    auth_param = "hapikey"

    def __init__(self, api_key, session=None, timeout=15):
        self.api_key = api_key
        self.session = session or requests.Session()
        self.timeout = timeout

    @property
    def _auth(self):
        return {self.auth_param: self.api_key}

    def _url(self, path):
        return "%s%s%s" % (self.api_base, self.path_prefix, path)

    def _call(self, method, path, params=None, body=None):
        query = {**self._auth, **(params or {})}
        resp = self.session.request(method, self._url(path), params=query, json=body, timeout=self.timeout)
        if not resp.ok:
            logger.error("%s %s%s failed: %s", method, self.path_prefix, path, resp.status_code)
            raise HubCRMError(resp.status_code)
        return resp.json() if resp.content else None

    def _get(self, path, **params):
        return self._call("GET", path, params=params)

    def _post(self, path, body, **params):
        return self._call("POST", path, params=params, body=body)
