"""Django-style site (2017-ish): `crmsync/settings.py` reads HUBSPOT_API_KEY through a
`get_env_variable` helper that raises ImproperlyConfigured at start-up, a `crmsync.conf`
lazy settings object stands in for `django.conf.settings`, and a `HubSpotService` class
keeps the key in a class-level `params` dict that every method sends (copied, merged with
`dict(self.params, ...)`, or as is) via module-level `requests` calls. Views (request
dicts) and celery-shaped tasks in other modules use the shared service instance; Slack
notifications go to a non-HubSpot host."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "SLACK_WEBHOOK_URL": "https://hooks.slack.com/services/T0001/B0001/abcdef",
    "HUBSPOT_DEFAULT_OWNER_ID": "4242",
}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/all/contacts/all.*vidOffset=2001",
        "json": {
            "contacts": [
                {"vid": 2002, "properties": {"email": {"value": "b@example.com"}}}
            ],
            "has-more": False,
            "vid-offset": 2002,
        },
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/all/contacts/all",
        "json": {
            "contacts": [
                {"vid": 2001, "properties": {"email": {"value": "a@example.com"}}}
            ],
            "has-more": True,
            "vid-offset": 2001,
        },
    },
    {
        "method": "POST",
        "url": r"/contacts/v1/contact/createOrUpdate/email/",
        "json": {"vid": 2001, "isNew": True},
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/contact/email/.*/profile",
        "json": {"vid": 2001, "properties": {}},
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/recent/modified",
        "json": {
            "results": [
                {
                    "dealId": 7,
                    "properties": {
                        "dealname": {"value": "Acme"},
                        "dealstage": {"value": "closedwon"},
                    },
                }
            ],
            "hasMore": False,
        },
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/\d+",
        "json": {
            "dealId": 7,
            "properties": {
                "dealname": {"value": "Acme renewal"},
                "amount": {"value": "1200"},
            },
        },
    },
]


def case_signup_view(credential):
    from crmsync import views

    response = views.signup(
        {
            "method": "POST",
            "POST": {
                "email": "Jane@Example.com ",
                "first_name": "Jane",
                "last_name": "Doe",
                "company": "Example Ltd",
                "message": "Please call me back",
            },
        }
    )
    assert response["status"] == 200, response


def case_deal_won_webhook(credential):
    from crmsync import views

    views.deal_won_webhook({"method": "POST", "body": '{"objectId": 7}'})


def case_contact_lookup(credential):
    from crmsync import views

    views.contact_lookup({"method": "GET", "GET": {"email": "a@example.com"}})


def case_sync_all_contacts(credential):
    from crmsync import tasks

    assert tasks.sync_all_contacts() == 2


def case_daily_deal_digest(credential):
    from crmsync import tasks

    assert tasks.daily_deal_digest() == 1
