import logging

import requests

from shopapp import crm, legacy
from shopapp.settings import SETTINGS

log = logging.getLogger(__name__)


def charge(amount_cents, source, email):
    resp = requests.post("https://api.stripe.com/v1/charges",
                         data={"amount": amount_cents, "currency": "usd", "source": source,
                               "receipt_email": email},
                         auth=(SETTINGS.stripe_key, ""), timeout=20)
    resp.raise_for_status()
    return resp.json()["id"]


def record_checkout_form(email, firstname, plan):
    url = "https://api.hsforms.com/submissions/v3/integration/submit/%s/%s" % (
        SETTINGS.hubspot_portal_id, SETTINGS.checkout_form_guid)
    resp = requests.post(url, json={"fields": [
        {"name": "email", "value": email},
        {"name": "firstname", "value": firstname},
        {"name": "plan", "value": plan},
    ]}, timeout=10)
    if resp.status_code != 200:
        log.warning("form submission failed: %s", resp.status_code)


def checkout(order):
    charge_id = charge(order["amount_cents"], order["source"], order["email"])
    record_checkout_form(order["email"], order["firstname"], order["plan"])
    client = crm.get_client()
    crm.create_deals(client, [{"id": order["id"], "amount": str(order["amount_cents"] / 100)}])
    legacy.note_on_contact(order["email"], "Paid with Stripe charge %s" % charge_id)
    return charge_id
