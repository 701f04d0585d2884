"""Celery worker (2019-ish): a `HubSpotAPI` wrapper whose get/post/put/delete delegate to
`_request(method, path, **kwargs)` doing `kwargs.setdefault("params", {})["hapikey"] =
self.api_key` on a Session; the key defaults to an env read in `__init__` or comes from a
caller; four modules (deals, engagements, owners, properties) use a lazily built shared
instance; tasks in `tasks.py` with a celery fallback decorator."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/deals/v1/deal/recent/modified\?.*offset=0",
        "json": {
            "results": [{"dealId": 1, "properties": {"dealstage": {"value": "stale"}}}],
            "hasMore": True,
            "offset": 1,
        },
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/recent/modified",
        "json": {
            "results": [{"dealId": 2, "properties": {"dealstage": {"value": "open"}}}],
            "hasMore": False,
        },
    },
    {"method": "PUT", "url": r"/deals/v1/deal/\d+", "json": {"dealId": 1}},
    {"method": "DELETE", "url": r"/deals/v1/deal/\d+", "status": 204, "body": ""},
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 9}]},
    {
        "method": "POST",
        "url": r"/engagements/v1/engagements",
        "json": {"engagement": {"id": 4}},
    },
    {
        "method": "GET",
        "url": r"/engagements/v1/engagements/associated/DEAL/",
        "json": {
            "results": [
                {"engagement": {"type": "NOTE"}},
                {"engagement": {"type": "CALL"}},
            ]
        },
    },
    {
        "method": "GET",
        "url": r"/properties/v1/contacts/properties/named/",
        "status": 404,
        "json": {"status": "error"},
    },
    {
        "method": "POST",
        "url": r"/properties/v1/contacts/properties",
        "json": {"name": "source_system"},
    },
    {
        "method": "GET",
        "url": r"/properties/v1/deals/properties",
        "json": [{"name": "amount"}],
    },
    {
        "method": "POST",
        "url": r"/properties/v1/deals/properties",
        "json": {"name": "renewal_date"},
    },
]


def case_close_stale(credential):
    from crmworker import tasks

    assert tasks.close_stale_deals.delay(1500000000000) == 1


def case_note(credential):
    from crmworker import tasks

    tasks.note_on_contact.apply_async(
        args=(42, "rep@example.com", "Called, left voicemail")
    )


def case_bootstrap_shared_key(credential):
    from crmworker import tasks

    assert tasks.bootstrap_portal() == 1


def case_bootstrap_client_key(credential):
    """A second portal's key handed in by the caller (an admin form)."""
    from crmworker import tasks

    assert tasks.bootstrap_portal(api_key=credential("portal2")) == 1


def case_purge(credential):
    from crmworker import tasks

    assert tasks.purge_deal(3) == 1
