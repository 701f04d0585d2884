"""Client portals the agency manages. Keys are pasted in by account managers through
the admin screen and kept in the database; this module is the in-process cache."""
import os

# our own portal: used for internal reporting and as a fallback
AGENCY_PORTAL_ID = int(os.environ.get("AGENCY_PORTAL_ID", "100"))
AGENCY_API_KEY = os.environ.get("HUBSPOT_API_KEY")

PORTALS = {
    AGENCY_PORTAL_ID: {"name": "Agency", "api_key": AGENCY_API_KEY, "tz": "Europe/London"},
}


def register(portal_id, api_key, name=None, tz="UTC"):
    PORTALS[int(portal_id)] = {"name": name or str(portal_id), "api_key": api_key, "tz": tz}


def forget(portal_id):
    PORTALS.pop(int(portal_id), None)


def key_for(portal_id):
    portal = PORTALS.get(int(portal_id))
    if portal is None or not portal.get("api_key"):
        return AGENCY_API_KEY
    return portal["api_key"]


def client_portals():
    return sorted(pid for pid in PORTALS if pid != AGENCY_PORTAL_ID)
