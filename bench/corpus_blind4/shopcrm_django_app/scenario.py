"""A Django shop's CRM app (~2017): shopsite/settings.py reads HUBSPOT_API_KEY from the
environment (raising when it is missing); crm/services.py reads settings.HUBSPOT_API_KEY at
call time through an _auth() helper merged with dict(_auth(), ...), and the management command
sends params=services._auth() itself (owners v2); a management command
pushes customers, or, given --api-key (a franchise's own portal key handed in by the
operator), pushes to that portal with the key in the URL; the newsletter signup posts to
the forms endpoint without a key. Django is stubbed here: django.conf.settings is the
shopsite.settings module, BaseCommand has a stdout."""

import io
import sys
import types

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_PORTAL_ID": "62515",
    "HUBSPOT_NEWSLETTER_FORM": "f-123",
}

RESPONSES = [
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate/email/bad@", "status": 400, "json": {"status": "error"}},
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate/email/", "json": {"vid": 501}},
    {"method": "GET", "url": r"/contacts/v1/contact/vid/501/profile", "json": {"list-memberships": [{"static-list-id": 9}]}},
    {"method": "POST", "url": r"/contacts/v1/lists/\d+/add", "json": {"updated": [501]}},
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 1}]},
    {"method": "POST", "url": r"forms\.hubspot\.com", "status": 204, "body": ""},
]


def _django():
    import importlib

    django = types.ModuleType("django")
    conf = types.ModuleType("django.conf")
    conf.settings = importlib.import_module("shopsite.settings")
    core = types.ModuleType("django.core")
    mgmt = types.ModuleType("django.core.management")
    base = types.ModuleType("django.core.management.base")

    class BaseCommand:
        def __init__(self):
            self.stdout = io.StringIO()

    base.BaseCommand = BaseCommand
    for name, mod in (("django", django), ("django.conf", conf), ("django.core", core),
                      ("django.core.management", mgmt), ("django.core.management.base", base)):
        sys.modules[name] = mod


CUSTOMERS = [{"email": "ann@shop.io", "first": "Ann", "orders": 3}, {"email": "bad@shop.io", "orders": 1}]


def case_sync_command_with_list(credential):
    _django()
    from crm.management.commands.sync_hubspot import Command

    assert Command().handle(customers=CUSTOMERS, list_id="9") == 1


def case_sync_command_franchise_portal(credential):
    _django()
    from crm.management.commands.sync_hubspot import Command

    assert Command().handle(customers=CUSTOMERS, api_key=credential("franchise")) == 2


def case_checkout_views(credential):
    _django()
    from crm import services

    assert services.contact_lists(501) == [9]
    assert services.newsletter_signup("ann@shop.io", "https://shop.example/checkout", hutk="abc", ip="10.0.0.1") == 204
