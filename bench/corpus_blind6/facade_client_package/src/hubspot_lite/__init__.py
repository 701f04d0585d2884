"""hubspot_lite: a small HubSpot client.

    from hubspot_lite import HubSpot
    hs = HubSpot()                      # key from HUBSPOT_API_KEY
    hs.contacts.get_by_email("a@b.c")
"""
import os

from .base import HubSpotError
from .contacts import ContactsClient
from .crm import CompaniesClient, ObjectsClient, OwnersClient
from .deals import DealsClient

__all__ = ["HubSpot", "HubSpotError"]
__version__ = "0.4.1"


class HubSpot(object):
    def __init__(self, api_key=None, timeout=15):
        key = api_key or os.environ["HUBSPOT_API_KEY"]
        self.contacts = ContactsClient(key, timeout=timeout)
        self.deals = DealsClient(key, timeout=timeout)
        self.companies = CompaniesClient(key, timeout=timeout)
        self.owners = OwnersClient(key, timeout=timeout)
        self.tickets = ObjectsClient(key, "tickets", timeout=timeout)
