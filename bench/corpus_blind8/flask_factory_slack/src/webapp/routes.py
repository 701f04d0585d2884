from flask import Blueprint, jsonify, request

from webapp import crm
from webapp.outbound import notify_slack

bp = Blueprint("leads", __name__)


@bp.route("/leads", methods=["POST"])
def create_lead():
    data = request.get_json()
    email = data["email"].strip().lower()
    vid = crm.upsert_contact(email, {"firstname": data.get("name", ""), "lead_source": "website"})
    crm.add_to_lead_list(vid)
    company = crm.company_by_domain(email.split("@")[-1])
    notify_slack("New lead %s (company %s)" % (email, company or "unknown"))
    return jsonify({"vid": vid, "company": company})


@bp.route("/leads/<int:vid>/owner")
def lead_owner(vid):
    return jsonify({"owner": crm.contact_owner(vid)})
