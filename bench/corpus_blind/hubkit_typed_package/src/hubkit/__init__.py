"""hubkit: a small, typed HubSpot client for our internal services."""
from hubkit.client import HubSpotAPI, HubSpotError
from hubkit.config import Settings

__all__ = ["HubSpotAPI", "HubSpotError", "Settings"]
__version__ = "0.4.2"
