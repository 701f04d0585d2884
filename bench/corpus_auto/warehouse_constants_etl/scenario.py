"""Nightly warehouse export (2019): `etl/constants.py` holds BASE_URL, the key and
`PARAMS = {"hapikey": KEY}`, used by three other modules as `dict(PARAMS)`,
`{**PARAMS, ...}` and `PARAMS.copy()` (one of them through `from constants import *`),
with has-more/offset pagination, and a URL template `DEAL_URL = BASE_URL +
"/deals/v1/deal/{deal_id}?hapikey=" + KEY` filled with `.format` in `deals.py`; rows are pushed to an internal warehouse API with
the same module-level `HEADERS` dict that the deal requests send."""

ENV = {
    "HUBSPOT_KEY": "key-main",
    "WAREHOUSE_URL": "https://warehouse.internal.example.com/ingest",
}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all.*vidOffset=11",
     "json": {"contacts": [{"vid": 12}], "has-more": False, "vid-offset": 12}},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all",
     "json": {"contacts": [{"vid": 11}], "has-more": True, "vid-offset": 11}},
    {"method": "GET", "url": r"/deals/v1/deal/paged.*offset=0",
     "json": {"deals": [{"dealId": 1}], "hasMore": True, "offset": 1}},
    {"method": "GET", "url": r"/deals/v1/deal/paged",
     "json": {"deals": [{"dealId": 2}], "hasMore": False, "offset": 2}},
    {"method": "GET", "url": r"/deals/v1/deal/42", "json": {"dealId": 42}},
    {"method": "GET", "url": r"/deals/v1/pipelines", "json": {"results": [{"pipelineId": "default"}]}},
    {"method": "GET", "url": r"/companies/v2/companies/recent/modified.*offset=0",
     "json": {"results": [{"companyId": 5}], "hasMore": True, "offset": 1}},
    {"method": "GET", "url": r"/companies/v2/companies/recent/modified",
     "json": {"results": [{"companyId": 6}], "hasMore": False, "offset": 2}},
]


def case_nightly(credential):
    from etl import run

    run.main(since_ms=1577836800000)


def case_contacts_only(credential):
    from etl import contacts

    assert [c["vid"] for c in contacts.all_contacts(("email",))] == [11, 12]


def case_deal_page(credential):
    from etl import deals

    assert deals.deals_page(0)["deals"] == [{"dealId": 1}]
    assert deals.deal(42) == {"dealId": 42}
