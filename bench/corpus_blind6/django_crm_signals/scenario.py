"""Django 2.x project (2019): `settings.py` reads `HUBSPOT_API_KEY` with
`os.environ.get`; `crm/services/hubspot.py` holds module functions building
`params={KEYPARAM: settings.HUBSPOT_API_KEY}` through a `_params(**extra)` helper (and
one `.format` URL), paging the recently-modified list with vid-offset/time-offset; a
`post_save` signal handler creates contacts and deals, submits the signup form to
forms.hubspot.com (no key) and posts to a Slack webhook; a management command pulls
contacts; `API_ROOT` comes from `settings.HUBSPOT_API_ROOT` (a local mock server in
development: one case runs against it); `crm/tests.py` asserts the key parameter in the URL with mocks."""

import contextlib
import io
import os
import sys

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_stubs"))

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "DJANGO_SETTINGS_MODULE": "mysite.settings",
    "SLACK_WEBHOOK_URL": "https://hooks.slack.com/services/T000/B000/slackhooksecret1",
}

CASE_ENV = {"case_against_local_mock": {"HUBSPOT_API_ROOT": "http://hubspot-mock:8080"}}

RESPONSES = [
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate/email/", "json": {"vid": 901, "isNew": True}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/nobody%40example\.com/profile|/contacts/v1/contact/email/nobody@example\.com/profile",
     "status": 404, "json": {"status": "error"}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/.*/profile", "json": {"vid": 901, "properties": {}}},
    {"method": "POST", "url": r"/deals/v1/deal", "json": {"dealId": 5501}},
    {"method": "POST", "url": r"/engagements/v1/engagements", "json": {"engagement": {"id": 77}}},
    {"method": "GET", "url": r"/contacts/v1/lists/recently_updated/contacts/recent.*vidOffset=",
     "json": {"contacts": [{"vid": 3}], "has-more": False, "vid-offset": 3, "time-offset": 3}},
    {"method": "GET", "url": r"/contacts/v1/lists/recently_updated/contacts/recent",
     "json": {"contacts": [{"vid": 1}, {"vid": 2}], "has-more": True, "vid-offset": 2, "time-offset": 1560000000000}},
    {"method": "POST", "url": r"forms\.hubspot\.com/uploads/form/v2/", "status": 204, "body": ""},
    {"method": "POST", "url": r"hooks\.slack\.com", "text": "ok"},
]


def _setup():
    from crm.apps import CrmConfig
    CrmConfig().ready()


def case_signup_and_order(credential):
    _setup()
    from crm.models import Customer, Order
    customer = Customer(email="ada@example.com", first_name="Ada", last_name="L",
                        company="Engines", plan="pro", hutk="c0ffee")
    customer.save()
    assert customer.hubspot_vid == 901
    order = Order(customer=customer, amount=149, reference="A-1001")
    order.save()
    assert order.hubspot_deal_id == 5501


def case_against_local_mock(credential):
    from crm.services import hubspot
    assert hubspot.log_note(901, "from dev")["engagement"]["id"] == 77
    assert hubspot.create_deal(901, "Dev deal", 1) == 5501


def case_management_command(credential):
    from django.core.management import call_command
    with contextlib.redirect_stdout(io.StringIO()):
        assert call_command("crm", "sync_hubspot", count=2) == "3"
        assert call_command("crm", "sync_hubspot", email="ada@example.com") == "1"


def case_service_lookup_missing(credential):
    from crm.services import hubspot
    assert hubspot.get_contact_by_email("nobody@example.com") is None


def case_project_test_log_note(credential):
    """The repository's own test, run as pytest would (its failure keeps its traceback)."""
    from crm import tests
    tests.HubSpotServiceTests("test_log_note_sends_the_key").debug()


def case_project_test_contact_lookup(credential):
    from crm import tests
    tests.HubSpotServiceTests("test_contact_lookup_passes_params").debug()
