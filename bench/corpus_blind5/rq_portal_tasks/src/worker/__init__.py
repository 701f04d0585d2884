"""Background jobs for the HubSpot marketplace app (one row per installed portal)."""
