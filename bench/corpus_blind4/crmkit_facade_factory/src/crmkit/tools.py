"""Internal tools built on the shared facade instance."""
import logging

from crmkit import hubspot
from crmkit.facade import HubSpotFacade

log = logging.getLogger(__name__)


def lifecycle_counts():
    counts = {}
    for c in hubspot.contacts.all(page_size=2):
        stage = c.get("properties", {}).get("lifecyclestage", {}).get("value", "unknown")
        counts[stage] = counts.get(stage, 0) + 1
    return counts


def owner_emails():
    return sorted(o.get("email", "") for o in hubspot.owners.all())


def ensure_timeline_types():
    if hubspot.timeline is None:
        log.warning("no developer key configured")
        return []
    names = {t.get("name") for t in hubspot.timeline.event_types() or []}
    made = []
    if "Support call" not in names:
        hubspot.timeline.create_event_type("Support call", "Call with {{agent}}")
        made.append("Support call")
    return made


def partner_portal_companies(partner_key, domain):
    """Partners give us their own portal key for a one-off lookup."""
    return HubSpotFacade(partner_key).companies.by_domain(domain)
