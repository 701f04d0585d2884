"""Single place where the HubSpot SDK client gets built."""
from hubspot import HubSpot

from bridge import settings

_client = None


def get_client():
    global _client
    if _client is None:
        _client = HubSpot(api_key=settings.HUBSPOT_API_KEY)
    return _client
