"""Extract CRM objects with hubspot-api-client, engagements with hubspot3."""
import logging

from hubspot.crm.contacts import ApiException, SimplePublicObjectInput

from hsetl.clients import SETTINGS, crm_client, legacy_client

log = logging.getLogger(__name__)


def contacts():
    api = crm_client()
    return api.crm.contacts.get_all(properties=["email", "lifecyclestage"])


def companies():
    client = crm_client()
    page = client.crm.companies.basic_api.get_page(limit=SETTINGS["hubspot"]["batch"])
    return list(page.results)


def engagements():
    hs3 = legacy_client()
    return hs3.engagements.get_all()


def mark_exported(contact_id):
    api = crm_client()
    try:
        api.crm.contacts.basic_api.update(contact_id, simple_public_object_input=SimplePublicObjectInput(properties={"exported": "true"}))
        return True
    except ApiException as err:
        log.warning("could not mark %s: %s", contact_id, err)
        return False
