"""Nightly HubSpot -> warehouse ETL."""
