"""Route handlers. Registered in the real app as

    bp.add_url_rule("/hubspot/webhook", view_func=hubspot_webhook, methods=["POST"])
    bp.add_url_rule("/contact", view_func=contact, methods=["POST"])
"""
import json
import logging

from app import billing, forms, hubspot_crm

log = logging.getLogger(__name__)


def _handle_deal_stage(event):
    if event.get("propertyValue") != "closedwon":
        return None
    deal = hubspot_crm.get_deal(event["objectId"])
    contact_ids = [a["id"] for a in
                   deal.get("associations", {}).get("contacts", {}).get("results", [])]
    if not contact_ids:
        log.warning("deal %s has no contact", event["objectId"])
        return None
    contact = hubspot_crm.get_contact(contact_ids[0])
    props = contact.get("properties", {})
    customer_id = billing.find_or_create_customer(
        props.get("email"), "%s %s" % (props.get("firstname", ""), props.get("lastname", "")),
        contact["id"])
    amount = int(float(deal.get("properties", {}).get("amount") or 0) * 100)
    billing.create_invoice(customer_id, amount, deal.get("properties", {}).get("dealname", ""))
    hubspot_crm.update_deal(event["objectId"], {"billing_status": "invoiced"})
    hubspot_crm.update_contact(contact["id"], {"billing_customer_id": customer_id})
    return customer_id


def hubspot_webhook(request):
    events = json.loads(request["data"])
    handled = 0
    for event in events:
        if event.get("subscriptionType") == "deal.propertyChange":
            if _handle_deal_stage(event):
                handled += 1
        elif event.get("subscriptionType") == "contact.creation":
            contact = hubspot_crm.get_contact(event["objectId"], properties=("email",))
            log.info("new contact %s", contact.get("properties", {}).get("email"))
            handled += 1
    return json.dumps({"handled": handled}), 200


def contact(request):
    form = request["form"]
    existing = hubspot_crm.find_contact_by_email(form["email"])
    ok = forms.submit_contact_form(
        {"email": form["email"], "firstname": form.get("name", ""), "message": form.get("message", "")},
        page_uri="https://www.example.com/contact",
        hutk=request.get("cookies", {}).get("hubspotutk"),
    )
    return json.dumps({"ok": ok, "known": existing is not None}), 200 if ok else 502
