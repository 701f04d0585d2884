"""A class-based API wrapper in the style of many small 2016-2019 integrations: one
``_request(self, method, path, **kwargs)`` that injects the portal key with
``kwargs.setdefault("params", {})[...] = self.api_key`` and retries with
``for attempt in range(3)``; the public methods pass their own ``params=`` (including a
dict copied per page for v3 ``after`` pagination), ``json=``, or ``data=`` together with
their own ``headers=``. A script builds the client from ``os.environ``; another caller
builds it with a key handed in by its own caller."""

import json
import os
import tempfile

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/properties/v1/contacts/properties",
        "json": [{"name": "email"}, {"name": "webinar_count"}],
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/contact/email/ann%40example\.com/profile",
        "json": {"vid": 5, "properties": {"webinar_count": {"value": "2"}}},
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/contact/email/.*/profile",
        "json": {"vid": 6, "properties": {}},
    },
    {
        "method": "POST",
        "url": r"/contacts/v1/contact/createOrUpdate/email/bob",
        "json": {"vid": 6, "isNew": True},
    },
    {
        "method": "POST",
        "url": r"/contacts/v1/contact/createOrUpdate/email/",
        "json": {"vid": 5, "isNew": False},
    },
    {
        "method": "GET",
        "url": r"/crm/v3/objects/contacts.*after=",
        "json": {"results": [{"id": "3", "properties": {}}]},
    },
    {
        "method": "GET",
        "url": r"/crm/v3/objects/contacts",
        "json": {
            "results": [{"id": "1", "properties": {"email": "a@b.c"}}],
            "paging": {"next": {"after": "2"}},
        },
    },
    {
        "method": "POST",
        "url": r"/engagements/v1/engagements",
        "json": {"engagement": {"id": 1}},
    },
    {
        "method": "POST",
        "url": r"/properties/v1/contacts/properties",
        "json": {"name": "webinar_last_attended"},
    },
]

LEADS = [
    {"email": "Ann@Example.com ", "first_name": "Ann", "webinar": "Q3 roadmap"},
    {
        "email": "bob@example.com",
        "first_name": "Bob",
        "last_name": "Stone",
        "webinar": "Q3 roadmap",
    },
]


def case_sync_script(credential):
    import sync_leads

    path = os.path.join(tempfile.gettempdir(), "leadsync_scenario_leads.json")
    with open(path, "w") as f:
        json.dump(LEADS, f)
    sync_leads.main(["sync_leads.py", path])


def case_audit_v3(credential):
    import sync_leads

    sync_leads.audit_emails()


def case_client_for_customer_portal(credential):
    from hubspot_client import HubSpotClient

    client = HubSpotClient(credential("customer_portal"), timeout=5)
    client.get_contact_by_email("carol@example.org")
    client.log_note(42, "Imported from partner portal", owner_id=7)
