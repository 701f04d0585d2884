import logging

from .session import RetrySession

log = logging.getLogger(__name__)


class HubSpotAPIError(Exception):
    pass


class HubSpotAPI(object):
    BASE = "https://api.hubapi.com"

    def __init__(self, api_key=None, access_token=None, session=None):
        if not (api_key or access_token):
            raise ValueError("need an API key or an access token")
        self.api_key = api_key
        self.access_token = access_token
        self.session = session or RetrySession()

    def _request(self, method, path, **kwargs):
        params = kwargs.pop("params", None) or {}
        headers = kwargs.pop("headers", None) or {}
        if self.access_token:
            headers["Authorization"] = "Bearer %s" % self.access_token
        else:
            params = dict(params, hapikey=self.api_key)
        resp = self.session.request(method, self.BASE + path, params=params, headers=headers,
                                    timeout=kwargs.pop("timeout", 20), **kwargs)
        if resp.status_code >= 400:
            raise HubSpotAPIError("%s %s -> %s" % (method, path, resp.status_code))
        return resp.json() if resp.content else None

    def get(self, path, **kwargs):
        return self._request("GET", path, **kwargs)

    def post(self, path, **kwargs):
        return self._request("POST", path, **kwargs)

    def put(self, path, **kwargs):
        return self._request("PUT", path, **kwargs)

    def delete(self, path, **kwargs):
        return self._request("DELETE", path, **kwargs)
