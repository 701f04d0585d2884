"""Views (request/response as plain dicts since the split from Django)."""
from leadportal.conf import settings

from crm import hubspot_client, notify


def _json(status, body):
    return {"status": status, "body": body}


def lead_form(request):
    if request.get("method") != "POST":
        return _json(405, {"error": "POST only"})
    form = request.get("POST", {})
    email = (form.get("email") or "").strip().lower()
    if "@" not in email:
        return _json(400, {"error": "email"})
    vid = hubspot_client.upsert_contact(
        email,
        {
            "firstname": form.get("first_name", ""),
            "lastname": form.get("last_name", ""),
            "lead_source": "portal",
        },
    )
    hubspot_client.add_to_list(settings.HUBSPOT_LEAD_LIST_ID, [vid])
    notify.slack("New portal lead: %s (vid %s)" % (email, vid))
    return _json(200, {"vid": vid})


def contact_detail(request, email):
    contact = hubspot_client.get_contact_by_email(email)
    if contact is None:
        return _json(404, {"error": "not found"})
    props = contact.get("properties", {})
    return _json(200, {"vid": contact.get("vid"), "company": props.get("company")})


def recent(request):
    count = int(request.get("GET", {}).get("count", 50))
    rows = hubspot_client.recent_contacts(limit=count)
    return _json(200, {"vids": [c["vid"] for c in rows]})
