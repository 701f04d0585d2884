"""A HubSpot marketplace app (2018): `BaseClient(hapikey)` in `base.py` sends its key as
`params={"hapikey": ...}` from `_request` with get/post/put/delete on top and a 429 retry;
`DeveloperClient(BaseClient)` in the same module holds the *developer* key (webhook
subscriptions, timeline event types); portal-key resource subclasses (contacts v1,
companies v2 offset/has-more pagination, deals v1) live in `resources.py` with a `Portal`
facade holding one client per resource. An older `call(path, key)` appends `?hapikey=`/
`&hapikey=` and is called with the developer key from `install.py` and the portal key
(env or the caller's) from `sync.py`."""

ENV = {
    "HUBSPOT_PORTAL_KEY": "key-main",
    "HUBSPOT_DEVELOPER_KEY": "devkey-app",
    "HUBSPOT_APP_ID": "778899",
}

RESPONSES = [
    {"method": "GET", "url": r"/webhooks/v1/778899/subscriptions", "json": [
        {"subscriptionDetails": {"subscriptionType": "contact.creation"}}]},
    {"method": "GET", "url": r"/integrations/v1/778899/timeline/event-types", "json": []},
    {"method": "GET", "url": r"/webhooks/v1/778899/settings", "json": {"webhookUrl": "https://app.example.com/hook"}},
    {"method": "GET", "url": r"/companies/v2/companies/paged.*offset=2(&|$)", "json": {
        "companies": [{"companyId": 3}], "has-more": False, "offset": 3}},
    {"method": "GET", "url": r"/companies/v2/companies/paged", "json": {
        "companies": [{"companyId": 1}, {"companyId": 2}], "has-more": True, "offset": 2}},
    {"method": "GET", "url": r"/contacts/v1/lists/recently_updated", "json": {"contacts": [{"vid": 1}]}},
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 1}, {"ownerId": 2}]},
    {"method": "GET", "url": r"/contacts/v1/contact/email/", "json": {"vid": 31}},
    {"method": "POST", "url": r"/deals/v1/deal$|/deals/v1/deal\?", "json": {"dealId": 900}},
    {"method": "PUT", "url": r"/deals/v1/deal/900/associations", "status": 204, "body": ""},
    {"method": "DELETE", "url": r"/deals/v1/deal/", "status": 204, "body": ""},
]


def case_install_developer_setup(credential):
    from hsapp import install

    install.ensure_setup()


def case_nightly_sync(credential):
    from hsapp import sync

    assert sync.nightly() == (3, 2)


def case_onboard_env_key(credential):
    from hsapp import sync

    assert sync.onboard("a@b.io", "Pilot", 1500) == 900
    sync.cleanup(900)


def case_onboard_customer_key(credential):
    from hsapp import sync

    assert sync.onboard("c@d.io", "Renewal", 900, key=credential("customer")) == 900
