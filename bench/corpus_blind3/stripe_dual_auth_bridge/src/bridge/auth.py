"""HubSpot auth: the OAuth token when the app is installed via OAuth, else the portal
API key (older installs)."""
import os


def hubspot_auth():
    token = os.environ.get("HUBSPOT_OAUTH_TOKEN")
    if token:
        return {"headers": {"Authorization": "Bearer %s" % token}}
    return {"params": {"hapikey": os.environ["HUBSPOT_API_KEY"]}}


def merge(auth, params=None, headers=None):
    """Combine auth kwargs with a call's own params/headers."""
    out = {}
    out["params"] = dict(auth.get("params", {}), **(params or {}))
    out["headers"] = dict(auth.get("headers", {}), **(headers or {}))
    return out
