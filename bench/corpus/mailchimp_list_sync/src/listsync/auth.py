from requests.auth import AuthBase


class HapiKeyAuth(AuthBase):
    """Attach a HubSpot portal API key to every request made with it."""

    def __init__(self, api_key):
        self.api_key = api_key

    def __call__(self, r):
        r.prepare_url(r.url, {"hapikey": self.api_key})
        return r


class BearerAuth(AuthBase):
    def __init__(self, token):
        self.token = token

    def __call__(self, r):
        r.headers["Authorization"] = "Bearer %s" % self.token
        return r


def hubspot_auth(cfg):
    if cfg.get("access_token"):
        return BearerAuth(cfg["access_token"])
    if cfg.get("api_key"):
        return HapiKeyAuth(cfg["api_key"])
    raise RuntimeError("no HubSpot credentials configured")
