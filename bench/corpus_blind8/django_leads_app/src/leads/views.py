from django.http import JsonResponse

from leads import tasks, utils
from leads.hubspot import HubSpotClient


def signup(request):
    email = request.POST["email"].strip().lower()
    name = request.POST.get("first_name", "")
    utils.submit_signup_form(email, name, request.META)
    tasks.push_lead.delay(email, {"firstname": name, "lifecyclestage": "lead"})
    return JsonResponse({"ok": True})


def lookup(request):
    email = request.GET["email"]
    contact = HubSpotClient().get_contact_by_email(email)
    company = None
    if "@" in email:
        found = utils.company_for_domain(email.split("@", 1)[1])
        if found:
            company = utils.company_name(found["companyId"])
    return JsonResponse({"found": contact is not None, "company": company})


def partner_lookup(request):
    """Partners query their own portal: they paste their key in their profile."""
    client = HubSpotClient(api_key=request.user.profile.hubspot_key)
    contact = client.get_contact_by_email(request.GET["email"])
    return JsonResponse({"found": contact is not None})
