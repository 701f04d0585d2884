"""Nightly warehouse ETL (2019): an `etl.json` whose `"api_key": "${HUBSPOT_API_KEY}"`
is expanded with `os.path.expandvars` into a `Config` object passed to every
function; a `requests.Session` subclass retrying 429/5xx itself gets
`session.params = {"hapikey": ...}` in a factory; the same session loads one table
into the warehouse and downloads a File Manager file from its CDN URL (HubSpot's CDN,
not its API), while another load goes through plain `requests`."""

ENV = {"HUBSPOT_API_KEY": "key-main", "WAREHOUSE_TOKEN": "wh-local"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/deals/v1/deal/paged.*offset=0",
        "json": {"deals": [{"dealId": 1}, {"dealId": 2}], "hasMore": True, "offset": 2},
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/paged",
        "json": {"deals": [{"dealId": 3}], "hasMore": False, "offset": 3},
    },
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 1}]},
    {
        "method": "GET",
        "url": r"/filemanager/api/v2/files/77",
        "json": {
            "name": "export.csv",
            "url": "https://cdn2.hubspot.net/hubfs/62515/export.csv",
        },
    },
    {"method": "GET", "url": r"cdn2\.hubspot\.net", "text": "a,b\n1,2\n"},
    {
        "method": "POST",
        "url": r"warehouse\.internal\.example\.com",
        "status": 202,
        "text": "",
    },
]


def case_nightly(credential):
    from etl import nightly

    assert nightly.run() == 4


def case_nightly_with_file(credential):
    from etl import nightly

    assert nightly.run(file_id=77) == 5
