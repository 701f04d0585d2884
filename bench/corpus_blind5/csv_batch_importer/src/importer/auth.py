"""Either a private OAuth token (new installs) or the portal API key (old ones)."""
import os


def auth_kwargs(api_key=None):
    token = os.environ.get("HUBSPOT_OAUTH_TOKEN")
    if token and not api_key:
        return {"headers": {"Authorization": "Bearer %s" % token}}
    return {"params": {"hapikey": api_key or os.environ["HUBSPOT_API_KEY"]}}
