import os

from hubspot import HubSpot
from hubspot3 import Hubspot3

API_KEY = os.environ.get("HUBSPOT_API_KEY")


def portal_client(api_key=None):
    return HubSpot(api_key=api_key or API_KEY)


def legacy_client():
    return Hubspot3(api_key=API_KEY, timeout=20)


def developer_client():
    return HubSpot(developer_api_key=os.environ["HUBSPOT_DEVELOPER_KEY"])
