"""Thin HubSpot API layer for the support tooling."""
import os

from .api import HubSpotAPI


def get_api():
    """OAuth when the app is installed that way, the portal key otherwise."""
    token = os.environ.get("HUBSPOT_OAUTH_TOKEN")
    if token:
        return HubSpotAPI(access_token=token)
    return HubSpotAPI(api_key=os.environ.get("HUBSPOT_API_KEY"))
