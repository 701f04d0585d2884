"""Old cron scripts (2014-2016, Python 2.7): `scripts/hs_common.py` with urllib2,
`except X, e`, `print >>` and a module-level HAPIKEY added to params and glued into a
`%s` URL; `export_owners.py` builds a `+` chain URL with a backslash continuation and
pages deals v1; `tag_stale_contacts.py` posts with the helper. The Python 2 scripts cannot
run in the harness (they are checked to still parse as Python 2); the half-done Python 3
port `reports/owners.py` (owners v2, deals v1 paging) is exercised."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/deals/v1/deal/paged.*offset=0",
        "json": {
            "deals": [
                {
                    "properties": {
                        "hubspot_owner_id": {"value": "1"},
                        "dealstage": {"value": "qualified"},
                    }
                },
                {
                    "properties": {
                        "hubspot_owner_id": {"value": "1"},
                        "dealstage": {"value": "closedwon"},
                    }
                },
            ],
            "hasMore": True,
            "offset": 2,
        },
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/paged",
        "json": {
            "deals": [{"properties": {"hubspot_owner_id": {"value": "2"}}}],
            "hasMore": False,
            "offset": 3,
        },
    },
    {
        "method": "GET",
        "url": r"/owners/v2/owners",
        "json": [
            {"ownerId": 1, "email": "a@x.test"},
            {"ownerId": 2, "email": "b@x.test"},
        ],
    },
]


def case_owner_report_py3(credential):
    from reports import owners

    text = owners.as_csv()
    assert "a@x.test,1" in text and "b@x.test,1" in text
