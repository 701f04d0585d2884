"""SDK scripts (2020-2021): `clients.py` makes a module-level hubspot3 `Hubspot3(api_key=
API_KEY)` and a `crm()` factory returning hubspot-api-client `HubSpot(api_key=API_KEY)`;
`dedupe.py` pages with `basic_api.get_page`/`update`, `deals_report.py` uses hubspot3
owners/deals and reads `legacy.api_key` back for a raw `requests` call to deals v1
pipelines; `tenant.py` builds a hubspot3 `ContactsClient(api_key=portal_key)` from the
caller's key."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "SDK", "url": r"crm\.contacts\.basic_api\.get_page", "json": {
        "results": [{"id": "1", "properties": {"email": "Ann@X.io"}},
                    {"id": "2", "properties": {"email": "bo@x.io"}}],
        "paging": None}},
    {"method": "GET", "url": r"/deals/v1/pipelines", "json": [
        {"pipelineId": "default", "stages": [{"stageId": "won", "label": "Closed Won"},
                                             {"stageId": "lost", "label": "Closed Lost"}]}]},
    {"method": "SDK", "url": r"hubspot3/owners\.get_owners", "json": [{"ownerId": 5, "email": "sam@corp.io"}]},
    {"method": "SDK", "url": r"hubspot3/deals\.get_all", "json": [
        {"properties": {"dealstage": {"value": "won"}, "hubspot_owner_id": {"value": "5"}}},
        {"properties": {"dealstage": {"value": "lost"}}},
        {"properties": {"dealstage": {"value": "won"}}}]},
    {"method": "SDK", "url": r"hubspot3/ContactsClient\.get_all", "json": [{"vid": 1}, {"vid": 2}, {"vid": 3}]},
]


def case_dedupe(credential):
    from hs_sdk import dedupe

    assert dedupe.lowercase_emails() == 1


def case_won_report(credential):
    from hs_sdk import deals_report

    assert deals_report.won_deals_by_owner() == {"sam@corp.io": 1, "unassigned": 1}


def case_tenant_count(credential):
    from hs_sdk import tenant

    assert tenant.contact_count(credential("client7")) == 3
