"""Agency tooling (2018): a `HubSpotClient` whose `get(path, api_key=None, **params)`
and `post(path, data, api_key=None)` use the agency key from settings.ini's named
environment variable unless the caller passes a client portal's key; reports call it
through `functools.partial(client.get, api_key=portal_key)` and hubspot3 with the
client's key, then log a note in the agency's own portal. A tool that puts the
configured token on every call sends the agency's token to client portals."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/deals/v1/deal/paged.*offset=0",
        "json": {
            "deals": [{"properties": {"amount": {"value": "100"}}}],
            "hasMore": True,
            "offset": 1,
        },
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/paged",
        "json": {
            "deals": [{"properties": {"amount": {"value": "50.5"}}}],
            "hasMore": False,
            "offset": 2,
        },
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/contacts/statistics",
        "json": {"contacts": 12},
    },
    {"method": "GET", "url": r"/integrations/v1/me", "json": {"portalId": 62000}},
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 1}]},
    {
        "method": "POST",
        "url": r"/engagements/v1/engagements",
        "json": {"engagement": {"id": 4}},
    },
    {
        "url": r"__sdk__/hubspot3/companies\.get_all",
        "json": [{"companyId": 1}, {"companyId": 2}],
    },
]


def case_monthly_reports(credential):
    from agencyhub import reports

    rows = reports.monthly(
        [
            {"id": 62000, "api_key": credential("acme"), "company_id": 9001},
            {"id": 63000, "api_key": credential("globex"), "company_id": 9002},
        ]
    )
    assert rows[0]["won"] == 150.5, rows


def case_onboard(credential):
    from agencyhub import onboarding

    assert onboarding.onboard(9003, credential("initech")) == 62000


def case_our_owners(credential):
    from agencyhub import internal

    assert internal.our_owners() == [{"ownerId": 1}]
