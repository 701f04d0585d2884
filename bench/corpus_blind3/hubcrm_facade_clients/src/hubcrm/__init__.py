"""hubcrm: small object-oriented HubSpot client (internal package, 2017)."""
from hubcrm.client import HubCRM  # noqa: F401
