"""The signup handler, framework-agnostic so it can be called from a view or a script."""
import logging

from webapp import hubspot, mail, settings

log = logging.getLogger(__name__)


def handle_signup(form):
    email = (form.get("email") or "").strip().lower()
    if not email or "@" not in email:
        return {"ok": False, "error": "invalid email"}
    existing = hubspot.get_contact(email)
    props = {
        "firstname": form.get("first_name", ""),
        "lastname": form.get("last_name", ""),
        "signup_source": form.get("source", "website"),
    }
    if existing is None:
        props["lifecyclestage"] = "subscriber"
    vid = hubspot.upsert_contact(email, **props)
    if form.get("newsletter"):
        lists = [m.get("static-list-id") for m in (existing or {}).get("list-memberships", [])]
        if settings.HUBSPOT_NEWSLETTER_LIST not in lists:
            hubspot.add_to_list(vid)
    if existing is None:
        mail.send_welcome(email, form.get("first_name"))
    return {"ok": True, "vid": vid, "new": existing is None}
