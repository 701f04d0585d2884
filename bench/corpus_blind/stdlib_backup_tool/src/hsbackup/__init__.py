"""hsbackup: back up a HubSpot portal's settings with nothing but the standard library
(it runs on locked-down boxes where pip is not allowed)."""
