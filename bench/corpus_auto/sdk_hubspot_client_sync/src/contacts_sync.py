import logging

from hubspot.crm.contacts import ApiException, SimplePublicObjectInput

from hs_client import client_for, get_client

log = logging.getLogger(__name__)


def all_emails(client=None):
    client = client or get_client()
    emails, after = [], None
    while True:
        page = client.crm.contacts.basic_api.get_page(limit=100, after=after,
                                                      properties=["email"])
        emails += [c.properties.get("email") for c in page.results]
        if not page.paging:
            return emails
        after = page.paging.next.after


def create(email, firstname):
    client = get_client()
    try:
        obj = client.crm.contacts.basic_api.create(
            simple_public_object_input=SimplePublicObjectInput(
                properties={"email": email, "firstname": firstname}))
        return obj.id
    except ApiException as e:
        log.warning("create %s failed: %s", email, e)
        return None


def partner_emails(partner_key):
    return all_emails(client_for(partner_key))
