import logging

import requests

from syncjobs import hs
from syncjobs.worker import app

log = logging.getLogger(__name__)


@app.task(bind=True, max_retries=3)
def push_contact(self, email, properties):
    client = hs.contacts_client()
    try:
        result = client.create_or_update_by_email(email, {"properties": [
            {"property": k, "value": v} for k, v in properties.items()]})
    except requests.RequestException as exc:
        raise self.retry(exc=exc, countdown=30)
    return result


@app.task
def partner_push(email, partner_api_key):
    """Referral partners' portals: the key arrives in the queue message."""
    client = hs.contacts_client(api_key=partner_api_key)
    return client.create_or_update_by_email(email, {"properties": [
        {"property": "referral_source", "value": "partner"}]})


@app.task
def owners_by_email():
    owners = hs.hubspot().owners.get_owners()
    return {o["email"]: o["ownerId"] for o in owners}


@app.task
def log_support_call(email, notes):
    contact = hs.contacts_client().get_contact_by_email(email)
    return hs.log_call(contact["vid"], notes)
