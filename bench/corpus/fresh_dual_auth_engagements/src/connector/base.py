import logging

import requests

from connector import auth

log = logging.getLogger(__name__)


class HubSpotConnector(object):
    base_url = "https://api.hubapi.com"
    default_params = {"formatVersion": "2"}

    def __init__(self, session=None):
        self.session = session or requests.Session()
        self.session.headers.update({"User-Agent": "acme-connector/2.3"})
        self.defaults = dict(self.default_params)
        if not auth.is_oauth():
            self.defaults["hapikey"] = auth.API_KEY

    def get(self, path, **params):
        query = {**self.defaults, **params}
        resp = self.session.get(self.base_url + path, params=query, headers=auth.auth_headers())
        resp.raise_for_status()
        return resp.json()

    def post(self, path, payload, **params):
        params.update(auth.auth_params())
        resp = self.session.post(
            self.base_url + path, params=params, json=payload, headers=auth.auth_headers()
        )
        resp.raise_for_status()
        return resp.json() if resp.content else None

    def delete(self, path):
        headers = {"Accept": "application/json"}
        headers.update(auth.auth_headers())
        params = {}
        params.update({"hapikey": auth.API_KEY} if not auth.is_oauth() else {})
        return self.session.delete(self.base_url + path, params=params, headers=headers).status_code
