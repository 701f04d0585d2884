"""Flask blueprint receiving HubSpot webhook batches for every connected portal."""
import logging

from flask import Blueprint, jsonify, request

from tenanthooks import db, notify
from tenanthooks.hubspot import client_for

bp = Blueprint("hubspot_hooks", __name__, url_prefix="/hooks")
log = logging.getLogger(__name__)


def handle_event(event):
    row = db.get_portal(event["portalId"])
    if row is None:
        log.warning("event for unknown portal %s", event["portalId"])
        return "unknown"
    hs = client_for(row)
    if event["subscriptionType"] == "contact.creation":
        contact = hs.contact(event["objectId"])
        email = (contact.get("properties") or {}).get("email", "?")
        notify.slack(row["slack_channel"], "New contact in %s: %s" % (row["name"], email))
        hs.add_note(event["objectId"], "Welcome sequence started")
    elif event["subscriptionType"] == "deal.propertyChange":
        deal = hs.deal(event["objectId"])
        notify.internal_event("deal_changed", {"portal": row["portal_id"], "deal": deal.get("dealId")})
    return "ok"


@bp.route("/hubspot", methods=["POST"])
def receive():
    results = [handle_event(e) for e in request.get_json() or []]
    return jsonify({"handled": results.count("ok")})
