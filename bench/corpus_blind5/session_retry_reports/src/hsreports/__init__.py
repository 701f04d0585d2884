"""Weekly sales reports from HubSpot, uploaded to the reporting service."""
