"""Typed async code (2022): a frozen dataclass ``HubSpotSettings`` from an ``lru_cache``
factory; ``CrmClient`` builds an ``httpx.AsyncClient(base_url=..., params={"hapikey":
settings.api_key})`` and its methods send relative paths (v3 contacts with
``paging.next.after``, deals v1, v3 batch update with ``json=``); a FastAPI-style
dependency ``get_crm()`` and ``crm_for_portal(api_key)`` using ``dataclasses.replace``;
a ``typing.Protocol``. One method sends a developer key as ``params={"hapikey": ...}``
over the same client, overriding the client's portal key for that request."""

import asyncio

ENV = {"HUBSPOT_API_KEY": "key-main", "HUBSPOT_PAGE_SIZE": "2", "HUBSPOT_DEVELOPER_KEY": "devkey-app"}

RESPONSES = [
    {"method": "GET", "url": r"/crm/v3/objects/contacts.*after=",
     "json": {"results": [{"id": "3", "properties": {"country": "france "}}]}},
    {"method": "GET", "url": r"/crm/v3/objects/contacts",
     "json": {"results": [{"id": "1", "properties": {"country": "Germany"}}, {"id": "2", "properties": {"country": "spain"}}],
              "paging": {"next": {"after": "2"}}}},
    {"method": "POST", "url": r"/crm/v3/objects/contacts/batch/update", "json": {"results": []}},
    {"method": "GET", "url": r"/deals/v1/deal/1", "json": {"dealId": 1, "properties": {"amount": {"value": "10"}}}},
    {"method": "GET", "url": r"/deals/v1/deal/2", "json": {"dealId": 2, "properties": {"amount": {"value": "20"}}}},
    {"method": "GET", "url": r"/integrations/v1/55/timeline/event-types", "json": [{"id": 1}]},
]


def case_run_service(credential):
    from hsasync import service

    assert asyncio.run(service.run()) == (2, {1: "10", 2: "20"})


def case_run_for_portal(credential):
    from hsasync import service

    assert asyncio.run(service.run(credential("tenant")))[0] == 2


def case_event_types_developer_key(credential):
    import os

    from hsasync import service

    async def go():
        async with service.get_crm() as crm:
            return await crm.timeline_event_types(55, os.environ["HUBSPOT_DEVELOPER_KEY"])

    assert asyncio.run(go()) == [{"id": 1}]
