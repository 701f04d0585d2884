"""CSV -> HubSpot importer (no pandas on the ops box)."""
