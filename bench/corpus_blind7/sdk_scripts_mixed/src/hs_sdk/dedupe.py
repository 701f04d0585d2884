"""Lower-case every contact email (the v3 SDK)."""
import logging

from hubspot.crm.contacts import ApiException, SimplePublicObjectInput

from .clients import crm

log = logging.getLogger(__name__)


def lowercase_emails(batch=50):
    api = crm()
    changed = 0
    after = None
    while True:
        page = api.crm.contacts.basic_api.get_page(limit=batch, after=after, properties=["email"])
        for contact in page.results:
            email = contact.properties.get("email") or ""
            if email and email != email.lower():
                try:
                    api.crm.contacts.basic_api.update(
                        contact.id, simple_public_object_input=SimplePublicObjectInput(
                            properties={"email": email.lower()}))
                    changed += 1
                except ApiException as exc:
                    log.warning("could not update %s: %s", contact.id, exc)
        if page.paging is None or page.paging.next is None:
            break
        after = page.paging.next.after
    return changed
