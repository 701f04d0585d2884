from .client import HubSpotClient, HubSpotError  # noqa: F401
