"""hubcrm: resource clients for the HubSpot v1/v2 APIs behind one facade."""
from hubcrm.facade import HubSpot  # noqa: F401
