"""Auth for the HubSpot connector. Old installs use an API key; installs done through
the marketplace listing use OAuth (token refreshed by the web app and stored in env)."""
import os

AUTH_MODE = os.getenv("HUBSPOT_AUTH_MODE", "apikey")  # "apikey" | "oauth"
API_KEY = os.getenv("HUBSPOT_API_KEY")
OAUTH_TOKEN = os.getenv("HUBSPOT_OAUTH_ACCESS_TOKEN")


def is_oauth():
    return AUTH_MODE == "oauth"


def auth_headers():
    if is_oauth():
        return {"Authorization": "Bearer %s" % OAUTH_TOKEN}
    return {}


def auth_params():
    if is_oauth():
        return {}
    return {"hapikey": API_KEY}
