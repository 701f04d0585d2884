"""A 2022 typed integration using ``httpx``: an ``httpx.Client`` created with
``base_url=`` and a client-level ``params={...}`` carrying the portal key (so every call,
including ones that pass their own ``params=``, inherits it), used as a context manager; a
module-level helper that puts the key into an f-string URL; and Intercom calls made with
``httpx.post`` and an ``Authorization: Bearer`` header of Intercom's own -- a Bearer token
on a non-HubSpot host. The run is guarded on the key setting."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_TICKET_PIPELINE": "0",
    "INTERCOM_TOKEN": "intercom-secret-token",
}

RESPONSES = [
    {"method": "GET", "url": r"/crm/v3/pipelines/tickets/0",
     "json": {"id": "0", "stages": [{"id": "4", "displayOrder": 3}, {"id": "1", "displayOrder": 0}]}},
    {"method": "GET", "url": r"/crm/v3/objects/tickets",
     "json": {"results": [{"id": "900", "properties": {"intercom_conversation_id": "c-1"}}]}},
    {"method": "POST", "url": r"api\.intercom\.io/conversations/search",
     "json": {"conversations": [
         {"id": "c-1", "title": "old"},
         {"id": "c-2", "title": "Refund please", "source": {"body": "<p>hi</p>", "author": {"email": "pat@example.com"}}},
         {"id": "c-3", "source": {"author": {"email": "nobody@example.com"}}}]}},
    {"method": "POST", "url": r"/crm/v3/objects/contacts/search",
     "json": {"results": [{"id": "51", "properties": {"email": "pat@example.com"}}]}},
    {"method": "POST", "url": r"/crm/v3/objects/tickets", "json": {"id": "901"}},
    {"method": "PUT", "url": r"/crm/v3/objects/tickets/\d+/associations/contact/\d+/ticket_to_contact",
     "json": {"id": "901"}},
]


def case_sync_closed_conversations(credential):
    from ticketsync import sync
    sync.run(updated_since=1650000000)


def case_lookup_for_other_portal(credential):
    from ticketsync.crm import HubSpotCRM, first_stage
    first_stage(credential("support_portal"), "0")
    with HubSpotCRM(credential("support_portal"), timeout=5.0) as crm:
        crm.find_contact_id("pat@example.com")
