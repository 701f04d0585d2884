"""Logs phone calls from our PBX into HubSpot."""
