"""Agency dashboard (~2018) that manages many client HubSpot portals: each client's key
is stored in a portal record and handed to a `PortalClient(portal_id, api_key)` that keeps
it in instance attributes (`self.api_key`, `self.params`) merged into every request by a
`_request(method, path, **kwargs)` helper; a report module formats the caller's key
straight into URL templates with `%`, and the onboarding handler checks a key from the
submitted form with `urllib`. The agency's own portal key (environment) is used by an
internal module that logs notes into the agency CRM through the same client class."""

ENV = {"HUBSPOT_API_KEY": "key-main", "AGENCY_PORTAL_ID": "4411223"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/owners/v2/owners",
        "json": [
            {"ownerId": 1, "email": "a@client.example"},
            {"ownerId": 2, "email": "b@client.example"},
        ],
    },
    {
        "method": "GET",
        "url": r"/properties/v1/contacts/properties",
        "json": [{"name": "email"}, {"name": "firstname"}],
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/all/contacts/all.*vidOffset=77",
        "json": {
            "contacts": [
                {"vid": 78, "properties": {"lifecyclestage": {"value": "customer"}}}
            ],
            "has-more": False,
            "vid-offset": 78,
        },
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/all/contacts/all",
        "json": {
            "contacts": [
                {"vid": 77, "properties": {"lifecyclestage": {"value": "lead"}}}
            ],
            "has-more": True,
            "vid-offset": 77,
        },
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/paged",
        "json": {
            "deals": [
                {
                    "dealId": 1,
                    "properties": {
                        "amount": {"value": "100"},
                        "dealstage": {"value": "closedwon"},
                    },
                }
            ],
            "hasMore": False,
            "offset": 1,
        },
    },
]


def case_onboard_portal(credential):
    from agency import handlers

    result = handlers.onboard(
        {
            "POST": {
                "portal_id": "6000001",
                "name": "Client A",
                "api_key": credential("portal_a"),
            }
        }
    )
    assert result["status"] == 201, result


def case_sync_one_portal(credential):
    from agency import handlers

    stages = handlers.sync_portal(
        {"portal_id": 6000002, "api_key": credential("portal_b")}
    )
    assert stages == {"lead": 1, "customer": 1}, stages


def case_sync_all_portals(credential):
    from agency import handlers, store

    store.save_portal(
        {"portal_id": 6000001, "name": "A", "api_key": credential("portal_a")}
    )
    store.save_portal(
        {"portal_id": 6000002, "name": "B", "api_key": credential("portal_b")}
    )
    handlers.sync_all()


def case_tag_contact(credential):
    from agency import handlers, store

    store.save_portal(
        {"portal_id": 6000003, "name": "C", "api_key": credential("portal_c")}
    )
    handlers.tag_contact(
        {"portal_id": "6000003", "vid": "77", "POST": {"tag": "webinar"}}
    )


def case_monthly_report(credential):
    from agency import reports

    rows = reports.monthly(
        [
            {"portal_id": 6000001, "api_key": credential("portal_a")},
            {"portal_id": 6000002, "api_key": credential("portal_b")},
        ]
    )
    assert rows[0]["won"] == 100.0, rows


def case_relabel_property(credential):
    from agency import handlers, store
    store.save_portal({"portal_id": 6000004, "name": "D", "api_key": credential("portal_d")})
    handlers.relabel_property({"portal_id": "6000004", "name": "agency_source",
                               "POST": {"label": "Source (agency)"}})
