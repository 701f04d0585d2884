"""CSV -> HubSpot importer (batch endpoints, no pandas)."""
