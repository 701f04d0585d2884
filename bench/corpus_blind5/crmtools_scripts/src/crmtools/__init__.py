"""crmtools: small helpers around our CRM (HubSpot) used by the ops scripts."""

__version__ = "0.4.2"
