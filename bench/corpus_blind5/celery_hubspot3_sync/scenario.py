"""Celery jobs (2018) on hubspot3: a `Config` class whose attributes hold the key and
a params dict `{"hapikey": HUBSPOT_API_KEY}` built at class creation; `ContactsClient(
api_key=api_key or Config.HUBSPOT_API_KEY)` made by a factory, `Hubspot3(api_key=...)`
for owners, raw requests for engagements with `params=Config.HUBSPOT_PARAMS`; a
partner task receives a partner portal's key in its queue message. Tasks run eagerly
through a Celery stand-in when Celery is not installed."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {
        "url": r"__sdk__/hubspot3/ContactsClient\.create_or_update_by_email",
        "json": {"vid": 15, "isNew": False},
    },
    {
        "url": r"__sdk__/hubspot3/ContactsClient\.get_contact_by_email",
        "json": {"vid": 16},
    },
    {
        "url": r"__sdk__/hubspot3/owners\.get_owners",
        "json": [{"email": "o@example.com", "ownerId": 4}],
    },
    {
        "method": "POST",
        "url": r"/engagements/v1/engagements",
        "json": {"engagement": {"id": 900}},
    },
]


def case_push_contact(credential):
    from syncjobs import tasks

    tasks.push_contact.delay("ann@example.com", {"firstname": "Ann", "plan": "pro"})


def case_partner_push(credential):
    from syncjobs import tasks

    tasks.partner_push.apply_async(args=("bob@example.com", credential("partner7")))


def case_owners(credential):
    from syncjobs import tasks

    assert tasks.owners_by_email() == {"o@example.com": 4}


def case_support_call(credential):
    from syncjobs import tasks

    assert tasks.log_support_call("ann@example.com", "asked about invoices") == 900
