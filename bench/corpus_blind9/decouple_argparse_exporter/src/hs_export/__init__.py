"""hs-export: dump HubSpot CRM data to CSV."""
