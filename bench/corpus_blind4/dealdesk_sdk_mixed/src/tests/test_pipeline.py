from unittest import mock

import pytest


@pytest.fixture
def sdk_client():
    with mock.patch("dealdesk.pipeline.client") as fake:
        yield fake


def test_pending_filters_on_stage(sdk_client):
    from dealdesk import pipeline

    deal = mock.Mock(id="1", properties={"dealstage": "approval"})
    other = mock.Mock(id="2", properties={"dealstage": "closedwon"})
    sdk_client.crm.deals.basic_api.get_page.return_value = mock.Mock(results=[deal, other])
    assert pipeline.pending() == ["1"]


def test_approve_sets_approver(sdk_client):
    from dealdesk import pipeline

    assert pipeline.approve("5", "cfo@example.com") is True
    kwargs = sdk_client.crm.deals.basic_api.update.call_args.kwargs
    assert kwargs["simple_public_object_input"].properties["approved_by"] == "cfo@example.com"
