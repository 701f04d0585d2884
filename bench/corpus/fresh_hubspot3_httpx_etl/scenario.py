"""A warehouse ETL (2020-2022): settings read at import from a JSON file whose values are
"${HUBSPOT_API_KEY}"-style placeholders expanded with os.path.expandvars; hubspot3 built
with Hubspot3(**HUBSPOT_CONFIG) at import, per-key ContactsClient(api_key) positional in
an lru_cache; httpx.Client / AsyncClient given client-level params={"hapikey": ...} and
base_url, paginated with a generator and `yield from`; loads to an internal warehouse."""

ENV = {"HUBSPOT_API_KEY": "key-main", "WAREHOUSE_TOKEN": "wh-secret"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/companies/v2/companies/paged\?.*offset=0",
        "json": {"companies": [{"companyId": 1}, {"companyId": 2}], "has-more": True, "offset": 2},
    },
    {
        "method": "GET",
        "url": r"/companies/v2/companies/paged\?.*offset=2",
        "json": {"companies": [{"companyId": 3}], "has-more": False, "offset": 3},
    },
    {"method": "GET", "url": r"/companies/v2/companies/\d+", "json": {"companyId": 1, "properties": {}}},
    {"method": "SDK", "url": r"deals\.get_all", "json": [{"dealId": 10}, {"dealId": 11}]},
    {"method": "SDK", "url": r"get_recently_created", "json": [{"vid": 5}]},
    {"method": "POST", "url": r"warehouse\.internal", "json": {"accepted": True}},
]


def case_full_run(credential):
    from etl import load

    assert load.run() == 6


def case_company_details_async(credential):
    from etl import extract

    extract.company_details([1, 2])


def case_partner_contacts(credential):
    from etl import extract

    extract.recent_contacts(api_key=credential("partner"))
    extract.recent_contacts()
