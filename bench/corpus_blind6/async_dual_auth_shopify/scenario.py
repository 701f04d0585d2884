"""An async Shopify-to-HubSpot sync (2021): `HubSpotService` over a shared
`httpx.AsyncClient`, with two auth modes chosen in the constructor (an OAuth token in the
`Authorization` header, or `self._base_params = {KEYPARAM: api_key}` merged into every
request as `{**self._base_params, **params}` / `dict(self._base_params)`); v3 objects with
`paging.next.after`, batch update, line items. The same AsyncClient calls Shopify's Admin
API with its access-token header (another host). A merchant's own key comes from the
admin UI (a caller's credential)."""

import asyncio

ENV = {"HUBSPOT_API_KEY": "key-main", "SHOPIFY_SHOP": "acme-store", "SHOPIFY_TOKEN": "shpat_0a1b2c3d"}
CASE_ENV = {"case_oauth_mode": {"HUBSPOT_OAUTH_TOKEN": "oauth-installed"}}

RESPONSES = [
    {"method": "GET", "url": r"/crm/v3/objects/contacts.*after=", "json": {"results": [
        {"id": "2", "properties": {"email": "b@x.com"}}]}},
    {"method": "GET", "url": r"/crm/v3/objects/contacts", "json": {"results": [
        {"id": "1", "properties": {"email": "a@x.com"}}, {"id": "9", "properties": {}}],
        "paging": {"next": {"after": "1"}}}},
    {"method": "GET", "url": r"myshopify\.com/admin/api/2021-01/orders\.json\?email=a", "json": {"orders": [
        {"id": 501, "total_price": "10.50"}, {"id": 502, "total_price": "4.50"}]}},
    {"method": "GET", "url": r"myshopify\.com/admin/api/2021-01/orders\.json", "json": {"orders": []}},
    {"method": "POST", "url": r"/crm/v3/objects/contacts/batch/update", "json": {"results": []}},
    {"method": "POST", "url": r"/crm/v3/objects/line_items", "status": 201, "json": {"id": "li"}},
]


def case_sync_totals_key_mode(credential):
    from shopsync import sync
    assert asyncio.run(sync.sync_totals()) == 2


def case_oauth_mode(credential):
    from shopsync import sync
    assert asyncio.run(sync.sync_totals()) == 2


def case_merchant_key(credential):
    from shopsync import sync
    assert asyncio.run(sync.sync_for_merchant(credential("merchant"), "other-shop", "shpat_ffee")) == 2
