"""An internal CRM kit (~2019): BaseClient (urllib.request, key in a class attribute
key_param + _auth() merged into the urlencoded query) -> resource clients in another
module; a facade builds one client per resource through a make_client(kind, api_key)
factory and a registry dict; a module-level instance `hubspot = HubSpotFacade.from_env()`
in the package __init__ is imported by the tools module. The timeline client is built
with the *developer* key and adds userId to _auth(); a partner's own key handed in by a
caller builds a second facade."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_DEVELOPER_API_KEY": "devkey-app",
    "HUBSPOT_APP_ID": "4242",
}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all.*vidOffset=2", "json": {"contacts": [
        {"vid": 3, "properties": {"lifecyclestage": {"value": "customer"}}}], "has-more": False}},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all", "json": {"contacts": [
        {"vid": 1, "properties": {"lifecyclestage": {"value": "lead"}}},
        {"vid": 2, "properties": {"lifecyclestage": {"value": "lead"}}}], "has-more": True, "vid-offset": 2}},
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"email": "b@x.io"}, {"email": "a@x.io"}]},
    {"method": "GET", "url": r"/timeline/event-types", "json": [{"name": "Demo"}]},
    {"method": "POST", "url": r"/companies/v2/domains/", "json": {"results": [{"companyId": 5}]}},
]


def case_lifecycle_report(credential):
    from crmkit import tools

    assert tools.lifecycle_counts() == {"lead": 2, "customer": 1}
    assert tools.owner_emails() == ["a@x.io", "b@x.io"]


def case_timeline_setup(credential):
    from crmkit import tools

    assert tools.ensure_timeline_types() == ["Support call"]


def case_partner_lookup(credential):
    from crmkit import tools

    res = tools.partner_portal_companies(credential("partner"), "partner.io")
    assert res["results"][0]["companyId"] == 5


def case_log_call_and_contact(credential):
    from crmkit import hubspot

    hubspot.contacts.get(7)
    hubspot.engagements.log_call(7, "Discussed renewal", 60000)
