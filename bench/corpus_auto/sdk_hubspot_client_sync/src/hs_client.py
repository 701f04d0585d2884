import os

import hubspot
from hubspot import HubSpot

_client = None


def get_client():
    global _client
    if _client is None:
        _client = HubSpot(api_key=os.environ["HUBSPOT_API_KEY"])
    return _client


def client_for(api_key):
    """For the partner portals: each has its own key."""
    return hubspot.Client.create(api_key=api_key)
