from .hubspot_api import HubspotAPI, HubspotAPIError  # noqa: F401
