import os

# Our own HubSpot portal (the agency CRM), where we log what we did for clients.
AGENCY_PORTAL_ID = int(os.environ.get("AGENCY_PORTAL_ID", "4411223"))
AGENCY_HUBSPOT_KEY = os.environ.get("HUBSPOT_API_KEY")

HUBSPOT_API = "https://api.hubapi.com"
REQUEST_TIMEOUT = 20

# client portals are stored in the dashboard DB; see store.py
PORTALS_TABLE = "client_portals"
