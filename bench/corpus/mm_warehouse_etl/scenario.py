"""Nightly ETL job (cron, ~2018): an INI file holds the non-secret settings and the key
comes from the environment in `etl/config.py`; `etl/hubspot_api.py` is the classic
`send(method, endpoint, params=None, data=None)` wrapper with an "add the key if it is
missing" guard and retries, plus a generic has-more/offset pager. Extract and writeback
modules call it with many endpoints and methods (GET with list-valued params, POST, PUT,
DELETE); a loader posts batches to the company's warehouse API with its own token."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "WAREHOUSE_TOKEN": "wh-7f3a9c",
}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/all/contacts/all",
        "json": {
            "contacts": [
                {"vid": 11, "properties": {"email": {"value": "x@acme.io"}}},
                {"vid": 12, "properties": {"email": {"value": "y@acme.io"}}},
            ],
            "has-more": False,
            "vid-offset": 12,
        },
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/paged.*offset=900",
        "json": {
            "deals": [{"dealId": 902, "properties": {}}],
            "hasMore": False,
            "offset": 902,
        },
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/paged",
        "json": {
            "deals": [
                {
                    "dealId": 900,
                    "properties": {"amount": {"value": "10"}},
                    "associations": {"associatedCompanyIds": [5]},
                }
            ],
            "hasMore": True,
            "offset": 900,
        },
    },
    {
        "method": "GET",
        "url": r"/companies/v2/companies/paged",
        "json": {
            "companies": [{"companyId": 5, "properties": {"name": {"value": "Acme"}}}],
            "has-more": False,
            "offset": 5,
        },
    },
    {
        "method": "GET",
        "url": r"/owners/v2/owners",
        "json": [
            {
                "ownerId": 1,
                "email": "sales@acme.io",
                "firstName": "Sal",
                "lastName": "Es",
            }
        ],
    },
    {
        "method": "GET",
        "url": r"/scores/",
        "json": {
            "contacts": {"11": 87, "12": 40},
            "deals": {"900": "green"},
            "archive": [902],
        },
    },
]


def case_full_run(credential):
    import datetime
    import run_etl
    from etl import hubspot_api

    hubspot_api.RETRY_PAUSE = 0
    assert run_etl.main([], today=datetime.date(2019, 3, 4)) == 0


def case_extract_only(credential):
    import datetime
    import run_etl

    run_etl.main(["--skip-writeback"], today=datetime.date(2019, 3, 5))


def case_send_with_explicit_params(credential):
    from etl import hubspot_api

    hubspot_api.send("GET", "/properties/v1/contacts/properties")
    hubspot_api.send(
        "GET",
        "/contacts/v1/contact/vid/11/profile",
        params={"propertyMode": "value_only", "showListMemberships": "false"},
    )
