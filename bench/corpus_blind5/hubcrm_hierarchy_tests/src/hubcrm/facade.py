import os

import requests

from hubcrm.resources import (
    CompaniesClient,
    ContactsClient,
    DealsClient,
    OwnersClient,
    PropertiesClient,
)


class HubSpot(object):
    """hs = HubSpot(); hs.contacts.get_by_email(...); hs.deals.create(...)"""

    def __init__(self, api_key=None, timeout=10):
        key = api_key or os.environ["HUBSPOT_API_KEY"]
        session = requests.Session()
        session.headers["User-Agent"] = "hubcrm/1.2"
        common = dict(timeout=timeout, session=session)
        self.contacts = ContactsClient(key, **common)
        self.companies = CompaniesClient(key, **common)
        self.deals = DealsClient(key, **common)
        self.owners = OwnersClient(key, **common)
        self.properties = PropertiesClient(key, **common)
