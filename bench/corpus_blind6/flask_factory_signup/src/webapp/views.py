from flask import Blueprint, current_app, jsonify, request

from webapp import billing, hubspot

bp = Blueprint("signup", __name__)


@bp.route("/signup", methods=["POST"])
def signup():
    data = request.get_json()
    email = data["email"]
    context = {"hutk": request.headers.get("X-Hutk"), "ipAddress": request.remote_addr,
               "pageUri": "https://www.example.com/signup"}
    hubspot.submit_form({"email": email, "company": data.get("company", "")}, context)
    vid = hubspot.upsert_contact(email, firstname=data.get("name", ""), lifecyclestage="lead")
    company_id = hubspot.find_company_by_domain(email.split("@")[1])
    if company_id:
        hubspot.associate(company_id, vid)
    customer = billing.create_customer(email)
    return jsonify({"vid": vid, "company": company_id, "customer": customer})


@bp.route("/newsletter", methods=["POST"])
def newsletter():
    email = request.get_json()["email"]
    hubspot.submit_form({"email": email, "newsletter": "true"}, {"pageUri": "https://www.example.com/blog"})
    return jsonify({"ok": True, "portal": current_app.config["HUBSPOT_PORTAL_ID"]})


@bp.route("/widget-config", methods=["GET"])
def widget_config():
    """The dashboard widget (static JS) fetches the contact list itself, straight from
    HubSpot; it gets a ready-made URL from here."""
    key = current_app.config["HUBSPOT_API_KEY"]
    count = int(request.args.get("count", 10))
    return jsonify({"contactsUrl": "https://api.hubapi.com/contacts/v1/lists/all/contacts/all"
                                   "?hapikey=%s&count=%d" % (key, count)})
