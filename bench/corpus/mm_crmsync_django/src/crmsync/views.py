"""Views wired up in urls.py:

url(r'^signup/$', views.signup),
url(r'^hooks/deal-won/$', views.deal_won_webhook),
"""

import json
import logging

from crmsync.conf import settings
from crmsync.hubspot.service import HubSpotError, hubspot
from crmsync.notifications import notify_slack

logger = logging.getLogger(__name__)


def JsonResponse(data, status=200):
    return {"status": status, "content": json.dumps(data)}


def signup(request):
    if request["method"] != "POST":
        return JsonResponse({"error": "method not allowed"}, status=405)
    form = request["POST"]
    email = form.get("email", "").strip().lower()
    if not email:
        return JsonResponse({"error": "email required"}, status=400)

    properties = {
        "firstname": form.get("first_name", ""),
        "lastname": form.get("last_name", ""),
        "company": form.get("company", ""),
        "lifecyclestage": "lead",
        "hubspot_owner_id": settings.HUBSPOT_DEFAULT_OWNER_ID,
    }
    try:
        result = hubspot.create_or_update_contact(email, properties)
    except HubSpotError:
        logger.exception("could not push signup %s", email)
        return JsonResponse({"ok": False}, status=502)

    vid = result.get("vid")
    if vid and form.get("message"):
        hubspot.log_note(
            vid, form["message"], owner_id=settings.HUBSPOT_DEFAULT_OWNER_ID
        )
    notify_slack("New signup: %s (%s)" % (email, properties["company"] or "no company"))
    return JsonResponse({"ok": True, "vid": vid})


def deal_won_webhook(request):
    """Called by a HubSpot workflow webhook when a deal moves to closedwon."""
    body = json.loads(request["body"])
    deal_id = body.get("objectId") or body.get("dealId")
    deal = hubspot.get_deal(deal_id)
    props = deal.get("properties", {})
    name = props.get("dealname", {}).get("value", "deal %s" % deal_id)
    amount = props.get("amount", {}).get("value", "0")
    hubspot.update_deal(deal_id, {"onboarding_status": "queued"})
    notify_slack(":tada: %s closed for %s" % (name, amount))
    return JsonResponse({"ok": True})


def contact_lookup(request):
    email = request["GET"].get("email")
    contact = hubspot.get_contact_by_email(email)
    if contact is None:
        return JsonResponse({"found": False}, status=404)
    return JsonResponse({"found": True, "vid": contact.get("vid")})
