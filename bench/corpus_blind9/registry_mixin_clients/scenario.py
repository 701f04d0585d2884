"""An in-house client library (2018-2020): a `BaseClient` whose `_call()` merges
`{**self._auth_params(), **params}` (`hapikey` when built with `api_key=`, a Bearer header
with `access_token=`), mixins for contacts/companies/webhooks with a generic `_paginate`,
classes registered in a dict by a `@register(name)` decorator and built by
`make_client(kind, **kwargs)`. The app's factory picks OAuth when HUBSPOT_OAUTH_TOKEN is
set, else the portal key; the webhooks client of the same hierarchy is built with the
developer API key."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_DEVELOPER_KEY": "devkey-app",
    "HUBSPOT_APP_ID": "20417",
}

CASE_ENV = {"case_touch_contact_oauth": {"HUBSPOT_OAUTH_TOKEN": "oauth-install7"}}

RESPONSES = [
    {"method": "GET", "url": r"/companies/v2/companies/paged",
     "json": {"companies": [{"companyId": 8, "properties": {"name": {"value": "Acme"}}}],
              "has-more": False, "offset": 8}},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all.*vidOffset=2",
     "json": {"contacts": [{"vid": 3, "identity-profiles": [{"identities": [{"value": "z@other.org"}]}]}],
              "has-more": False, "vid-offset": 3}},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all",
     "json": {"contacts": [{"vid": 1, "identity-profiles": [{"identities": [{"value": "a@acme.com"}]}]},
                           {"vid": 2, "identity-profiles": [{"identities": [{"value": "b@acme.com"}]}]}],
              "has-more": True, "vid-offset": 2}},
    {"method": "PUT", "url": r"/companies/v2/companies/\d+/contacts/\d+", "status": 204},
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate/", "json": {"vid": 44}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/.*/profile", "json": {"vid": 44}},
    {"method": "GET", "url": r"/webhooks/v1/20417/subscriptions",
     "json": [{"id": 1, "subscriptionDetails": {"subscriptionType": "contact.creation"}}]},
    {"method": "POST", "url": r"/webhooks/v1/20417/subscriptions", "json": {"id": 2}},
]


def case_manage_link(credential):
    import manage
    assert manage.main(["manage.py", "link"]) == 0


def case_touch_contact(credential):
    from app import jobs
    assert jobs.touch_contact("pat@acme.com", "webinar") == 44


def case_touch_contact_oauth(credential):
    from app import jobs
    assert jobs.touch_contact("pat@acme.com", "webinar") == 44


def case_manage_webhooks(credential):
    import manage
    assert manage.main(["manage.py", "webhooks"]) == 0


def case_registry_with_caller_key(credential):
    from hsclient import make_client
    hs = make_client("contacts", api_key=credential("sandbox"))
    hs.upsert_contact("qa@acme.com", lifecyclestage="lead")
    assert hs.contact_by_email("qa@acme.com")["vid"] == 44
