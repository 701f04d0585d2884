from signup import hubspot
from signup._compat import Blueprint, current_app, jsonify, request

bp = Blueprint("signup", __name__)

NEWSLETTER_LIST = 17


@bp.route("/", methods=["POST"])
def signup():
    data = request.get_json(silent=True) or request.form
    email = data.get("email", "").strip()
    if "@" not in email:
        return jsonify({"error": "invalid email"}), 400
    owner = hubspot.find_owner_id(current_app.config["HUBSPOT_OWNER_EMAIL"])
    vid = hubspot.upsert_contact(email, data.get("first", ""), data.get("last", ""), owner)
    if data.get("newsletter"):
        hubspot.add_to_list(NEWSLETTER_LIST, vid)
    hubspot.notify_slack("New signup: %s" % email)
    return jsonify({"vid": vid}), 201


@bp.route("/owner", methods=["GET"])
def owner():
    return jsonify({"owner": hubspot.find_owner_id(request.args.get("email", ""))}), 200
