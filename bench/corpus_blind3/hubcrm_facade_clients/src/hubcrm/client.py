import os

import requests

from hubcrm.resources import CompaniesClient, ContactsClient, OwnersClient, WebhooksClient


class HubCRM(object):
    """One object, one client per resource, one shared session."""

    def __init__(self, api_key=None, developer_key=None, app_id=None):
        api_key = api_key or os.environ["HUBSPOT_API_KEY"]
        session = requests.Session()
        session.headers["User-Agent"] = "hubcrm/1.3"
        self.contacts = ContactsClient(api_key, session=session)
        self.companies = CompaniesClient(api_key, session=session)
        self.owners = OwnersClient(api_key, session=session)
        if developer_key and app_id:
            self.webhooks = WebhooksClient(developer_key, app_id, session=session)
        else:
            self.webhooks = None

    @classmethod
    def from_env(cls):
        return cls(
            os.environ.get("HUBSPOT_API_KEY"),
            developer_key=os.environ.get("HUBSPOT_DEVELOPER_KEY"),
            app_id=os.environ.get("HUBSPOT_APP_ID"),
        )
