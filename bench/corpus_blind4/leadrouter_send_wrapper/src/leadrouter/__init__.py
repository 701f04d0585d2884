"""leadrouter: routes inbound leads from the website into HubSpot."""
__version__ = "0.4.2"
