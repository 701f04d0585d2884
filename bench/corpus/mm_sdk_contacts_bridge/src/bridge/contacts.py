import logging

from bridge.hubspot_client import get_client

log = logging.getLogger(__name__)


def latest_contacts(limit=10):
    client = get_client()
    page = client.crm.contacts.basic_api.get_page(limit=limit)
    return list(page.results)


def create_contact(email, firstname, lastname, plan):
    client = get_client()
    contact = client.crm.contacts.basic_api.create(
        simple_public_object_input={
            "properties": {
                "email": email,
                "firstname": firstname,
                "lastname": lastname,
                "tidyhive_plan": plan,
            }
        }
    )
    log.info("created contact %s for %s", contact.id, email)
    return contact.id


def mark_churned(contact_id, reason):
    client = get_client()
    client.crm.contacts.basic_api.update(
        contact_id,
        simple_public_object_input={
            "properties": {"lifecyclestage": "other", "tidyhive_churn_reason": reason}
        },
    )
