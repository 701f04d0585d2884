"""An async order sync (~2021): a module constant BASE_PARAMS = {"hapikey": os.getenv(...)}
given to httpx.AsyncClient(params=...) *and* merged again per call with
{**BASE_PARAMS, **params}; v3 contacts paged with paging.next.after, the deal pipelines
v1 endpoint, deals v1 created through functools.partial(self._client.post, path) inside a
closure and asyncio.gather; Shopify orders through a second AsyncClient with its own
X-Shopify-Access-Token header."""

ENV = {"HUBSPOT_API_KEY": "key-main", "SHOPIFY_TOKEN": "shpat_demo", "SHOPIFY_SHOP": "acme"}

RESPONSES = [
    {"method": "GET", "url": r"/crm-pipelines/v1/pipelines/deals", "json": {"results": [{"pipelineId": "p1"}]}},
    {"method": "GET", "url": r"/crm/v3/objects/contacts.*after=c2", "json": {"results": [
        {"id": "3", "properties": {"shopify_customer_id": "s3"}}]}},
    {"method": "GET", "url": r"/crm/v3/objects/contacts", "json": {"results": [
        {"id": "1", "properties": {"shopify_customer_id": "s1"}}, {"id": "2", "properties": {}}],
        "paging": {"next": {"after": "c2"}}}},
    {"method": "GET", "url": r"orders\.json.*customer_id=s1", "json": {"orders": [{"name": "#1001", "total_price": "10.00"}]}},
    {"method": "GET", "url": r"orders\.json", "json": {"orders": []}},
    {"method": "POST", "url": r"/deals/v1/deal", "json": {"dealId": 88}},
]


def case_async_sync(credential):
    import asyncio

    from orderhub import sync

    assert asyncio.run(sync.sync()) == [88]
