"""The SDK clients we use. hubspot3 for the old reports, hubspot-api-client for CRM v3."""
import os

from hubspot import HubSpot
from hubspot3 import Hubspot3

API_KEY = os.environ.get("HUBSPOT_API_KEY")

legacy = Hubspot3(api_key=API_KEY)


def crm():
    return HubSpot(api_key=API_KEY)
