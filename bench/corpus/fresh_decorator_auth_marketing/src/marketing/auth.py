import requests
from requests.auth import AuthBase


class HapiKeyAuth(AuthBase):
    """requests auth hook: appends ?hapikey= to the prepared request."""

    def __init__(self, api_key):
        self.api_key = api_key

    def __call__(self, r):
        r.prepare_url(r.url, {"hapikey": self.api_key})
        return r


def prepared_call(session, method, url, api_key, **kwargs):
    req = requests.Request(method, url, auth=HapiKeyAuth(api_key), **kwargs)
    prepped = session.prepare_request(req)
    return session.send(prepped, timeout=20)
