"""Marketplace app worker (2019, RQ): webhook events carry a portalId, jobs look the
installed portal's key up in a sqlite table (`db.get_portal(portal_id).api_key`) and
send it as params merged with `dict(BASE_PARAMS, hapikey=..., **extra)`, a params
dict or a `+`-built URL; closing a deal also files a task in the agency's own portal
with the environment's key. The tenants' keys must stay the tenants'."""

ENV = {"HUBSPOT_API_KEY": "key-main", "WORKER_INLINE": "1"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/contacts/v1/contact/vid/11/profile",
        "json": {"vid": 11, "properties": {"lifecyclestage": {"value": "subscriber"}}},
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/contact/vid/\d+/profile",
        "json": {"vid": 12, "properties": {"lifecyclestage": {"value": "customer"}}},
    },
    {"method": "PUT", "url": r"/deals/v1/deal/\d+", "json": {"dealId": 1}},
    {
        "method": "GET",
        "url": r"/properties/v1/contacts/properties",
        "json": [{"name": "email"}],
    },
]


def _install(credential):
    from worker import db

    db.add_portal(1001, "acme", credential("acme"))
    db.add_portal(1002, "globex", credential("globex"))
    db.add_portal(1003, "gone", credential("gone"), active=False)


def case_webhook_batch(credential):
    from worker import webhooks

    _install(credential)
    done = webhooks.handle(
        [
            {
                "subscriptionType": "contact.propertyChange",
                "portalId": 1001,
                "objectId": 11,
            },
            {
                "subscriptionType": "contact.propertyChange",
                "portalId": 1002,
                "objectId": 12,
            },
            {
                "subscriptionType": "deal.propertyChange",
                "portalId": 1002,
                "objectId": 55,
                "amount": 990,
            },
        ]
    )
    assert [r for _, r in done][:2] == ["promoted", "unchanged"], done


def case_nightly(credential):
    from worker import tasks
    from worker.jobs import get_queue

    _install(credential)
    queue = get_queue()
    tasks.nightly_all(queue)
    assert [r for _, r in queue.done] == [1, 1]


def case_agency_alert(credential):
    from worker import tasks

    tasks.alert_agency("weekly check-in")
