"""One HubSpot client for the whole worker process."""
from hubspot import HubSpot
from hubspot3 import Hubspot3

from crm import settings

if settings.HUBSPOT_USE_OAUTH:
    client = HubSpot(access_token=settings.HUBSPOT_ACCESS_TOKEN)
else:
    client = HubSpot(api_key=settings.HUBSPOT_API_KEY)

_legacy = None


def legacy():
    """hubspot3 is still used for the engagements API (not in the new SDK yet)."""
    global _legacy
    if _legacy is None:
        if settings.HUBSPOT_USE_OAUTH:
            _legacy = Hubspot3(access_token=settings.HUBSPOT_ACCESS_TOKEN)
        else:
            _legacy = Hubspot3(settings.HUBSPOT_API_KEY, timeout=10)
    return _legacy
