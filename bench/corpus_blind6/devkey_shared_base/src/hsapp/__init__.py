"""A HubSpot marketplace app's server-side helpers (timeline + webhooks + CRM)."""
