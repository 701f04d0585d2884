"""An agency's multi-portal reporting job (2017-2020): per-client portal keys kept in a
module-level dict keyed by portal id (registered from the admin database at start-up),
key_for(portal_id) falling back to the agency's own key from the environment, a client
class adding params["hapikey"] in a **params helper, and a note posted to the agency
portal with a URL built by concatenation and an optional api_key argument; a module-level hubspot-api-client HubSpot(api_key=...) whose .api_key
attribute is switched per portal before each call."""

ENV = {"HUBSPOT_API_KEY": "key-main", "AGENCY_PORTAL_ID": "100"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/deals/v1/deal/recent/created",
        "json": {"results": [{"properties": {"dealstage": {"value": "closedwon"}}}, {"properties": {}}]},
    },
    {"method": "GET", "url": r"/contacts/v1/contacts/statistics", "json": {"contacts": 1234}},
    {"method": "GET", "url": r"/analytics/v2/reports/totals", "json": {"totals": {"visits": 77}}},
    {
        "method": "SDK",
        "url": r"crm\.contacts\.basic_api\.get_page",
        "json": {"results": [{"id": "1", "properties": {"lifecyclestage": "lead"}}]},
    },
]


def case_monthly_two_clients(credential):
    from agency import portals, reports

    portals.register(2001, credential("east"), "East Co")
    portals.register(2002, credential("west"), "West Ltd")
    out = reports.run_month(1600000000000, "20200101", "20200131", {2001: 55})
    assert len(out) == 2, out


def case_unknown_portal_falls_back(credential):
    from agency.client import PortalClient

    PortalClient(9999).contact_count()


def case_note_with_client_key(credential):
    from agency import reports

    reports.post_note(55, {"won": 1}, api_key=credential("east"))
    reports.post_note(56, {"won": 0})


def case_sdk_lifecycle_audit(credential):
    from agency import portals, sdk_sync

    portals.register(2001, credential("east"), "East Co")
    report = sdk_sync.audit_all()
    assert report[2001] == {"lead": 1}, report
