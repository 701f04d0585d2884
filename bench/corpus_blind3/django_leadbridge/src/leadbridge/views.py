"""Views (plain functions taking a request-like dict, wrapped by urls.py in the app)."""
import logging

from leadbridge.services import hubspot

logger = logging.getLogger(__name__)


def contact_us(request):
    if request.get("method") != "POST":
        return {"status": 405}
    post = request.get("POST", {})
    email = (post.get("email") or "").strip().lower()
    if not email:
        return {"status": 400, "error": "email required"}
    ok = hubspot.submit_contact_form(
        {"email": email, "firstname": post.get("first_name", ""), "message": post.get("message", "")},
        hutk=request.get("COOKIES", {}).get("hubspotutk"),
        page_url=request.get("path"),
    )
    vid = hubspot.create_or_update_contact(email, lifecyclestage="lead", lead_source="website")
    return {"status": 200 if ok else 502, "vid": vid}
