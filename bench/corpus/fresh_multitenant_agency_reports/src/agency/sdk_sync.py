"""Lifecycle-stage audit across client portals with the official SDK.

One client object is reused; its key is switched per portal (the SDK reads
self.api_key each time an API object is built)."""
import logging

from hubspot import HubSpot
from hubspot.crm.contacts import ApiException

from agency import portals

log = logging.getLogger(__name__)

hs = HubSpot(api_key=portals.AGENCY_API_KEY)


def use_portal(portal_id):
    hs.api_key = portals.key_for(portal_id)
    return hs


def lifecycle_counts(portal_id):
    client = use_portal(portal_id)
    counts = {}
    try:
        page = client.crm.contacts.basic_api.get_page(limit=100, properties=["lifecyclestage"])
    except ApiException:
        log.exception("portal %s", portal_id)
        return counts
    for c in page.results:
        stage = c.properties.get("lifecyclestage") or "none"
        counts[stage] = counts.get(stage, 0) + 1
    return counts


def audit_all():
    report = {pid: lifecycle_counts(pid) for pid in portals.client_portals()}
    # and our own portal last
    report[portals.AGENCY_PORTAL_ID] = lifecycle_counts(portals.AGENCY_PORTAL_ID)
    return report
