"""Async enrichment service: pulls companies from HubSpot, enriches them from
Clearbit, writes back."""
