"""A client package (2018) in the shape of many `hubspot-*` repositories: `base.py` holds
`BaseClient` whose `_request(method, path, params=None, **kwargs)` builds
`{KEYPARAM: self.api_key}` and retries on 429/5xx; resource clients subclass it in other
modules (`contacts.py`, `deals.py`, `crm.py`, one with its own constructor); the package's
`__init__.py` facade `HubSpot(api_key=None)` reads `api_key or os.environ[...]` and builds
one client per resource. Scripts use the facade with the configured key and with a
client portal's key handed on the command line (a caller's credential)."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 7, "email": "o@x.com"}]},
    {"method": "GET", "url": r"/companies/v2/companies/paged.*offset=250", "json": {
        "companies": [{"companyId": 2, "properties": {}}], "has-more": False, "offset": 251}},
    {"method": "GET", "url": r"/companies/v2/companies/paged", "json": {
        "companies": [{"companyId": 1, "properties": {"hubspot_owner_id": {"value": "7"}}}],
        "has-more": True, "offset": 250}},
    {"method": "GET", "url": r"/deals/v1/deal/recent/modified", "json": {
        "results": [{"dealId": 11, "stale": True}, {"dealId": 12}]}},
    {"method": "DELETE", "url": r"/deals/v1/deal/999", "status": 404, "json": {"status": "error"}},
    {"method": "GET", "url": r"/crm/v3/objects/tickets.*after=", "json": {"results": [{"id": "t2", "properties": {}}]}},
    {"method": "GET", "url": r"/crm/v3/objects/tickets", "json": {
        "results": [{"id": "t1", "properties": {"subject": "Help"}}], "paging": {"next": {"after": "t1"}}}},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all.*vidOffset=", "json": {
        "contacts": [{"vid": 2}], "has-more": False, "vid-offset": 2}},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all", "json": {
        "contacts": [{"vid": 1}], "has-more": True, "vid-offset": 1}},
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate", "json": {"vid": 3}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/", "json": {"vid": 3}},
]


def case_owner_report(credential):
    from scripts import owner_report
    assert owner_report.main() == {"o@x.com": 1, None: 1}


def case_close_stale_for_client_portal(credential):
    from scripts import close_stale_deals
    assert close_stale_deals.close_stale(credential("client-portal")) == [11, 404]


def case_tickets_export(credential):
    from scripts import tickets_export
    text = tickets_export.export()
    assert "t1" in text and "t2" in text


def case_facade_direct(credential):
    import hubspot_lite
    hs = hubspot_lite.HubSpot(timeout=5)
    assert hs.contacts.get_by_email("ann@example.com")["vid"] == 3
    assert hs.deals.get(11) == {}
