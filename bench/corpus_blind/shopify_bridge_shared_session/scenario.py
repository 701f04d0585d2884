"""A Shopify -> HubSpot bridge (2020): `net.py` configures a module-level
`requests.Session` with `hubspot.params = {"hapikey": ...}` that four other functions in
two modules use (contacts v1 createOrUpdate and batch, deals v1, line items and
associations, companies v2), including one GET of a company's logo URL (a third-party
host, from a HubSpot property) through the same session; a Shopify session with its own token;
ecommerce-bridge settings with the developer key."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_DEVELOPER_KEY": "devkey-app",
    "SHOPIFY_ACCESS_TOKEN": "shpat_11aa",
}

RESPONSES = [
    {"method": "GET", "url": r"myshopify\.com/admin/api/2020-10/orders\.json",
     "json": {"orders": [{"id": 9001, "order_number": 1001, "total_price": "30.00",
                          "financial_status": "paid",
                          "customer": {"id": 77, "email": "c@x.com", "first_name": "Cy"},
                          "line_items": [{"title": "Mug", "quantity": 2, "price": "15.00"}]}]}},
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate/", "json": {"vid": 501}},
    {"method": "POST", "url": r"/contacts/v1/contact/batch/", "status": 202, "body": ""},
    {"method": "POST", "url": r"/deals/v1/deal", "json": {"dealId": 601}},
    {"method": "POST", "url": r"/crm-objects/v1/objects/line_items", "json": {"objectId": 701}},
    {"method": "GET", "url": r"/companies/v2/companies/",
     "json": {"properties": {"hs_logo_url": {"value": "https://logo.clearbit.com/acme.example"}}}},
    {"method": "GET", "url": r"logo\.clearbit\.com", "text": "PNG"},
    {"method": "PUT", "url": r"/extensions/ecomm/v2/settings", "json": {"enabled": True}},
]


def case_sync_orders(credential):
    from bridge import orders
    assert orders.sync() == [601]


def case_bulk_and_attachment(credential):
    from bridge import customers
    assert customers.bulk_upsert([{"id": 1, "email": "a@x.com"}, {"id": 2, "email": "b@x.com"}])
    assert customers.company_logo(42) == b"PNG"


def case_ecomm_settings(credential):
    from bridge import ecomm_settings
    assert ecomm_settings.install_settings("https://bridge.example.com/hs")["enabled"]
    ecomm_settings.current_settings()
