import requests
from flask import current_app, jsonify, request
from hubspot import HubSpot
from hubspot3 import Hubspot3

from .extensions import hubspot


def register(app):
    app.add_url_rule("/signup", "signup", signup, methods=["POST"])
    app.add_url_rule("/account/<int:vid>", "account", account)
    app.add_url_rule("/account/<int:vid>", "update_account", update_account, methods=["PUT"])
    app.add_url_rule("/account/<int:vid>/forget", "forget", forget, methods=["POST"])
    app.add_url_rule("/admin/deals", "admin_deals", admin_deals)
    app.add_url_rule("/admin/tickets", "admin_tickets", admin_tickets)


def signup():
    form = request.form
    email = form["email"].strip().lower()
    hubspot.post(
        "/contacts/v1/contact/createOrUpdate/email/%s/" % email,
        json={"properties": [{"property": "firstname", "value": form.get("name", "")}]},
    )
    cfg = current_app.config
    submit = "https://api.hsforms.com/submissions/v3/integration/submit/%s/%s" % (
        cfg["HUBSPOT_PORTAL_ID"],
        cfg["SIGNUP_FORM_GUID"],
    )
    requests.post(submit, json={"fields": [{"name": "email", "value": email}]})
    requests.post(cfg["INTERNAL_API"] + "/accounts", json={"email": email})
    return jsonify({"ok": True})


def account(vid):
    data = hubspot.get("/contacts/v1/contact/vid/%d/profile" % vid, params={"showListMemberships": "false"})
    return jsonify({"vid": vid, "email": data["properties"]["email"]["value"]})


def update_account(vid):
    props = [{"property": k, "value": v} for k, v in sorted(request.json.items())]
    hubspot.post("/contacts/v1/contact/vid/%d/profile" % vid, json={"properties": props})
    return jsonify({"ok": True})


def forget(vid):
    hubspot.delete("/contacts/v1/contact/vid/%d" % vid)
    return jsonify({"ok": True})


def admin_deals():
    client = HubSpot(api_key=current_app.config["HUBSPOT_API_KEY"])
    page = client.crm.deals.basic_api.get_page(limit=20, properties=["dealname", "amount"])
    return jsonify({"count": len(page.results)})


def admin_tickets():
    client = Hubspot3(api_key=current_app.config["HUBSPOT_API_KEY"])
    tickets = client.tickets.get_all(properties=["subject", "hs_pipeline_stage"])
    return jsonify({"count": len(tickets)})
