"""A CSV importer (2020, no pandas) on batch endpoints with chunking: contacts v1
batch in chunks, companies v3 batch/create, companies v2 paged with offset/has-more.
Auth comes from `auth_kwargs()`, which returns OAuth headers or `{"params":
{"hapikey": ...}}` spread into each request with `**`, and a caller may give
`--hapikey` for another portal. A ZeroBounce check sends its own `api_key` query
parameter (not HubSpot's)."""

ENV = {"HUBSPOT_API_KEY": "key-main", "ZEROBOUNCE_API_KEY": "zb-local-value"}

CASE_ENV = {"case_oauth_install": {"HUBSPOT_OAUTH_TOKEN": "oauth-install7"}}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/companies/v2/companies/paged.*offset=0",
        "json": {
            "companies": [{"properties": {"domain": {"value": "acme.example"}}}],
            "has-more": True,
            "offset": 1,
        },
    },
    {
        "method": "GET",
        "url": r"/companies/v2/companies/paged",
        "json": {"companies": [{"properties": {}}], "has-more": False, "offset": 2},
    },
    {
        "method": "POST",
        "url": r"/crm/v3/objects/companies/batch/create",
        "json": {
            "results": [
                {"id": "71", "properties": {"domain": "globex.example"}},
                {"id": "72", "properties": {"domain": "initech.example"}},
            ]
        },
    },
    {
        "method": "POST",
        "url": r"/contacts/v1/contact/batch/",
        "status": 202,
        "text": "",
    },
    {
        "method": "GET",
        "url": r"zerobounce\.net/v2/validate.*email=cy",
        "json": {"status": "invalid"},
    },
    {"method": "GET", "url": r"zerobounce\.net", "json": {"status": "valid"}},
]


def case_import_default_key(credential):
    from importer import cli

    assert cli.main(["data/leads.csv", "--batch-size", "2"]) == (5, 2)


def case_import_other_portal(credential):
    from importer import cli

    assert cli.main(["data/leads.csv", "--hapikey", credential("client9")]) == (5, 2)


def case_import_verified(credential):
    from importer import cli

    assert cli.main(["data/leads.csv", "--verify"]) == (4, 2)


def case_oauth_install(credential):
    from importer import cli

    assert cli.main(["data/leads.csv"]) == (5, 2)
