"""hubkit: a small typed HubSpot client (contacts, deals, engagements, owners)."""
from .api import HubSpotAPI

__all__ = ["HubSpotAPI"]
