"""A class hierarchy (2017): `BaseClient(api_key)` with `_call(method, suffix, data,
query)` that adds the key with an `if "hapikey" not in query:` guard; `ContactsClient`,
`DealsClient`, `CompaniesClient` set `ENDPOINT` (contacts v1, deals v1, companies v2) and
`TimelineClient` sets it per instance to the app's timeline path and is built with the
developer key. Keys come from a YAML file with ${VAR} expanded from the environment; a
Zendesk search (basic auth with a token) drives the sync."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_DEVELOPER_API_KEY": "devkey-app",
    "ZENDESK_TOKEN": "zd-4e5f6a",
}

RESPONSES = [
    {"method": "GET", "url": r"zendesk\.com/api/v2/search\.json",
     "json": {"results": [{"id": 301, "requester_email": "kim@globex.example", "renewal": True},
                          {"id": 302, "requester_email": "lee@initech.example"}]}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/kim@", "json": {"vid": 11}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/lee@", "json": {"vid": 12}},
    {"method": "GET", "url": r"/contacts/v1/search/query", "json": {"contacts": [{"vid": 11}]}},
    {"method": "POST", "url": r"/contacts/v1/contact/vid/\d+/profile", "status": 204},
    {"method": "POST", "url": r"/deals/v1/deal/$|/deals/v1/deal/\?", "json": {"dealId": 900}},
    {"method": "POST", "url": r"/companies/v2/domains/globex\.example/companies",
     "json": {"results": [{"companyId": 55}]}},
    {"method": "POST", "url": r"/companies/v2/domains/", "json": {"results": []}},
    {"method": "GET", "url": r"/integrations/v1/424242/timeline/event-types",
     "json": [{"id": 1, "name": "Chat"}]},
]


def case_sync(credential):
    from crmtools import tickets
    assert tickets.sync() == 2


def case_search_with_caller_key(credential):
    from crmtools.clients import ContactsClient
    client = ContactsClient(credential("sandbox"))
    assert client.search("kim") == [{"vid": 11}]


def case_timeline_setup(credential):
    from crmtools import tickets
    assert tickets.setup_timeline() is True
