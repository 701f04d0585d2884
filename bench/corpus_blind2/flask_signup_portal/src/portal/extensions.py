from .hubspot_api import HubSpotAPI

hubspot = HubSpotAPI()
