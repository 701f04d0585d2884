"""A deal-desk tool (~2021) mixing SDKs: clients.py has factories get_client(api_key=None)
-> hubspot.HubSpot(api_key=...), get_legacy_client(api_key=None, **options) ->
hubspot3.Hubspot3(api_key=...), get_app_client() -> HubSpot(developer_api_key=...) for
webhook subscriptions, and a module-level `client = get_client()` imported by pipeline.py;
quotes.py takes a key handed in by the caller (a subsidiary's portal). pytest tests patch
the module-level client."""

ENV = {"HUBSPOT_API_KEY": "key-main", "HUBSPOT_DEVELOPER_API_KEY": "devkey-app"}

RESPONSES = [
    {"method": "SDK", "url": r"crm\.deals\.basic_api\.get_page", "json": {"results": [
        {"id": "11", "properties": {"dealstage": "approval"}}, {"id": "12", "properties": {"dealstage": "closedwon"}}]}},
    {"method": "SDK", "url": r"hubspot3/companies\.get", "json": {"properties": {"last_quote": {"value": "41"}}}},
]


def case_approve_pending(credential):
    from dealdesk import pipeline

    ids = pipeline.pending()
    assert ids == ["11"], ids
    assert all(pipeline.approve(i, "ops@example.com") for i in ids)


def case_quotes(credential):
    from dealdesk import quotes

    assert quotes.next_quote_number(3) == 42
    assert quotes.next_quote_number(4, api_key=credential("subsidiary")) == 42


def case_webhook_admin(credential):
    from dealdesk import app_admin

    app_admin.subscriptions()


def case_unit_tests(credential):
    from unittest import mock

    from tests import test_pipeline

    for test in (test_pipeline.test_pending_filters_on_stage, test_pipeline.test_approve_sets_approver):
        with mock.patch("dealdesk.pipeline.client") as fake:
            test(fake)
