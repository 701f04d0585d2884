"""Public-app connector (~2021, typed, dataclasses): `HubSpotClient(api_key=None,
access_token=None)` sends `Authorization: Bearer` for marketplace (OAuth) installs and puts
the key into the query params inside `_request(method, path, **kwargs)` for legacy
installs; the mode is picked from the environment by `HubSpotConfig.from_env()`.
Properties and CRM v3 contact modules call the client; a timeline module next to them
manages the app's timeline event types with the developer key and `userId` (must stay a
developer key)."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_DEVELOPER_KEY": "devkey-shiftly",
    "HUBSPOT_APP_ID": "190233",
    "HUBSPOT_DEVELOPER_USER_ID": "8812345",
}

CASE_ENV = {
    "case_install_oauth": {"HUBSPOT_OAUTH_TOKEN": "oauth-install1"},
    "case_nightly_push_oauth": {"HUBSPOT_OAUTH_TOKEN": "oauth-install1"},
}

RESPONSES = [
    {"method": "GET", "url": r"/properties/v1/contacts/groups",
     "json": [{"name": "contactinformation"}]},
    {"method": "GET", "url": r"/properties/v1/contacts/properties",
     "json": [{"name": "email"}, {"name": "shiftly_location"}]},
    {"method": "GET", "url": r"/crm/v3/objects/contacts\?.*after=abc",
     "json": {"results": [{"id": "102", "properties": {"email": "bo@example.com"}}]}},
    {"method": "GET", "url": r"/crm/v3/objects/contacts",
     "json": {"results": [{"id": "101", "properties": {"email": "al@example.com"}}],
              "paging": {"next": {"after": "abc"}}}},
    {"method": "POST", "url": r"/crm/v3/objects/contacts", "json": {"id": "103"}},
    {"method": "GET", "url": r"/timeline/event-types",
     "json": [{"id": 1, "name": "Shift completed"}]},
    {"method": "POST", "url": r"/timeline/event-types", "json": {"id": 2}},
]


def _workers():
    from connector.contacts import Worker
    return [Worker("al@example.com", 31.5, "Leeds"), Worker("cy@example.com", 12.0, "York")]


def case_install_api_key(credential):
    from connector import install
    result = install.install()
    assert result["auth"] == "api_key", result


def case_install_oauth(credential):
    from connector import install
    result = install.install()
    assert result["auth"] == "oauth", result


def case_nightly_push_api_key(credential):
    from connector import install
    assert install.nightly_push(_workers()) == 2


def case_nightly_push_oauth(credential):
    from connector import install
    assert install.nightly_push(_workers()) == 2


def case_offboard(credential):
    from connector import install
    install.offboard("101")


def case_register_timeline_types(credential):
    from connector import install
    assert install.register_app() == [2]


def case_client_from_caller_key(credential):
    from connector import properties
    from connector.client import HubSpotClient
    client = HubSpotClient(api_key=credential("legacy_install"))
    properties.ensure_properties(client)
