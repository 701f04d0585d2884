"""crmkit: billing <-> HubSpot glue."""
