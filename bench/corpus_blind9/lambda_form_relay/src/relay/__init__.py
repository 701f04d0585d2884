"""Landing-page lead relay: API Gateway -> Lambda -> HubSpot."""
__version__ = "0.4.2"
