import json
import logging

from django.conf import settings
from django.http import JsonResponse

from .hubspot import HubSpotClient, HubSpotError
from .utils import audit, form_fields, submit_form

log = logging.getLogger(__name__)
client = HubSpotClient()


def signup(request):
    if request.method != "POST":
        fields = form_fields(settings.HUBSPOT_SIGNUP_FORM)
        return JsonResponse({"fields": [f["name"] for f in fields]})
    data = request.POST
    email = data["email"].strip().lower()
    status = submit_form(
        settings.HUBSPOT_SIGNUP_FORM,
        {"email": email, "firstname": data.get("first_name", "")},
        hutk=request.COOKIES.get("hubspotutk"),
        page_url="https://example.com/signup",
    )
    audit("signup", email_domain=email.split("@")[1], status=status)
    return JsonResponse({"ok": status in (200, 204, 302)})


def contact_card(request):
    email = request.GET.get("email", "")
    try:
        contact = client.get_contact_by_email(email)
    except HubSpotError as exc:
        return JsonResponse({"error": str(exc)}, status=502)
    if contact is None:
        return JsonResponse({"found": False}, status=404)
    return JsonResponse({"found": True, "vid": contact.get("vid")})


def owner_webhook(request):
    payload = json.loads(request.body)
    owners = {o["email"]: o["ownerId"] for o in client.owners() or []}
    owner_id = owners.get(payload.get("owner_email"))
    if owner_id is None:
        return JsonResponse({"assigned": False})
    client.set_owner(int(payload["vid"]), owner_id)
    client.add_note(int(payload["vid"]), owner_id, "Assigned from the partner portal")
    return JsonResponse({"assigned": True})
