from plugins.hubspot_provider.hooks import HubSpotHook  # noqa: F401
