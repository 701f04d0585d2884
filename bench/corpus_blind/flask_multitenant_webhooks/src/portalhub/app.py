import hashlib
import logging
import os

import requests

from portalhub import db
from portalhub.hubspot_portal import PortalClient
from portalhub.webcompat import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("portalhub")

CLIENT_SECRET = os.environ.get("HUBSPOT_CLIENT_SECRET", "")
INTERNAL_API = os.environ.get("INTERNAL_API", "https://events.internal.example/api/v2")
INTERNAL_TOKEN = os.environ.get("INTERNAL_API_TOKEN", "")


def _valid_signature():
    body = request.get_data().decode("utf-8")
    expected = hashlib.sha256((CLIENT_SECRET + body).encode("utf-8")).hexdigest()
    return request.headers.get("X-HubSpot-Signature") == expected


def _forward(event, payload):
    requests.post(INTERNAL_API + "/events", json={"source": "hubspot", "event": event,
                                                  "payload": payload},
                  headers={"Authorization": "Bearer " + INTERNAL_TOKEN}, timeout=5)


@app.route("/install", methods=["POST"])
def install():
    portal_id = int(request.form["portal_id"])
    api_key = request.form["api_key"].strip()
    info = PortalClient(api_key).whoami()
    if info.get("portalId") != portal_id:
        abort(400)
    db.save_portal(portal_id, request.form.get("name", "portal %d" % portal_id), api_key)
    return jsonify(ok=True, portal=portal_id)


@app.route("/hubspot/webhook", methods=["POST"])
def webhook():
    if not _valid_signature():
        abort(401)
    handled = 0
    for event in request.get_json():
        key = db.portal_key(event["portalId"])
        if key is None:
            log.warning("event for unknown portal %s", event["portalId"])
            continue
        client = PortalClient(key)
        kind = event["subscriptionType"]
        if kind.startswith("contact."):
            _forward(kind, client.contact(event["objectId"]))
        elif kind == "deal.creation":
            deal = client.deal(event["objectId"])
            for company_id in deal.get("associations", {}).get("associatedCompanyIds", []):
                client.company(company_id)
                client.associate_deal_company(event["objectId"], company_id)
            _forward(kind, deal)
        handled += 1
    return jsonify(handled=handled)
