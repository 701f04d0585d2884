"""One object holding one client per resource, made by a factory."""
import os

from crmkit.resources.crm import CompaniesClient, ContactsClient, EngagementsClient, OwnersClient
from crmkit.resources.timeline import TimelineClient

REGISTRY = {
    "contacts": ContactsClient,
    "companies": CompaniesClient,
    "owners": OwnersClient,
    "engagements": EngagementsClient,
}


def make_client(kind, api_key, **options):
    try:
        cls = REGISTRY[kind]
    except KeyError:
        raise ValueError("unknown HubSpot resource %r" % kind)
    return cls(api_key, **options)


class HubSpotFacade:
    def __init__(self, api_key, developer_key=None, app_id=None, timeout=30):
        for kind in REGISTRY:
            setattr(self, kind, make_client(kind, api_key, timeout=timeout))
        self.timeline = None
        if developer_key and app_id:
            self.timeline = TimelineClient(developer_key, app_id, timeout=timeout)

    @classmethod
    def from_env(cls, environ=os.environ):
        return cls(
            environ.get("HUBSPOT_API_KEY"),
            developer_key=environ.get("HUBSPOT_DEVELOPER_API_KEY"),
            app_id=environ.get("HUBSPOT_APP_ID"),
        )
