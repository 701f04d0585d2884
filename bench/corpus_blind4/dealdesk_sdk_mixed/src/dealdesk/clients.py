"""SDK clients. New code uses hubspot-api-client; the quoting module still uses hubspot3."""
import os

from hubspot import HubSpot
from hubspot3 import Hubspot3


def get_client(api_key=None):
    return HubSpot(api_key=api_key or os.environ["HUBSPOT_API_KEY"])


def get_legacy_client(api_key=None, **options):
    return Hubspot3(api_key=api_key or os.environ["HUBSPOT_API_KEY"], **options)


def get_app_client():
    """Webhook subscriptions are managed with the app's developer key."""
    return HubSpot(developer_api_key=os.environ["HUBSPOT_DEVELOPER_API_KEY"])


client = get_client()
