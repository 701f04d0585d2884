"""Auth for both kinds of installs: private key (older customers) or OAuth (marketplace)."""
import os

from requests.auth import AuthBase


class HubSpotAuth(AuthBase):
    def __init__(self, api_key=None, access_token=None):
        if not (api_key or access_token):
            raise ValueError("HubSpotAuth needs an api_key or an access_token")
        self.api_key = api_key
        self.access_token = access_token

    def __call__(self, r):
        if self.access_token:
            r.headers["Authorization"] = "Bearer %s" % self.access_token
        else:
            r.prepare_url(r.url, {"hapikey": self.api_key})
        return r

    @property
    def mode(self):
        return "oauth" if self.access_token else "apikey"


def auth_from_env():
    token = os.environ.get("HUBSPOT_OAUTH_TOKEN")
    if token:
        return HubSpotAuth(access_token=token)
    return HubSpotAuth(api_key=os.environ["HUBSPOT_API_KEY"])
