"""HubSpot connector for the Shiftly scheduling app."""
