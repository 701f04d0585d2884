"""Small HubSpot API layer for the Acme timeline app."""
