"""Shopify-to-HubSpot order sync (2020): settings split across `settings/base.py`,
`settings/prod.py` and `settings/dev.py` (`from .base import *`), loaded django.conf
style by a lazy `conf.settings`; `config.py` loads a `.env` (python-dotenv when
installed) and caches the key at import. The dev settings point at the sandbox portal
with another variable; JSON headers are shared with the Shopify calls."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "SHOPIFY_ACCESS_TOKEN": "shpat_local_test_value",
}

CASE_ENV = {
    "case_sync_dev_settings": {
        "SHOPSYNC_SETTINGS": "shopsync.settings.dev",
        "HUBSPOT_SANDBOX_KEY": "key-sandbox",
    },
}

RESPONSES = [
    {
        "method": "GET",
        "url": r"myshopify\.com/admin/api/.*/orders\.json",
        "json": {
            "orders": [
                {"name": "#1001", "email": "ann@example.com", "total_price": "40.00"},
                {"name": "#1002", "email": "nobody@example.com", "total_price": "9.50"},
            ]
        },
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/contact/email/nobody@example\.com/profile",
        "status": 404,
        "json": {"status": "error"},
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/contact/email/.*/profile",
        "json": {"vid": 501},
    },
    {"method": "POST", "url": r"/deals/v1/deal", "json": {"dealId": 9001}},
    {
        "method": "GET",
        "url": r"/owners/v2/owners",
        "json": [{"ownerId": 1, "email": "owner@example.com"}],
    },
]


def case_sync_orders(credential):
    from shopsync.commands import Command

    assert Command().handle(limit=10) == 1


def case_sync_dev_settings(credential):
    from shopsync.commands import Command

    assert Command().handle(limit=10) == 1


def case_owner_lookup(credential):
    from shopsync import owners

    assert owners.owner_email(1) == "owner@example.com"
