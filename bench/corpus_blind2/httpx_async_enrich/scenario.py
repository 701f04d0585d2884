"""An async enrichment job (2021, httpx): a small `AsyncHubSpot` class builds an
`httpx.AsyncClient(base_url=..., params={"hapikey": key})` (or takes the caller's
client), an async generator pages companies v2 with `has-more`/`offset`, and a
firmographics provider on another host is called with its own Bearer token through a
second AsyncClient; the key comes from a `Config` dataclass built by `from_env()`."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "FIRMO_TOKEN": "firmo-sk-live-123",
}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/companies/v2/companies/paged.*offset=0",
        "json": {
            "companies": [
                {"companyId": 1, "properties": {"domain": {"value": "acme.test"}}},
                {
                    "companyId": 2,
                    "properties": {
                        "domain": {"value": "big.test"},
                        "numberofemployees": {"value": "900"},
                    },
                },
            ],
            "has-more": True,
            "offset": 2,
        },
    },
    {
        "method": "GET",
        "url": r"/companies/v2/companies/paged",
        "json": {
            "companies": [
                {"companyId": 3, "properties": {"domain": {"value": "nobody.test"}}}
            ],
            "has-more": False,
        },
    },
    {
        "method": "GET",
        "url": r"firmo\.example.*domain=nobody",
        "status": 404,
        "json": {},
    },
    {
        "method": "GET",
        "url": r"firmo\.example",
        "json": {"employees": 40, "industry": "Software"},
    },
]


def case_enrich_from_env(credential):
    import asyncio

    from enrich import run

    assert asyncio.run(run.main()) == 1


def case_enrich_with_explicit_config(credential):
    import asyncio

    from enrich import config, run

    cfg = config.Config(
        hubspot_key=credential("agency"), provider_token="firmo-sk-test-9"
    )
    asyncio.run(run.main(cfg))


def case_update_one_company(credential):
    import asyncio

    from enrich.hubspot import AsyncHubSpot

    async def go():
        hub = AsyncHubSpot(credential("agency"))
        await hub.update(5, {"industry": "Retail"})
        await hub.close()

    asyncio.run(go())
