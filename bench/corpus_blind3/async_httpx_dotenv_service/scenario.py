"""Async deal service (2021-ish): a frozen `Settings` dataclass built by an lru_cached
factory from a `.env` file merged with `os.environ` (`{**dotenv, **os.environ}`); an
`httpx.AsyncClient(base_url=..., params={"hapikey": settings.hubspot_api_key},
headers=...)` built in `__init__` and used by async methods with relative paths; deals v1,
deal pipelines v1, owners v2."""

ENV = {}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/deals/v1/pipelines/default",
        "json": {"stages": [{"stageId": "won"}]},
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/1\b",
        "json": {"dealId": 1, "properties": {"dealstage": {"value": "won"}}},
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/\d+",
        "json": {
            "dealId": 2,
            "properties": {
                "dealstage": {"value": "odd"},
                "hubspot_owner_id": {"value": 5},
            },
        },
    },
    {"method": "GET", "url": r"/owners/v2/owners/5", "json": {"email": "o@x.io"}},
    {"method": "PUT", "url": r"/deals/v1/deal/\d+", "json": {}},
]


def case_audit(credential):
    import asyncio

    from dealsvc import service

    assert asyncio.run(service.audit([1, 2])) == [(2, "o@x.io")]


def case_move(credential):
    import asyncio

    from dealsvc import service

    assert asyncio.run(service.move_all([4, 5], "closedwon")) == [200, 200]
