from .session import HubSpotSession  # noqa: F401
