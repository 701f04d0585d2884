"""Dashboard endpoints and jobs that touch client portals."""

import json
import logging

try:
    from urllib.request import urlopen
    from urllib.error import HTTPError
except ImportError:  # pragma: no cover
    from urllib2 import urlopen, HTTPError

from agency import internal, settings, store
from agency.client import PortalClient

log = logging.getLogger(__name__)


def verify_key(api_key):
    """Cheap call to check a key before we store it."""
    try:
        resp = urlopen(
            "%s/owners/v2/owners?hapikey=%s" % (settings.HUBSPOT_API, api_key),
            timeout=settings.REQUEST_TIMEOUT,
        )
    except HTTPError as exc:
        log.info("key check failed: %s", exc)
        return None
    owners = json.loads(resp.read().decode("utf-8"))
    return len(owners)


def onboard(request):
    """POST /portals/ from the onboarding form."""
    data = request["POST"]
    owners = verify_key(data["api_key"])
    if owners is None:
        return {"status": 400, "error": "HubSpot rejected that key"}
    portal = store.save_portal(
        {
            "portal_id": int(data["portal_id"]),
            "name": data["name"],
            "api_key": data["api_key"],
            "owners": owners,
        }
    )
    client = PortalClient(portal["portal_id"], portal["api_key"])
    client.ensure_property("agency_source", "Agency source")
    internal.log_activity(
        "Onboarded portal %s (%s)" % (portal["name"], portal["portal_id"])
    )
    return {"status": 201, "portal_id": portal["portal_id"]}


def sync_portal(portal):
    """Copy lifecycle stage counts for a client portal into the dashboard."""
    client = PortalClient(portal["portal_id"], portal["api_key"])
    stages = {}
    params = {"count": 100, "property": "lifecyclestage"}
    while True:
        page = client.get("/contacts/v1/lists/all/contacts/all", **params)
        for contact in page.get("contacts", []):
            stage = (
                contact.get("properties", {})
                .get("lifecyclestage", {})
                .get("value", "none")
            )
            stages[stage] = stages.get(stage, 0) + 1
        if not page.get("has-more"):
            break
        params["vidOffset"] = page["vid-offset"]
    portal["stages"] = stages
    return stages


def sync_all():
    results = {}
    for portal in store.all_portals():
        try:
            results[portal["portal_id"]] = sync_portal(portal)
        except Exception:
            log.exception("sync failed for %s", portal["portal_id"])
    internal.log_activity("Synced %d portals" % len(results))
    return results


def tag_contact(request):
    """POST /portals/<id>/contacts/<vid>/tag -- used by the account managers."""
    portal = store.get_portal(int(request["portal_id"]))
    client = PortalClient(portal["portal_id"], portal["api_key"])
    client.post(
        "/contacts/v1/contact/vid/%s/profile" % request["vid"],
        {
            "properties": [
                {"property": "agency_source", "value": request["POST"]["tag"]}
            ],
        },
    )
    return {"status": 204}


def relabel_property(request):
    """PUT /portals/<id>/properties/<name> -- fix a property label in a client portal."""
    portal = store.get_portal(int(request["portal_id"]))
    client = PortalClient(portal["portal_id"], portal["api_key"])
    name = request["name"]
    client.put("/properties/v1/contacts/properties/named/%s" % name,
               {"name": name, "label": request["POST"]["label"]})
    return {"status": 200}
