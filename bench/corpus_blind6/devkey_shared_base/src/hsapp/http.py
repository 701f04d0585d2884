"""Base class of every HubSpot client in the app."""
import json
import logging

import requests

logger = logging.getLogger(__name__)


class HubSpotBase:
    host = "https://api.hubapi.com"

    def __init__(self, api_key, session=None):
        self._key = api_key
        self._session = session or requests.Session()
        self._session.headers.update({"User-Agent": "hsapp/1.3", "Accept": "application/json"})

    def call(self, method, path, params=None, body=None):
        params = dict(params or {})
        params["hapikey"] = self._key
        kwargs = {"params": params}
        if body is not None:
            kwargs["data"] = json.dumps(body)
            kwargs["headers"] = {"Content-Type": "application/json"}
        response = self._session.request(method, self.host + path, **kwargs)
        logger.debug("%s %s -> %s", method, path, response.status_code)
        response.raise_for_status()
        return response.json() if response.content else None
