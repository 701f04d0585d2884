"""A background-worker module set (2021-2022): `client = HubSpot(api_key=settings.KEY)`
built at import in one module, chosen against HubSpot(access_token=...) by a settings
flag, imported as a singleton by a task module that decorates functions with a home-made
@task(max_retries=...) decorator; hubspot3's Hubspot3(api_key=...) is built lazily in a
global for the engagements API; search/create/update/archive through the new SDK."""

ENV = {"HUBSPOT_API_KEY": "key-main", "HUBSPOT_DEFAULT_OWNER": "31"}

CASE_ENV = {
    "case_push_contact_oauth": {"HUBSPOT_USE_OAUTH": "true", "HUBSPOT_OAUTH_TOKEN": "oauth-app"},
}

RESPONSES = [
    {
        "method": "SDK",
        "url": r"crm\.contacts\.search_api\.do_search",
        "json": {"total": 1, "results": [{"id": "901", "properties": {"email": "x@y.z"}}]},
    },
    {
        "method": "SDK",
        "url": r"crm\.contacts\.basic_api\.get_page",
        "json": {
            "results": [
                {"id": "1", "properties": {"email": "a@b.c", "bounced": "true"}},
                {"id": "2", "properties": {"email": "d@e.f", "bounced": "false"}},
            ]
        },
    },
]


def case_push_contact(credential):
    from crm import tasks

    tasks.push_contact.delay("x@y.z", {"firstname": "Xi"})


def case_log_call(credential):
    from crm import tasks

    tasks.log_call.delay(901, "Discovery call", duration_ms=60000)


def case_cleanup(credential):
    from crm import tasks

    assert tasks.nightly_cleanup() == 1


def case_push_contact_oauth(credential):
    from crm import tasks

    tasks.push_contact("x@y.z", {"lastname": "Oh"})
    tasks.log_call(901, "follow-up")
