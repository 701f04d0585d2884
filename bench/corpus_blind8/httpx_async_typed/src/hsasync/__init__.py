"""Async HubSpot sync service (2022)."""
