"""Celery-less task functions (called from cron and from the admin panel)."""
from hubspot.crm.contacts import SimplePublicObjectInput, ApiException
from hubspot.crm.associations import BatchInputPublicObjectId

from clients import new_client, legacy_client, app_client, APP_ID


def mark_customers(client, contact_ids):
    done = []
    for cid in contact_ids:
        body = SimplePublicObjectInput(properties={"lifecyclestage": "customer"})
        try:
            client.crm.contacts.basic_api.update(contact_id=cid, simple_public_object_input=body)
            done.append(cid)
        except ApiException as e:
            print("failed %s: %s" % (cid, e))
    return done


def company_contacts(client, company_id):
    batch = BatchInputPublicObjectId(inputs=[{"id": company_id}])
    return client.crm.associations.batch_api.read("companies", "contacts",
                                                  batch_input_public_object_id=batch)


def log_calls(hs3, contact_id, notes):
    for note in notes:
        hs3.engagements.create({
            "engagement": {"active": True, "type": "NOTE"},
            "associations": {"contactIds": [contact_id]},
            "metadata": {"body": note},
        })


def ensure_webhooks(client=None):
    client = client or app_client()
    subs = client.webhooks.subscriptions_api.get_all(app_id=APP_ID)
    if not subs:
        client.webhooks.subscriptions_api.create(app_id=APP_ID, subscription_create_request={
            "eventType": "contact.creation", "active": True})


def nightly():
    client = new_client()
    mark_customers(client, ["101", "102"])
    company_contacts(client, "5001")
    log_calls(legacy_client(), 101, ["renewal call", "sent quote"])


def for_portal(portal_key):
    """Admin panel: run the customer marking for one client portal."""
    client = new_client(portal_key)
    return mark_customers(client, ["9"])
