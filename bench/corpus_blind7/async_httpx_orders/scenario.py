"""An async order-sync worker (2021): `HubSpotAsync` opens an `httpx.AsyncClient(base_url=
..., params={"hapikey": self.api_key})` in `__aenter__` (key from the constructor or the
environment at call time) and uses it for v3 deals search/create, v3 line items paged
with `paging.next.after`, and engagements v1; Shopify is called through its own
AsyncClient with its access-token header."""

ENV = {"HUBSPOT_API_KEY": "key-main", "SHOPIFY_TOKEN": "shpat_notreal", "SHOPIFY_SHOP": "acme"}

RESPONSES = [
    {"method": "GET", "url": r"acme\.myshopify\.com/admin/api/2021-01/orders\.json", "json": {"orders": [
        {"id": 1001, "name": "#1001", "total_price": "20.00"},
        {"id": 1002, "name": "#1002", "total_price": "35.50"}]}},
    {"method": "GET", "url": r"/crm/v3/objects/line_items.*after=li2", "json": {
        "results": [{"id": "3", "properties": {"name": "Hat"}}]}},
    {"method": "GET", "url": r"/crm/v3/objects/line_items", "json": {
        "results": [{"id": "1", "properties": {"name": "Mug"}}, {"id": "2", "properties": {"name": "Tee"}}],
        "paging": {"next": {"after": "li2"}}}},
    {"method": "POST", "url": r"/crm/v3/objects/deals/search", "json": {"results": []}},
    {"method": "POST", "url": r"/crm/v3/objects/deals$|/crm/v3/objects/deals\?", "json": {"id": "880"}},
    {"method": "POST", "url": r"/engagements/v1/engagements", "json": {}},
]


def case_worker_env_key(credential):
    from orders import worker

    assert worker.main() == 2


def case_worker_given_key(credential):
    import asyncio

    from orders import worker

    assert asyncio.run(worker.sync_orders(credential("shop2"))) == 2
