from leadapp.web import Blueprint
from leadapp.hubspot import client_from_env

leads = Blueprint("leads", prefix="/leads")
hs = client_from_env()  # one client for the whole process


@leads.route("/signup", methods=("POST",))
def signup(payload):
    email = payload["email"]
    hs.upsert_contact(email, {"firstname": payload.get("name", ""), "lead_source": "pi-kiosk"})
    hs.submit_form({"email": email}, hutk=payload.get("hutk"))
    return {"ok": True}


@leads.route("/lookup")
def lookup(payload):
    data = hs.contact_by_email(payload["email"])
    return {"vid": data.get("vid")}
