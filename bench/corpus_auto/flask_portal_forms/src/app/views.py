"""Signup endpoints (Flask once; request/response as dicts here)."""
import requests

from app import hubspot
from app.config import config


def _captcha_ok(token):
    r = requests.post("https://www.google.com/recaptcha/api/siteverify",
                      data={"secret": config.RECAPTCHA_SECRET, "response": token})
    return r.json().get("success", False)


def signup(request):
    form = request["form"]
    if not _captcha_ok(form.get("g-recaptcha-response", "")):
        return {"status": 400}
    email = form["email"].strip().lower()
    if hubspot.contact_exists(email):
        return {"status": 409}
    code = hubspot.submit_signup({"email": email, "firstname": form.get("name", "")},
                                 hutk=request["cookies"].get("hubspotutk"),
                                 page_url=request.get("referrer"))
    return {"status": 201 if code in (200, 204) else 502}


def upgrade(request):
    return {"status": hubspot.set_plan(request["form"]["email"], request["form"]["plan"])}
