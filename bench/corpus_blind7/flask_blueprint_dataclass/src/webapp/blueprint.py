from flask import Blueprint, current_app, jsonify, request

from .services import ContactsService, LeadService

bp = Blueprint("hubspot", __name__, url_prefix="/hubspot")


def _settings():
    return current_app.config["HUBSPOT"]


@bp.route("/lead", methods=["POST"])
def lead():
    data = request.get_json()
    svc = LeadService(_settings())
    status = svc.submit({"email": data["email"], "firstname": data.get("name", "")},
                        hutk=request.cookies.get("hubspotutk"))
    contact = ContactsService(_settings()).by_email(data["email"])
    if contact:
        svc.timeline_note(contact["vid"], "Lead form via website")
    return jsonify({"status": status, "known": bool(contact)})


@bp.route("/card")
def card():
    svc = ContactsService(_settings())
    contact = svc.by_email(request.args["email"])
    if contact is None:
        return jsonify({"found": False}), 404
    company = svc.company_of(contact["vid"])
    logo = svc.company_logo(company) if company else b""
    return jsonify({"found": True, "company": company and company.get("companyId"),
                    "logo_bytes": len(logo)})
