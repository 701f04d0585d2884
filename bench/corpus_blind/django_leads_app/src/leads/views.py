import logging

from django.conf import settings

from leads import hubspot
from leads.notify import send_welcome_mail

logger = logging.getLogger(__name__)


class JsonResponse(dict):
    def __init__(self, data, status=200):
        super(JsonResponse, self).__init__(data)
        self.status_code = status


def contact(request):
    if request.method != "POST":
        return JsonResponse({"error": "method not allowed"}, status=405)
    form = request.POST
    email = form.get("email", "").strip().lower()
    if "@" not in email:
        return JsonResponse({"error": "invalid email"}, status=400)
    fields = {"email": email, "firstname": form.get("first_name", ""), "message": form.get("message", "")}
    hubspot.submit_contact_form(fields, hutk=request.COOKIES.get("hubspotutk"),
                                ip=request.META.get("REMOTE_ADDR"))
    return JsonResponse({"ok": True})


def newsletter_signup(request):
    email = request.POST["email"].strip().lower()
    vid = hubspot.create_or_update_contact(email, {"newsletter_opt_in": "true",
                                                   "lifecyclestage": "subscriber"})
    hubspot.add_to_list(settings.HUBSPOT_NEWSLETTER_LIST_ID, [email])
    hubspot.log_note(vid, "Signed up for the newsletter on the website")
    send_welcome_mail(email)
    return JsonResponse({"ok": True, "vid": vid})
