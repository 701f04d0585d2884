"""HubSpot marketplace app helpers."""
