"""Celery jobs syncing the product database into HubSpot (hubspot3 + requests)."""
