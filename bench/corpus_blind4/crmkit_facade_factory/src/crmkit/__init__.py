"""crmkit: a small HubSpot client used by our internal tools.

    from crmkit import hubspot
    hubspot.contacts.get(123)
"""
from crmkit.facade import HubSpotFacade

hubspot = HubSpotFacade.from_env()
