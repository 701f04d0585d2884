"""CSV -> HubSpot importer (no pandas, standard library only)."""
