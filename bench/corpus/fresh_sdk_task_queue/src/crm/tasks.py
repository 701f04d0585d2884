import logging

from hubspot.crm.contacts import ApiException, Filter, FilterGroup, PublicObjectSearchRequest
from hubspot.crm.contacts import SimplePublicObjectInput

from crm import settings
from crm.hubspot_client import client, legacy
from crm.queue import TaskFailed, task

log = logging.getLogger(__name__)


def find_contact_id(email):
    search = PublicObjectSearchRequest(
        filter_groups=[FilterGroup(filters=[Filter(property_name="email", operator="EQ", value=email)])],
        properties=["email"],
        limit=1,
    )
    res = client.crm.contacts.search_api.do_search(public_object_search_request=search)
    return res.results[0].id if res.results else None


@task(max_retries=2)
def push_contact(email, properties):
    if not settings.HUBSPOT_ENABLED:
        log.info("HubSpot disabled, not pushing %s", email)
        return None
    props = dict(properties, email=email)
    if settings.HUBSPOT_DEFAULT_OWNER and "hubspot_owner_id" not in props:
        props["hubspot_owner_id"] = str(settings.HUBSPOT_DEFAULT_OWNER)
    contact_id = find_contact_id(email)
    body = SimplePublicObjectInput(properties=props)
    try:
        if contact_id:
            client.crm.contacts.basic_api.update(contact_id, simple_public_object_input=body)
        else:
            contact_id = client.crm.contacts.basic_api.create(simple_public_object_input=body).id
    except ApiException as e:
        if getattr(e, "status", None) == 429:
            raise TaskFailed(str(e))
        log.exception("HubSpot rejected contact %s", email)
        return None
    return contact_id


@task()
def log_call(contact_id, body, duration_ms=0):
    if not settings.HUBSPOT_ENABLED:
        return None
    return legacy().engagements.create({
        "engagement": {"active": True, "type": "CALL"},
        "associations": {"contactIds": [int(contact_id)]},
        "metadata": {"body": body, "durationMilliseconds": duration_ms},
    })


@task()
def nightly_cleanup():
    page = client.crm.contacts.basic_api.get_page(limit=100, properties=["email", "bounced"], archived=False)
    removed = 0
    for c in page.results:
        if c.properties.get("bounced") == "true":
            client.crm.contacts.basic_api.archive(c.id)
            removed += 1
    return removed
