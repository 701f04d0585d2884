"""A public app's code (2017-2019): ``BaseClient._call`` copies params and sets
``query["hapikey"] = self.api_key``; ``DeveloperClient(BaseClient)`` takes the developer
key and app id, and its subclasses in another module call webhooks v1 and timeline
event-type endpoints; portal-key resource clients (contacts v1, companies v2, deals v1)
live in a third module with a facade ``Portal`` holding one client per resource; a
function ``call(path, key, method, **params)`` is used with the developer key by the set-up
script and with the portal key (env or a customer's key) by the report module."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_DEVELOPER_KEY": "devkey-app",
    "HUBSPOT_APP_ID": "4242",
}

RESPONSES = [
    {"method": "GET", "url": r"/webhooks/v1/4242/settings", "status": 404, "json": {}},
    {"method": "PUT", "url": r"/webhooks/v1/4242/settings", "json": {"webhookUrl": "x"}},
    {"method": "GET", "url": r"/webhooks/v1/4242/subscriptions",
     "json": [{"id": 1, "subscriptionDetails": {"subscriptionType": "contact.creation"}}]},
    {"method": "POST", "url": r"/webhooks/v1/4242/subscriptions", "json": {"id": 2}},
    {"method": "GET", "url": r"/integrations/v1/4242/timeline/event-types", "json": [{"name": "Old"}]},
    {"method": "POST", "url": r"/integrations/v1/4242/timeline/event-types", "json": {"id": 9}},
    {"method": "GET", "url": r"/integrations/v1/applications/4242", "json": {"id": 4242, "name": "Acme"}},
    {"method": "GET", "url": r"/contacts/v1/lists/recently_updated", "json": {"contacts": [{"vid": 1}, {"vid": 2}]}},
    {"method": "GET", "url": r"/companies/v2/companies/31", "json": {"properties": {"name": {"value": "Initech"}}}},
    {"method": "PUT", "url": r"/companies/v2/companies/31", "json": {"companyId": 31}},
    {"method": "GET", "url": r"/contacts/v1/contacts/statistics", "json": {"contacts": 880}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/", "status": 404, "json": {}},
    {"method": "POST", "url": r"/deals/v1/deal", "json": {"dealId": 555}},
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 1}]},
]


def case_setup_app(credential):
    import setup_app

    assert setup_app.main("https://hooks.acme.io/hubspot")["name"] == "Acme"


def case_nightly_report(credential):
    import reports

    assert reports.nightly(31) == 880


def case_onboard_customer_portal(credential):
    import reports

    assert reports.onboard(credential("customer"), 31, 1200) == (555, 1)
