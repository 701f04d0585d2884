"""Nightly export of HubSpot contacts to CSV (ops team)."""

__version__ = "0.3.1"
