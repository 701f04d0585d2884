"""Support tooling (2019): a `HubSpotAPI` wrapper with get/post/put/delete delegating to
`_request(method, path, **kwargs)`, which pops the caller's params/headers and adds the
key with `dict(params, hapikey=self.api_key)` or, in OAuth mode, a Bearer header; its
session is a retrying `requests.Session` subclass. Four modules (contacts v1 incl. search,
deals v1, engagements v1, owners v2) call it with an `api` argument; `get_api()` picks
OAuth or the key from the environment at call time."""

ENV = {"HUBSPOT_API_KEY": "key-main"}
CASE_ENV = {"case_escalate_oauth": {"HUBSPOT_OAUTH_TOKEN": "oauth-installed"}}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/contact/email/", "json": {"vid": 71}},
    {"method": "POST", "url": r"/contacts/v1/contact/vid/71/profile", "status": 204, "body": ""},
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 3, "email": "Lead@corp.io"}]},
    {"method": "POST", "url": r"/engagements/v1/engagements", "json": {"engagement": {"id": 1}}},
    {"method": "GET", "url": r"/engagements/v1/engagements/associated/CONTACT/71/paged", "json": {
        "results": [{"engagement": {"id": 1}}], "hasMore": False}},
    {"method": "GET", "url": r"/deals/v1/deal/recent/modified", "json": {"results": [
        {"dealId": 5, "properties": {"dealstage": {"value": "stale"}}},
        {"dealId": 6, "properties": {"dealstage": {"value": "open"}}}]}},
    {"method": "PUT", "url": r"/deals/v1/deal/5", "json": {"dealId": 5}},
    {"method": "DELETE", "url": r"/deals/v1/deal/", "status": 204, "body": ""},
    {"method": "GET", "url": r"/contacts/v1/search/query", "json": {"total": 4, "contacts": []}},
]


def case_escalate_key(credential):
    import support_tool

    assert support_tool.escalate("pat@client.io", "lead@corp.io") == (1, 1, 4)


def case_escalate_oauth(credential):
    import support_tool

    assert support_tool.escalate("pat@client.io", "lead@corp.io") == (1, 1, 4)


def case_purge(credential):
    import support_tool

    support_tool.purge([8, 9])


def case_caller_key(credential):
    from hsapi import HubSpotAPI, contacts

    api = HubSpotAPI(api_key=credential("partner"))
    assert contacts.find(api, "p@x.io")["vid"] == 71
